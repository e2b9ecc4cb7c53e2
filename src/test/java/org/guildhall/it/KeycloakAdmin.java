package org.guildhall.it;

import static org.guildhall.it.TestEnvironment.KEYCLOAK_URL;
import static org.guildhall.it.TestEnvironment.keycloakAdminToken;
import static org.guildhall.it.TestEnvironment.send;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Keycloak's admin API, for tests that need a realm setting changed for a moment. */
final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    /** Runs {@code work} while the client's access tokens live {@code seconds}; restores the setting after. */
    static <T> T withAccessTokenLifespan(String clientId, int seconds, Supplier<T> work) {
        String admin = keycloakAdminToken();
        String clients = KEYCLOAK_URL + "/admin/realms/guildhall/clients";
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(clients + "?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin).GET().build());
        JsonObject client = Json.createReader(new StringReader(found.body())).readArray().getJsonObject(0);
        String id = client.getString("id");
        JsonObject attributes = client.getJsonObject("attributes");
        String previous = attributes.containsKey("access.token.lifespan") ? attributes.getString("access.token.lifespan") : "";
        put(admin, clients + "/" + id, client, String.valueOf(seconds));
        try {
            return work.get();
        } finally {
            put(admin, clients + "/" + id, client, previous);
        }
    }

    private static void put(String admin, String url, JsonObject client, String lifespan) {
        JsonObject attributes = Json.createObjectBuilder(client.getJsonObject("attributes")).add("access.token.lifespan", lifespan).build();
        JsonObject changed = Json.createObjectBuilder(client).add("attributes", attributes).build();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(changed.toString())).build());
        if (r.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused the client change: " + r.statusCode() + " " + r.body());
        }
    }

}
