package org.guildhall.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.guildhall.platform.persistence.UuidTextConverter;

/**
 * A version of an asset: the one draft that its owners edit, or an immutable published version with a
 * revision number, an optional tag and a content hash.
 */
@Entity
@Table(name = "catalog_version")
public class AssetVersion {

    public enum State {
        DRAFT, PUBLISHED
    }

    @Id
    private UUID id;

    @Column(name = "asset_id", nullable = false, updatable = false)
    private UUID assetId;

    @Column(nullable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    private String tag;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "card_markdown")
    private String cardMarkdown;

    @Column(name = "card_data")
    private String cardData;

    @Column(name = "file_count", nullable = false)
    private int fileCount;

    @Column(name = "total_bytes", nullable = false)
    private long totalBytes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Convert(converter = UuidTextConverter.class)
    @Column(name = "published_by")
    private UUID publishedBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected AssetVersion() {
    }

    /** A new draft; {@code revision} is the number it will get when published. */
    public AssetVersion(UUID assetId, int revision, Instant now) {
        this.id = UUID.randomUUID();
        this.assetId = assetId;
        this.revision = revision;
        this.state = State.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void filesChanged(int fileCount, long totalBytes, Instant now) {
        requireDraft();
        this.fileCount = fileCount;
        this.totalBytes = totalBytes;
        this.updatedAt = now;
    }

    public void publish(String tag, Sha256 contentHash, String cardMarkdown, String cardDataJson, UUID by, Instant now) {
        requireDraft();
        this.state = State.PUBLISHED;
        this.tag = tag;
        this.contentHash = contentHash.hex();
        this.cardMarkdown = cardMarkdown;
        this.cardData = cardDataJson;
        this.publishedAt = now;
        this.publishedBy = by;
        this.updatedAt = now;
    }

    private void requireDraft() {
        if (state != State.DRAFT) {
            throw new IllegalStateException("version " + id + " is published and never changes");
        }
    }

    public boolean isDraft() {
        return state == State.DRAFT;
    }

    public UUID getId() {
        return id;
    }

    public UUID getAssetId() {
        return assetId;
    }

    public int getRevision() {
        return revision;
    }

    public State getState() {
        return state;
    }

    public String getTag() {
        return tag;
    }

    public String getContentHash() {
        return contentHash;
    }

    public String getCardMarkdown() {
        return cardMarkdown;
    }

    public String getCardData() {
        return cardData;
    }

    public int getFileCount() {
        return fileCount;
    }

    public long getTotalBytes() {
        return totalBytes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public UUID getPublishedBy() {
        return publishedBy;
    }
}
