package org.guildhall.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.guildhall.catalog.api.AssetKind;

/** A link declared by a published version's card: trained on a dataset, or derived from a base model. */
@Entity
@Table(name = "catalog_lineage")
@IdClass(LineageLink.Key.class)
public class LineageLink {

    public enum Relation {
        DATASET(AssetKind.DATASET), BASE_MODEL(AssetKind.MODEL);

        private final AssetKind targetKind;

        Relation(AssetKind targetKind) {
            this.targetKind = targetKind;
        }

        public AssetKind targetKind() {
            return targetKind;
        }
    }

    @Id
    @Column(name = "version_id")
    private UUID versionId;

    @Id
    @Enumerated(EnumType.STRING)
    private Relation relation;

    @Id
    @Column(name = "target_key")
    private String targetKey;

    @Column(name = "asset_id", nullable = false)
    private UUID assetId;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", nullable = false)
    private AssetKind targetKind;

    @Column(name = "target_ref", nullable = false)
    private String targetRef;

    protected LineageLink() {
    }

    public LineageLink(UUID versionId, UUID assetId, Relation relation, String targetRef) {
        this.versionId = versionId;
        this.assetId = assetId;
        this.relation = relation;
        this.targetKind = relation.targetKind();
        this.targetRef = targetRef;
        int slash = targetRef.indexOf('/');
        this.targetKey = slash > 0
                ? AssetName.lookupKey(targetKind.name(), targetRef.substring(0, slash), targetRef.substring(slash + 1))
                : targetKind.name() + ":" + targetRef.toLowerCase(java.util.Locale.ROOT);
    }

    public UUID getVersionId() {
        return versionId;
    }

    public UUID getAssetId() {
        return assetId;
    }

    public Relation getRelation() {
        return relation;
    }

    public AssetKind getTargetKind() {
        return targetKind;
    }

    public String getTargetKey() {
        return targetKey;
    }

    public String getTargetRef() {
        return targetRef;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID versionId;
        private Relation relation;
        private String targetKey;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(versionId, k.versionId) && relation == k.relation
                    && Objects.equals(targetKey, k.targetKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(versionId, relation, targetKey);
        }
    }
}
