package org.guildhall.market.domain;

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
import org.guildhall.market.api.AccessState;
import org.guildhall.platform.persistence.UuidTextConverter;

/** A member's request for a gated version. A rejected request may be asked again, with a new purpose. */
@Entity
@Table(name = "market_access_request")
public class AccessRequest {

    @Id
    private UUID id;

    @Column(name = "offer_id", nullable = false, updatable = false)
    private UUID offerId;

    @Column(name = "asset_id", nullable = false, updatable = false)
    private UUID assetId;

    @Column(name = "requester_id", nullable = false, updatable = false)
    private UUID requesterId;

    @Column(nullable = false)
    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccessState state;

    private String reason;

    @Convert(converter = UuidTextConverter.class)
    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected AccessRequest() {
    }

    public AccessRequest(Offer offer, UUID requesterId, String purpose, Instant now) {
        this.id = UUID.randomUUID();
        this.offerId = offer.getId();
        this.assetId = offer.getAssetId();
        this.requesterId = requesterId;
        this.purpose = purpose;
        this.state = AccessState.PENDING;
        this.createdAt = now;
    }

    public void askAgain(String newPurpose, Instant now) {
        this.purpose = newPurpose;
        this.state = AccessState.PENDING;
        this.reason = null;
        this.decidedBy = null;
        this.decidedAt = null;
        this.createdAt = now;
    }

    public void decide(boolean approve, String why, UUID by, Instant now) {
        this.state = approve ? AccessState.APPROVED : AccessState.REJECTED;
        this.reason = why;
        this.decidedBy = by;
        this.decidedAt = now;
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

    public UUID getRequesterId() {
        return requesterId;
    }

    public String getPurpose() {
        return purpose;
    }

    public AccessState getState() {
        return state;
    }

    public String getReason() {
        return reason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
