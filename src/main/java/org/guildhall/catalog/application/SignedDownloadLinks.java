package org.guildhall.catalog.application;

import static org.guildhall.platform.validation.RejectedException.Reason.UNPROCESSABLE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.api.Download;
import org.guildhall.catalog.api.DownloadLinks;
import org.guildhall.catalog.api.FileAccessPolicy;
import org.guildhall.catalog.api.SignedLink;
import org.guildhall.identity.api.AccountService;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.web.Messages;

/**
 * Links signed with HMAC-SHA256 over {@code v1|kind|owner|name|versionId|base64url(path)|issuer|expiry}. The version is
 * fixed when the link is made (a link to {@code main} keeps serving that version). Nothing is stored: a link
 * is valid because its signature holds, and stops when it expires or the secret changes.
 */
@ApplicationScoped
public class SignedDownloadLinks implements DownloadLinks {

    static final String PREFIX = "/api/v1/links/";

    @Inject
    CatalogService catalog;

    @Inject
    AccountService accounts;

    @Inject
    jakarta.enterprise.inject.Instance<FileAccessPolicy> accessPolicies;

    /** Dev-only default; set a long random secret in production (changing it ends every link). */
    @Inject
    @ConfigProperty(name = "guildhall.catalog.link-secret", defaultValue = "guildhall-dev-only-link-secret")
    String secret;

    @Inject
    @ConfigProperty(name = "guildhall.catalog.link-max-seconds", defaultValue = "3600")
    long maxSeconds;

    Clock clock = Clock.systemUTC();

    @Override
    public SignedLink issue(Actor issuer, AssetRef ref, String rev, String path, long ttlSeconds) {
        if (ttlSeconds < 1 || ttlSeconds > maxSeconds) {
            throw new RejectedException(UNPROCESSABLE, Messages.format(Locale.ENGLISH, "catalog.link.ttl", maxSeconds));
        }
        Download d = catalog.file(ref, rev, path, Optional.of(issuer));
        if (d.version().draft()) {
            throw new RejectedException(UNPROCESSABLE, Messages.format(Locale.ENGLISH, "catalog.link.draft"));
        }
        // only whoever may have the file gets a link to it
        accessPolicies.forEach(p -> p.admit(d, Optional.of(issuer), FileAccessPolicy.Use.HEADERS));
        Instant expires = clock.instant().plusSeconds(ttlSeconds);
        String payload = String.join("|", List.of("v1", ref.kind().name(), ref.owner(), ref.name(), d.version().id().toString(),
                b64(path.getBytes(StandardCharsets.UTF_8)), issuer.accountId().toString(), Long.toString(expires.getEpochSecond())));
        String token = b64(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64(mac(payload));
        return new SignedLink(PREFIX + token, expires);
    }

    @Override
    public Optional<Resolved> resolve(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload;
        byte[] signature;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, mac(payload))) {
            return Optional.empty();
        }
        String[] f = payload.split("\\|", -1);
        if (f.length != 8 || !f[0].equals("v1") || clock.instant().getEpochSecond() > Long.parseLong(f[7])) {
            return Optional.empty();
        }
        AssetRef ref = new AssetRef(AssetKind.valueOf(f[1]), f[2], f[3]);
        UUID issuerId = UUID.fromString(f[6]);
        Optional<Actor> issuer = accounts.findById(issuerId).map(a -> new Actor(a.id(), a.username(), false));
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        String path;
        try {
            path = new String(Base64.getUrlDecoder().decode(f[5]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Download d = catalog.file(ref, versionRev(ref, f[4]), path, issuer);
        return Optional.of(new Resolved(d, issuer.get()));
    }

    /** The revision of the version a link fixed, as {@code r<N>}. */
    private String versionRev(AssetRef ref, String versionId) {
        return catalog.ownedVersion(UUID.fromString(versionId)).filter(v -> v.ref().equals(ref)).map(v -> "r" + v.revision())
                .orElseThrow(() -> RejectedException.notFound(Messages.format(Locale.ENGLISH, "catalog.link.gone")));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
