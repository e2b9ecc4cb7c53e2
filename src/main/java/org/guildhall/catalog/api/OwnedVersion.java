package org.guildhall.catalog.api;

import java.util.UUID;

/**
 * A published version with who owns its asset, as the platform sees it (no viewer's rules): what a capability
 * that sells, governs or trains on assets needs to know about one.
 */
public record OwnedVersion(UUID assetId, UUID ownerId, AssetRef ref, UUID versionId, int revision, String tag,
        String contentHash, String license) {

    /** {@code dataset:alice/iris@r2}: how ledger entries name a version. */
    public String subject() {
        return ref.subject() + "@r" + revision;
    }

    public String label() {
        return tag != null ? tag : "r" + revision;
    }
}
