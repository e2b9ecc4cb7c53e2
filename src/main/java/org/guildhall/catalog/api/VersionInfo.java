package org.guildhall.catalog.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A version. {@code contentHash} is empty for the draft; {@code commit} is its first 40 hex digits, the
 * form that the Hub's clients take for a commit id.
 */
public record VersionInfo(UUID id, int revision, boolean draft, String tag, String contentHash, int fileCount,
        long totalBytes, Instant createdAt, Instant publishedAt) {

    public String commit() {
        return contentHash == null ? null : contentHash.substring(0, 40);
    }

    /** {@code r3}, or the tag when there is one. */
    public String label() {
        return tag != null ? tag : "r" + revision;
    }
}
