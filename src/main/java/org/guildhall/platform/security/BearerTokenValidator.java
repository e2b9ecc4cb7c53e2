package org.guildhall.platform.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Checks a Keycloak access token: RS256 signature by one of the realm's keys, issuer, audience, expiry,
 * and {@code typ = Bearer} so that ID tokens and refresh tokens are refused. Thread-safe.
 */
public final class BearerTokenValidator {

    private final JwtConsumer consumer;
    private final String audience;

    public BearerTokenValidator(String issuer, String audience, int clockSkewSeconds, VerificationKeyResolver keys) {
        this.audience = audience;
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(clockSkewSeconds)
                .setExpectedIssuer(issuer)
                // the audience is checked after typ, so that an ID token is refused for what it is
                .setSkipDefaultAudienceValidation()
                .setVerificationKeyResolver(keys)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    public CallerClaims validate(String token) throws InvalidTokenException {
        if (token == null || token.isBlank() || token.length() > 16_384) {
            throw new InvalidTokenException("The bearer token is missing or too long.");
        }
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException(reason(e), e);
        }
        try {
            Object typ = claims.getClaimValue("typ");
            if (!"Bearer".equals(typ)) {
                throw new InvalidTokenException("The token is not an access token (typ must be Bearer).");
            }
            if (!claims.getAudience().contains(audience)) {
                throw new InvalidTokenException("The token is not meant for the Guildhall API (audience).");
            }
            String username = claims.getStringClaimValue("preferred_username");
            if (username == null || username.isBlank()) {
                username = claims.getSubject();
            }
            Set<String> groups = new LinkedHashSet<>();
            if (claims.hasClaim("groups")) {
                List<String> list = claims.getStringListClaimValue("groups");
                for (String g : list) {
                    groups.add(g.startsWith("/") ? g.substring(1) : g);
                }
            }
            return new CallerClaims(claims.getSubject(), username,
                    nullToEmpty(claims.getStringClaimValue("email")),
                    nullToEmpty(claims.getStringClaimValue("name")), Set.copyOf(groups));
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("The token has a malformed claim.", e);
        }
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "The token has expired.";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return "The token's signature is not valid.";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "The token was not issued by this Guildhall's identity provider.";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "The token is not meant for the Guildhall API (audience).";
        }
        return "The token is not valid.";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
