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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.guildhall.platform.persistence.UuidTextConverter;
import org.guildhall.catalog.api.AssetKind;

/**
 * A dataset or model, identified as {@code owner/name} per kind. Its card metadata (task, licence,
 * languages, tags) is that of its latest published version.
 */
@Entity
@Table(name = "catalog_asset")
public class Asset {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AssetKind kind;

    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    @Column(name = "owner_name", nullable = false)
    private String ownerName;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "lookup_key", nullable = false)
    private String lookupKey;

    @Column(nullable = false, length = 300)
    private String summary;

    private String task;

    private String license;

    @Column(nullable = false)
    private String languages;

    @Column(nullable = false)
    private String tags;

    @Convert(converter = UuidTextConverter.class)
    @Column(name = "latest_version_id")
    private UUID latestVersionId;

    @Column(name = "latest_revision")
    private Integer latestRevision;

    @Column(nullable = false)
    private long downloads;

    @Column(nullable = false)
    private long likes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "taken_down_at")
    private Instant takenDownAt;

    @Column(name = "takedown_reason", length = 1000)
    private String takedownReason;

    @Column(name = "takedown_decision", length = 200)
    private String takedownDecision;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Asset() {
    }

    public Asset(AssetKind kind, UUID ownerId, String ownerName, String name, String summary, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        this.name = name;
        this.lookupKey = AssetName.lookupKey(kind.name(), ownerName, name);
        this.summary = summary;
        this.languages = "";
        this.tags = "";
        this.createdAt = now;
        this.updatedAt = now;
        this.changedAt = now;
    }

    public void changeSummary(String summary, Instant now) {
        this.summary = summary;
        touch(now);
    }

    /** A version was published: it becomes {@code main}, and its card's metadata becomes the asset's. */
    public void published(AssetVersion version, CardMetadata card, Instant now) {
        this.latestVersionId = version.getId();
        this.latestRevision = version.getRevision();
        this.task = card.task().orElse(null);
        this.license = card.license().orElse(null);
        this.languages = String.join("\n", card.languages());
        this.tags = String.join("\n", card.tags());
        touch(now);
    }

    /** The owner's user name changed at the identity provider: URLs follow it. */
    public void ownerRenamed(String ownerName, Instant now) {
        this.ownerName = ownerName;
        this.lookupKey = AssetName.lookupKey(kind.name(), ownerName, name);
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
        this.changedAt = now;
    }

    public boolean isOwnedBy(UUID accountId) {
        return ownerId.equals(accountId);
    }

    public boolean isPublished() {
        return latestVersionId != null;
    }

    /** Published and not taken down: what visitors, search and buyers see. */
    public boolean isListed() {
        return latestVersionId != null && takenDownAt == null;
    }

    public boolean isTakenDown() {
        return takenDownAt != null;
    }

    /** Hides the asset from everyone but its owners and admins; its versions and files stay as they are. */
    public void takeDown(String reason, String decision, Instant now) {
        this.takenDownAt = now;
        this.takedownReason = reason;
        this.takedownDecision = decision;
        touch(now);
    }

    public String getTakedownReason() {
        return takedownReason;
    }

    public String getTakedownDecision() {
        return takedownDecision;
    }

    public String repoId() {
        return ownerName + "/" + name;
    }

    public UUID getId() {
        return id;
    }

    public AssetKind getKind() {
        return kind;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public String getName() {
        return name;
    }

    public String getSummary() {
        return summary;
    }

    public String getTask() {
        return task;
    }

    public String getLicense() {
        return license;
    }

    public List<String> getLanguages() {
        return split(languages);
    }

    public List<String> getTags() {
        return split(tags);
    }

    public UUID getLatestVersionId() {
        return latestVersionId;
    }

    public Integer getLatestRevision() {
        return latestRevision;
    }

    public long getDownloads() {
        return downloads;
    }

    public long getLikes() {
        return likes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }
}
