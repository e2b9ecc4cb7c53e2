package org.guildhall.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BearerTokenValidatorTest {

    static final String ISSUER = "http://idp.test/realms/guildhall";
    static RsaJsonWebKey realmKey;
    static RsaJsonWebKey strangerKey;
    static BearerTokenValidator validator;

    @BeforeAll
    static void keys() throws Exception {
        realmKey = RsaJwkGenerator.generateJwk(2048);
        realmKey.setKeyId("realm");
        strangerKey = RsaJwkGenerator.generateJwk(2048);
        strangerKey.setKeyId("realm");
        validator = new BearerTokenValidator(ISSUER, "guildhall-api", 0,
                new JwksVerificationKeyResolver(new JsonWebKeySet(realmKey).getJsonWebKeys()));
    }

    static JwtClaims accessClaims() {
        JwtClaims c = new JwtClaims();
        c.setIssuer(ISSUER);
        c.setAudience("account", "guildhall-api");
        c.setSubject("f4b7c0de-0000-4000-8000-000000000001");
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(5);
        c.setClaim("typ", "Bearer");
        c.setClaim("preferred_username", "alice");
        c.setClaim("email", "alice@example.org");
        c.setClaim("name", "Alice Archer");
        c.setStringListClaim("groups", List.of("member", "/contributor"));
        return c;
    }

    static String sign(JwtClaims claims, RsaJsonWebKey key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Test
    void acceptsAnAccessTokenOfTheRealmAndReadsItsClaims() throws Exception {
        CallerClaims claims = validator.validate(sign(accessClaims(), realmKey));
        assertThat(claims.subject()).isEqualTo("f4b7c0de-0000-4000-8000-000000000001");
        assertThat(claims.username()).isEqualTo("alice");
        assertThat(claims.email()).isEqualTo("alice@example.org");
        assertThat(claims.displayName()).isEqualTo("Alice Archer");
        assertThat(claims.groups()).containsExactlyInAnyOrder("member", "contributor");
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        JwtClaims c = accessClaims();
        c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 60));
        String token = sign(c, realmKey);
        assertThatThrownBy(() -> validator.validate(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("expired");
    }

    @Test
    void refusesATokenWhoseSignatureWasTamperedWith() throws Exception {
        String token = sign(accessClaims(), realmKey);
        String[] parts = token.split("\\.");
        JwtClaims forged = accessClaims();
        forged.setStringListClaim("groups", List.of("admin"));
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.toJson().getBytes());
        String tampered = parts[0] + "." + payload + "." + parts[2];
        assertThatThrownBy(() -> validator.validate(tampered)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        String token = sign(accessClaims(), strangerKey);
        assertThatThrownBy(() -> validator.validate(token)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesAnotherIssuer() throws Exception {
        JwtClaims c = accessClaims();
        c.setIssuer("http://evil.test/realms/guildhall");
        String token = sign(c, realmKey);
        assertThatThrownBy(() -> validator.validate(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("issued");
    }

    @Test
    void refusesATokenForAnotherAudience() throws Exception {
        JwtClaims c = accessClaims();
        c.setAudience("account");
        String token = sign(c, realmKey);
        assertThatThrownBy(() -> validator.validate(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("audience");
    }

    @Test
    void refusesAnIdTokenUsedAsBearerToken() throws Exception {
        JwtClaims c = accessClaims();
        c.setClaim("typ", "ID");
        String token = sign(c, realmKey);
        assertThatThrownBy(() -> validator.validate(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("typ");
    }

    @Test
    void refusesSymmetricAlgorithmsAndUnsignedTokens() throws Exception {
        JsonWebSignature hs = new JsonWebSignature();
        hs.setPayload(accessClaims().toJson());
        hs.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hs.setKey(new HmacKey(new byte[32]));
        String hmacToken = hs.getCompactSerialization();
        assertThatThrownBy(() -> validator.validate(hmacToken)).isInstanceOf(InvalidTokenException.class);

        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(accessClaims().toJson().getBytes());
        assertThatThrownBy(() -> validator.validate(header + "." + payload + ".")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesGarbageAndOversizedTokens() {
        assertThatThrownBy(() -> validator.validate("not-a-token")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> validator.validate("")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> validator.validate("a".repeat(20_000))).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("too long");
    }
}
