package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.guildhall.platform.persistence.UuidTextConverter;

/** One movement of money: its postings sum to zero. */
@Entity
@Table(name = "market_journal")
public class Journal {

    /** What moved the money. */
    public enum Kind {
        FAUCET, SALE, REVENUE_SPLIT, USAGE, DEPOSIT, DEPOSIT_UNCLAIMED, DEPOSIT_CLAIM, WITHDRAWAL_RESERVED,
        WITHDRAWAL_CONFIRMED, WITHDRAWAL_RELEASED, GRANT, DONATION
    }

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String memo;

    @Convert(converter = UuidTextConverter.class)
    @Column(name = "actor_id", updatable = false)
    private UUID actorId;

    @Convert(converter = UuidTextConverter.class)
    @Column(name = "asset_id", updatable = false)
    private UUID assetId;

    @Column(name = "ref_id", updatable = false)
    private String refId;

    @Column(name = "ledger_seq")
    private Long ledgerSeq;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected Journal() {
    }

    public Journal(UUID id, Kind kind, String memo, UUID actorId, UUID assetId, String refId, Instant now) {
        this.id = id;
        this.kind = kind.name();
        this.memo = memo.length() > 300 ? memo.substring(0, 300) : memo;
        this.actorId = actorId;
        this.assetId = assetId;
        this.refId = refId;
        this.recordedAt = now;
    }

    public void recordedAt(long seq) {
        this.ledgerSeq = seq;
    }

    public UUID getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getMemo() {
        return memo;
    }

    public UUID getActorId() {
        return actorId;
    }

    public UUID getAssetId() {
        return assetId;
    }

    public String getRefId() {
        return refId;
    }

    public Long getLedgerSeq() {
        return ledgerSeq;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
