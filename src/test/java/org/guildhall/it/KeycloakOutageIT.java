package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.it.TestEnvironment.BASE_URL;
import static org.guildhall.it.TestEnvironment.send;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak goes down (this test stops the test Keycloak, so it runs last): public pages still work,
 * signing in shows a clear page, and readiness says why.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeycloakOutageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.guildhall();
    }

    @Test
    void publicPagesWorkAndSignInSaysTheIdentityServiceIsUnavailable() throws Exception {
        String pidFile = System.getProperty("it.keycloak.pidfile", "");
        Assumptions.assumeFalse(pidFile.isBlank(), "the test command passes the Keycloak pid file");
        stopKeycloak(Path.of(pidFile));

        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"signin\"");

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).containsPattern("\"name\":\"identity-provider\",\"status\":\"DOWN\"");

        HttpResponse<String> signIn = get("/signin?next=/me");
        assertThat(signIn.statusCode()).isEqualTo(302);
        String location = signIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/identity-unavailable");
        HttpResponse<String> page = get(URI.create(BASE_URL).resolve(location).getPath());
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("id=\"error-unavailable\"").contains("Sign-in is unavailable");
    }

    static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE_URL + path)).GET().build());
    }

    static void stopKeycloak(Path pidFile) throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle keycloak = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Keycloak is not running"));
        keycloak.descendants().forEach(ProcessHandle::destroy);
        keycloak.destroy();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (keycloak.isAlive() || keycloak.descendants().anyMatch(ProcessHandle::isAlive)) {
            if (Instant.now().isAfter(deadline)) {
                keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
                keycloak.destroyForcibly();
            }
            Thread.sleep(200);
        }
    }
}
