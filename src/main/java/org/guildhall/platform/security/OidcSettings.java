package org.guildhall.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Keycloak is and how Guildhall is registered there. Read by the OpenID mechanism's annotation
 * through EL ({@code oidcSettings.issuer}), by the bearer-token validator and by the readiness check.
 */
@ApplicationScoped
@Named("oidcSettings")
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "guildhall.oidc.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "guildhall.oidc.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "guildhall.oidc.client-secret")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "guildhall.api.audience")
    String apiAudience;

    @Inject
    @ConfigProperty(name = "guildhall.oidc.clock-skew-seconds", defaultValue = "30")
    int clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "guildhall.public-base-url")
    Optional<String> publicBaseUrl;

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String getApiAudience() {
        return apiAudience;
    }

    public int getClockSkewSeconds() {
        return clockSkewSeconds;
    }

    public Optional<String> getPublicBaseUrl() {
        return publicBaseUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    public URI discoveryUri() {
        return URI.create(issuer + "/.well-known/openid-configuration");
    }

    public URI jwksUri() {
        return URI.create(issuer + "/protocol/openid-connect/certs");
    }

    public URI endSessionUri() {
        return URI.create(issuer + "/protocol/openid-connect/logout");
    }

    public Duration probeTimeout() {
        return Duration.ofSeconds(2);
    }
}
