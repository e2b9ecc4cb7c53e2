package org.guildhall.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells whether Keycloak answers. The answer is kept for a few seconds so that a burst of requests while
 * Keycloak is down costs one probe, not one per request.
 */
@ApplicationScoped
public class IdentityProviderProbe {

    private static final Duration REMEMBER = Duration.ofSeconds(5);

    @Inject
    OidcSettings settings;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicReference<Observation> last = new AtomicReference<>();

    public boolean isReachable() {
        Observation seen = last.get();
        long now = System.nanoTime();
        if (seen != null && now - seen.atNanos < REMEMBER.toNanos()) {
            return seen.reachable;
        }
        boolean reachable = probe();
        last.set(new Observation(now, reachable));
        return reachable;
    }

    private boolean probe() {
        try {
            HttpRequest request = HttpRequest.newBuilder(settings.discoveryUri()).timeout(settings.probeTimeout()).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Observation(long atNanos, boolean reachable) {
    }
}
