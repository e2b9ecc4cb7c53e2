package org.guildhall.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/** Builds the one validator of the application, with the realm's keys fetched (and cached) from its JWKS. */
@ApplicationScoped
public class BearerTokenValidatorProducer {

    @Inject
    OidcSettings settings;

    // a pseudo-scope: the validator is immutable and shared, and needs no client proxy
    @Produces
    @Singleton
    BearerTokenValidator validator() {
        HttpsJwks jwks = new HttpsJwks(settings.jwksUri().toString());
        // a key that is not in the cached set makes jose4j fetch the set again (key rotation), at most this often
        jwks.setRetainCacheOnErrorDuration(300);
        jwks.setDefaultCacheDuration(600);
        return new BearerTokenValidator(settings.getIssuer(), settings.getApiAudience(), settings.getClockSkewSeconds(),
                new HttpsJwksVerificationKeyResolver(jwks));
    }
}
