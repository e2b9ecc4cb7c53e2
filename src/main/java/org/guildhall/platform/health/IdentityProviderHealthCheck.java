package org.guildhall.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.guildhall.platform.security.IdentityProviderProbe;
import org.guildhall.platform.security.OidcSettings;

@Readiness
@ApplicationScoped
public class IdentityProviderHealthCheck implements HealthCheck {

    @Inject
    IdentityProviderProbe probe;

    @Inject
    OidcSettings settings;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("identity-provider").status(probe.isReachable())
                .withData("issuer", settings.getIssuer()).build();
    }
}
