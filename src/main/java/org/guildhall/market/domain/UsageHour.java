package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The uses of one buyer, asset and closed hour, written to the ledger as one entry. */
@Entity
@Table(name = "market_usage_hour")
@IdClass(UsageHour.Key.class)
public class UsageHour {

    @Id
    @Column(name = "buyer_id")
    private UUID buyerId;

    @Id
    @Column(name = "asset_id")
    private UUID assetId;

    @Id
    @Column(name = "hour_start")
    private Instant hourStart;

    @Column(nullable = false)
    private long uses;

    @Column(nullable = false)
    private long amount;

    @Column(name = "ledger_seq")
    private Long ledgerSeq;

    protected UsageHour() {
    }

    public UsageHour(UUID buyerId, UUID assetId, Instant hourStart, long uses, long amount, long ledgerSeq) {
        this.buyerId = buyerId;
        this.assetId = assetId;
        this.hourStart = hourStart;
        this.uses = uses;
        this.amount = amount;
        this.ledgerSeq = ledgerSeq;
    }

    public UUID getBuyerId() {
        return buyerId;
    }

    public UUID getAssetId() {
        return assetId;
    }

    public Instant getHourStart() {
        return hourStart;
    }

    public long getUses() {
        return uses;
    }

    public long getAmount() {
        return amount;
    }

    public Long getLedgerSeq() {
        return ledgerSeq;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID buyerId;
        private UUID assetId;
        private Instant hourStart;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.buyerId.equals(buyerId) && k.assetId.equals(assetId) && k.hourStart.equals(hourStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(buyerId, assetId, hourStart);
        }
    }
}
