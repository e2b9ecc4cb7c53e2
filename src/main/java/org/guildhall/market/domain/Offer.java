package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.guildhall.market.api.OfferKind;
import org.guildhall.market.api.OfferTerms;

/** A licence offer on one published version. Its terms are frozen once a licence has been granted under it. */
@Entity
@Table(name = "market_offer")
public class Offer {

    public enum State {
        ACTIVE, WITHDRAWN
    }

    @Id
    private UUID id;

    @Column(name = "asset_id", nullable = false, updatable = false)
    private UUID assetId;

    @Column(name = "version_id", nullable = false, updatable = false)
    private UUID versionId;

    @Column(nullable = false, updatable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OfferKind kind;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private long price;

    @Column(name = "spdx_license")
    private String spdxLicense;

    @Column(name = "later_versions", nullable = false)
    private boolean laterVersions;

    @Column(name = "commercial_use", nullable = false)
    private boolean commercialUse;

    @Column(name = "training_allowed", nullable = false)
    private boolean trainingAllowed;

    @Column(name = "derivatives_allowed", nullable = false)
    private boolean derivativesAllowed;

    @Column(name = "royalty_bps", nullable = false)
    private int royaltyBps;

    @Column(name = "auto_approve", nullable = false)
    private boolean autoApprove;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private long granted;

    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Offer() {
    }

    public Offer(UUID assetId, UUID versionId, int revision, OfferTerms terms, String spdxLicense, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.assetId = assetId;
        this.versionId = versionId;
        this.revision = revision;
        this.state = State.ACTIVE;
        this.createdBy = createdBy;
        this.createdAt = now;
        apply(terms, spdxLicense);
    }

    /** Sets the terms; the caller has checked that no licence was granted under the offer. */
    public final void apply(OfferTerms terms, String license) {
        if (granted > 0) {
            throw new IllegalStateException("offer " + id + " has licences: its terms are frozen");
        }
        this.kind = terms.kind();
        this.title = terms.title();
        this.price = terms.price();
        this.spdxLicense = license;
        this.laterVersions = terms.laterVersions();
        this.commercialUse = terms.commercialUse();
        this.trainingAllowed = terms.trainingAllowed();
        this.derivativesAllowed = terms.derivativesAllowed();
        this.royaltyBps = terms.royaltyBps();
        this.autoApprove = terms.autoApprove();
    }

    public void withdraw(Instant now) {
        this.state = State.WITHDRAWN;
        this.withdrawnAt = now;
    }

    public void granted() {
        this.granted++;
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    public OfferTerms terms() {
        return new OfferTerms(kind, title, price, laterVersions, commercialUse, trainingAllowed, derivativesAllowed, royaltyBps,
                autoApprove);
    }

    public UUID getId() {
        return id;
    }

    public UUID getAssetId() {
        return assetId;
    }

    public UUID getVersionId() {
        return versionId;
    }

    public int getRevision() {
        return revision;
    }

    public OfferKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public long getPrice() {
        return price;
    }

    public String getSpdxLicense() {
        return spdxLicense;
    }

    public boolean isLaterVersions() {
        return laterVersions;
    }

    public boolean isAutoApprove() {
        return autoApprove;
    }

    public long getGranted() {
        return granted;
    }

    public long getRowVersion() {
        return rowVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
