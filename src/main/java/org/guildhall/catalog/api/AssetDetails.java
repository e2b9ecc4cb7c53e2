package org.guildhall.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An asset as its page and the API show it, seen by one viewer. */
public record AssetDetails(UUID id, AssetRef ref, String summary, String task, String license, List<String> languages,
        List<String> tags, long downloads, long likes, Integer latestRevision, Instant createdAt, Instant updatedAt,
        boolean editable, boolean liked, String takedownReason) {

    /** Whether the DAO took the asset down (only its owners and admins still see it, with the reason). */
    public boolean takenDown() {
        return takedownReason != null;
    }

    public boolean published() {
        return latestRevision != null;
    }
}
