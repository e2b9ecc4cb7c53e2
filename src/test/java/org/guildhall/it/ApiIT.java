package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.TestEnvironment.BASE_URL;
import static org.guildhall.it.TestEnvironment.accessToken;
import static org.guildhall.it.TestEnvironment.json;
import static org.guildhall.it.TestEnvironment.send;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API from outside, with real tokens from the test Keycloak: authentication, roles, and the
 * problem+json answer of every failure.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    static HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE_URL + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    static HttpResponse<String> patchMe(String token, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/me")).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonObject problem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonObject p = json(r.body());
        assertThat(p.getString("type")).isEqualTo("https://guildhall.org/problems/" + type);
        assertThat(p.getInt("status")).isEqualTo(status);
        assertThat(p.getString("title")).isNotBlank();
        assertThat(p.getString("detail")).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
        return p;
    }

    @Test
    void aRealKeycloakTokenOpensMeAndMakesTheAccount() {
        HttpResponse<String> r = get("/api/v1/me", accessToken("carol"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject me = json(r.body());
        assertThat(me.getString("username")).isEqualTo("carol");
        assertThat(me.getString("email")).isEqualTo("carol@guildhall.example");
        assertThat(me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString))
                .contains("member", "contributor", "moderator").doesNotContain("admin");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> again = get("/api/v1/me", accessToken("carol"));
        assertThat(json(again.body()).getString("id")).isEqualTo(me.getString("id"));
    }

    @Test
    void noTokenIsAnswered401WithABearerChallengeNeverARedirect() {
        HttpResponse<String> r = get("/api/v1/me", null);
        problem(r, 401, "unauthorized");
        assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = accessToken("bob");
        String[] parts = token.split("\\.");
        JsonObject claims = json(new String(Base64.getUrlDecoder().decode(parts[1])));
        JsonObject forged = Json.createObjectBuilder(claims).add("groups", Json.createArrayBuilder().add("admin")).build();
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.toString().getBytes()) + "." + parts[2];
        JsonObject p = problem(get("/api/v1/accounts", tampered), 401, "unauthorized");
        assertThat(p.getString("detail")).contains("signature");
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        String idToken = TestEnvironment.tokens("bob").getString("id_token");
        JsonObject p = problem(get("/api/v1/me", idToken), 401, "unauthorized");
        assertThat(p.getString("detail")).contains("access token");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = KeycloakAdmin.withAccessTokenLifespan("guildhall-cli", 1, () -> accessToken("bob"));
        Thread.sleep(2500);
        JsonObject p = problem(get("/api/v1/me", token), 401, "unauthorized");
        assertThat(p.getString("detail")).contains("expired");
    }

    @Test
    void theWrongRoleIsAnswered403AndTheRightOne200() {
        problem(get("/api/v1/accounts", accessToken("bob")), 403, "forbidden");
        HttpResponse<String> r = get("/api/v1/accounts?limit=5", accessToken("ada"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject page = json(r.body());
        assertThat(page.getJsonNumber("total").longValue()).isPositive();
        JsonArray items = page.getJsonArray("items");
        assertThat(items.size()).isBetween(1, 5);
    }

    @Test
    void everyFailureIsProblemJson() {
        String token = accessToken("alice");
        problem(get("/api/v1/no-such-thing", token), 404, "not-found");
        problem(send(HttpRequest.newBuilder(URI.create(BASE_URL + "/api/v1/me")).header("Authorization", "Bearer " + token)
                .DELETE().build()), 405, "method-not-allowed");
        problem(patchMe(token, "text/plain", "hello"), 415, "unsupported-media-type");
        problem(patchMe(token, "application/json", "{\"displayName\": "), 400, "bad-request");
        problem(get("/api/v1/accounts?limit=100000", accessToken("ada")), 400, "bad-request");
        problem(patchMe(token, "application/json", "{\"bio\":\"" + "x".repeat(1_100_000) + "\"}"), 413, "payload-too-large");
        problem(get("/api/unknown-version", token), 404, "not-found");
    }

    @Test
    void invalidProfileInputIs422AtTheFieldAndNothingIsSaved() {
        String token = accessToken("alice");
        String name = "Alice " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> ok = patchMe(token, "application/json", Json.createObjectBuilder(Map.of("displayName", name)).build().toString());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);

        JsonObject p = problem(patchMe(token, "application/json", "{\"displayName\":\"<img src=x onerror=alert(1)>\",\"bio\":\"fine\"}"),
                422, "validation-failed");
        JsonObject error = p.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("displayName");
        assertThat(error.getString("message")).contains("HTML");
        problem(patchMe(token, "application/json", "{\"displayName\":\"" + "n".repeat(81) + "\"}"), 422, "validation-failed");
        problem(patchMe(token, "application/json", "{\"displayName\":\"tab\\there\"}"), 422, "validation-failed");

        JsonObject me = json(get("/api/v1/me", token).body());
        assertThat(me.getString("displayName")).isEqualTo(name);
        assertThat(me.getString("bio")).isNotEqualTo("fine");
    }

    @Test
    void operationsEndpointsAnswer() {
        HttpResponse<String> ready = get("/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\"").contains("\"identity-provider\"");
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
        HttpResponse<String> openapi = get("/openapi", null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/me").contains("/api/v1/accounts");
        assertThat(get("/openapi/ui/", null).statusCode()).isEqualTo(200);
    }

    @Test
    void pagesCarrySecurityHeadersAndASafeSessionCookie() {
        HttpResponse<String> home = get("/", null);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(home.headers().allValues("Content-Security-Policy")).anySatisfy(csp -> assertThat(csp)
                .contains("frame-ancestors 'none'").contains("object-src 'none'"));
        assertThat(home.headers().allValues("Content-Security-Policy")).anySatisfy(csp -> assertThat(csp)
                .contains("script-src 'self' 'nonce-"));
        assertThat(home.headers().firstValue("Server")).isEmpty();
        assertThat(home.headers().firstValue("X-Powered-By")).isEmpty();

        HttpResponse<String> protectedPage = get("/me", null);
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(protectedPage.headers().firstValue("Location")).get().asString().startsWith(TestEnvironment.REALM_URL);
        assertThat(protectedPage.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("GUILDHALL_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void errorPagesUseTheLayoutAndNeverShowAStackTrace() {
        HttpResponse<String> missing = get("/no/such/page", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("id=\"error-404\"").contains("gh-header").contains("gh-footer")
                .doesNotContain("Exception");
        HttpResponse<String> template = get("/WEB-INF/templates/layout.xhtml", null);
        assertThat(template.statusCode()).isIn(403, 404);
        assertThat(template.body()).doesNotContain("ui:insert");
    }

    @Test
    void aFormPostedFromAnExpiredViewShowsTheExpiredPage() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(BASE_URL + "/search.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("usermenu=usermenu&jakarta.faces.ViewState=" + java.net.URLEncoder.encode(
                        Base64.getEncoder().encodeToString(new byte[48]), java.nio.charset.StandardCharsets.UTF_8))).build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"error-expired\"").contains("gh-header").doesNotContain("ViewExpiredException");
    }

    @Test
    void userInputInPagesIsEscaped() {
        HttpResponse<String> r = get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
