package org.guildhall.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.guildhall.catalog.api.AssetKind;

/** Assets, versions, files, likes, downloads and lineage as the database keeps them. */
public interface CatalogRepository {

    void add(Asset asset);

    void add(AssetVersion version);

    void add(VersionFile file);

    void add(LineageLink link);

    void remove(VersionFile file);

    Optional<Asset> asset(UUID id);

    Optional<Asset> asset(AssetKind kind, String owner, String name);

    /** The asset row locked for update, so that two publishes or two drafts cannot interleave. */
    Optional<Asset> assetForUpdate(UUID id);

    List<Asset> assetsOf(UUID ownerId);

    /** Assets changed at or after {@code since}, oldest first (for the search index to catch up). */
    List<Asset> assetsChangedSince(Instant since);

    /** A page of the assets with a published version (the searchable ones) in id order, after {@code after} (null: from the start). */
    List<Asset> publishedAssetsAfter(UUID after, int limit);

    long publishedAssetCount();

    Optional<Instant> newestChange();

    Optional<AssetVersion> version(UUID id);

    Optional<AssetVersion> draftOf(UUID assetId);

    List<AssetVersion> publishedVersions(UUID assetId);

    Optional<AssetVersion> publishedByRevision(UUID assetId, int revision);

    Optional<AssetVersion> publishedByTag(UUID assetId, String tag);

    Optional<AssetVersion> publishedByHash(UUID assetId, String hashOrPrefix);

    int nextRevision(UUID assetId);

    List<VersionFile> files(UUID versionId);

    Optional<VersionFile> file(UUID versionId, String path);

    List<LineageLink> lineageOf(UUID versionId);

    /** Published versions' links that point at this asset (its downstream). */
    List<LineageLink> linksTo(String lookupKey);

    /** Records one like; false when the account already liked the asset. */
    boolean addLike(UUID assetId, UUID accountId, Instant now);

    boolean removeLike(UUID assetId, UUID accountId);

    boolean isLiked(UUID assetId, UUID accountId);

    /** Records one download for the day; false when this client was already counted that day. */
    boolean addDownload(UUID versionId, UUID assetId, String clientKey, LocalDate day);

    long recentDownloads(UUID assetId, LocalDate since);

    long recentLikes(UUID assetId, Instant since);

    /** Adds to the stored counters and marks the asset changed (for the index), without a version bump. */
    void bumpCounters(UUID assetId, long downloads, long likes, Instant now);

    Optional<StoredPreview> preview(UUID versionId, String path);

    void add(StoredPreview preview);

    void flush();
}
