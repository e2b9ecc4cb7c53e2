package org.guildhall.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A dataset file's preview, computed once for a published version (whose files never change). */
@Entity
@Table(name = "catalog_preview")
@IdClass(VersionFile.Key.class)
public class StoredPreview {

    @Id
    @Column(name = "version_id")
    private UUID versionId;

    @Id
    private String path;

    private String format;

    @Column(name = "table_json")
    private String tableJson;

    private String problem;

    @Column(name = "computed_at", nullable = false)
    private Instant computedAt;

    protected StoredPreview() {
    }

    public StoredPreview(UUID versionId, String path, String format, String tableJson, String problem, Instant computedAt) {
        this.versionId = versionId;
        this.path = path;
        this.format = format;
        this.tableJson = tableJson;
        this.problem = problem;
        this.computedAt = computedAt;
    }

    public String getFormat() {
        return format;
    }

    public String getTableJson() {
        return tableJson;
    }

    public String getProblem() {
        return problem;
    }
}
