package org.guildhall.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Where the test server and the test Keycloak are, and how to get real tokens from Keycloak. */
public final class TestEnvironment {

    public static final String BASE_URL = System.getProperty("it.base.url", "http://localhost:9081");
    public static final String KEYCLOAK_URL = System.getProperty("it.keycloak.url", "http://127.0.0.1:8190");
    public static final String REALM_URL = KEYCLOAK_URL + "/realms/guildhall";
    public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private TestEnvironment() {
    }

    /** The demo users of the committed realm; their passwords are dev-only. */
    public static String password(String user) {
        return user + "-dev-only";
    }

    /** A real access token from Keycloak for a demo user (password grant of the public CLI client). */
    public static JsonObject tokens(String user) {
        return post(REALM_URL + "/protocol/openid-connect/token", Map.of("grant_type", "password", "client_id", "guildhall-cli",
                "username", user, "password", password(user), "scope", "openid"), null);
    }

    public static String accessToken(String user) {
        return tokens(user).getString("access_token");
    }

    /** An access token for Keycloak's own admin API (master realm's dev-only bootstrap admin). */
    public static String keycloakAdminToken() {
        return post(KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "admin-dev-only"), null).getString("access_token");
    }

    public static JsonObject post(String url, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = send(b.build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return json(r.body());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
