package org.guildhall.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A file of a version: its path and the digest under which the blob store keeps its content. */
@Entity
@Table(name = "catalog_file")
@IdClass(VersionFile.Key.class)
public class VersionFile {

    @Id
    @Column(name = "version_id")
    private UUID versionId;

    @Id
    private String path;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected VersionFile() {
    }

    public VersionFile(UUID versionId, RepoPath path, Sha256 sha256, long sizeBytes, Instant addedAt) {
        this.versionId = versionId;
        this.path = path.value();
        this.sha256 = sha256.hex();
        this.sizeBytes = sizeBytes;
        this.addedAt = addedAt;
    }

    public void replaceContent(Sha256 sha256, long sizeBytes, Instant now) {
        this.sha256 = sha256.hex();
        this.sizeBytes = sizeBytes;
        this.addedAt = now;
    }

    public UUID getVersionId() {
        return versionId;
    }

    public String getPath() {
        return path;
    }

    public Sha256 getSha256() {
        return new Sha256(sha256);
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    /** The composite key (version, path). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID versionId;
        private String path;

        public Key() {
        }

        public Key(UUID versionId, String path) {
            this.versionId = versionId;
            this.path = path;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(versionId, k.versionId) && Objects.equals(path, k.path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(versionId, path);
        }
    }
}
