package org.guildhall.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired inside the transaction that publishes a version, so that an observer (the ledger) records it in
 * the same transaction.
 */
public record VersionPublished(UUID assetId, AssetRef ref, UUID versionId, int revision, String tag, String contentHash,
        List<FileInfo> files, List<LineageEdge> lineage, UUID publishedBy, Instant publishedAt) {
}
