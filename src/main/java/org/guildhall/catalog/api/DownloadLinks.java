package org.guildhall.catalog.api;

import java.util.Optional;

/**
 * Signed, short-lived download links: a member entitled to a file gets a link that works without a token until
 * it expires, for a script or a tool that cannot send one. The link acts as its issuer: whoever may not
 * download the file (or must pay per use) is checked again each time it is used.
 */
public interface DownloadLinks {

    /** A link to the file, valid for {@code ttlSeconds} (1 to the configured maximum). */
    SignedLink issue(Actor issuer, AssetRef ref, String rev, String path, long ttlSeconds);

    /** The file and the issuer a link names, if its signature holds and it has not expired; empty otherwise. */
    Optional<Resolved> resolve(String token);

    record Resolved(Download download, Actor issuer) {
    }
}
