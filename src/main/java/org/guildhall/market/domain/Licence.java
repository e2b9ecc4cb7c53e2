package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.guildhall.market.api.OfferKind;
import org.guildhall.platform.persistence.UuidTextConverter;

/** An entitlement: its holder may download the version (and later ones, when the offer said so). Never changes. */
@Entity
@Table(name = "market_licence")
public class Licence {

    @Id
    private UUID id;

    @Column(name = "offer_id", nullable = false)
    private UUID offerId;

    @Column(name = "asset_id", nullable = false)
    private UUID assetId;

    @Column(name = "version_id", nullable = false)
    private UUID versionId;

    @Column(nullable = false)
    private int revision;

    @Column(name = "later_versions", nullable = false)
    private boolean laterVersions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OfferKind kind;

    @Column(name = "holder_id", nullable = false)
    private UUID holderId;

    @Column(nullable = false)
    private long price;

    @Column(nullable = false)
    private long fee;

    @Convert(converter = UuidTextConverter.class)
    @Column(name = "journal_id")
    private UUID journalId;

    @Convert(converter = UuidTextConverter.class)
    @Column(name = "request_id")
    private UUID requestId;

    @Column(name = "ledger_seq", nullable = false)
    private long ledgerSeq;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected Licence() {
    }

    public Licence(UUID id, Offer offer, UUID holderId, long fee, UUID journalId, UUID requestId, Instant now) {
        this.id = id;
        this.offerId = offer.getId();
        this.assetId = offer.getAssetId();
        this.versionId = offer.getVersionId();
        this.revision = offer.getRevision();
        this.laterVersions = offer.isLaterVersions();
        this.kind = offer.getKind();
        this.holderId = holderId;
        this.price = offer.getPrice();
        this.fee = fee;
        this.journalId = journalId;
        this.requestId = requestId;
        this.grantedAt = now;
    }

    public void recordedAt(long seq) {
        this.ledgerSeq = seq;
    }

    /** Whether it opens revision {@code rev} of its asset. */
    public boolean covers(UUID version, int rev) {
        return versionId.equals(version) || (laterVersions && rev >= revision);
    }

    public UUID getId() {
        return id;
    }

    public UUID getOfferId() {
        return offerId;
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

    public boolean isLaterVersions() {
        return laterVersions;
    }

    public UUID getHolderId() {
        return holderId;
    }

    public long getPrice() {
        return price;
    }

    public long getFee() {
        return fee;
    }

    public long getLedgerSeq() {
        return ledgerSeq;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }
}
