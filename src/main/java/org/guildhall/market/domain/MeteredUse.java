package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One charged use: a buyer's download of one file of a version on one day, however many requests it took. */
@Entity
@Table(name = "market_usage")
@IdClass(MeteredUse.Key.class)
public class MeteredUse {

    @Id
    @Column(name = "buyer_id")
    private UUID buyerId;

    @Id
    @Column(name = "version_id")
    private UUID versionId;

    @Id
    @Column(name = "path")
    private String path;

    @Id
    @Column(name = "usage_day")
    private LocalDate usageDay;

    @Column(name = "offer_id", nullable = false)
    private UUID offerId;

    @Column(name = "asset_id", nullable = false)
    private UUID assetId;

    @Column(nullable = false)
    private long price;

    @Column(name = "journal_id", nullable = false)
    private UUID journalId;

    @Column(name = "used_at", nullable = false)
    private Instant usedAt;

    @Column(name = "hour_start", nullable = false)
    private Instant hourStart;

    protected MeteredUse() {
    }

    public MeteredUse(UUID buyerId, UUID versionId, String path, LocalDate day, UUID offerId, UUID assetId, long price,
            UUID journalId, Instant usedAt, Instant hourStart) {
        this.buyerId = buyerId;
        this.versionId = versionId;
        this.path = path;
        this.usageDay = day;
        this.offerId = offerId;
        this.assetId = assetId;
        this.price = price;
        this.journalId = journalId;
        this.usedAt = usedAt;
        this.hourStart = hourStart;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID buyerId;
        private UUID versionId;
        private String path;
        private LocalDate usageDay;

        public Key() {
        }

        public Key(UUID buyerId, UUID versionId, String path, LocalDate usageDay) {
            this.buyerId = buyerId;
            this.versionId = versionId;
            this.path = path;
            this.usageDay = usageDay;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.buyerId.equals(buyerId) && k.versionId.equals(versionId) && k.path.equals(path)
                    && k.usageDay.equals(usageDay);
        }

        @Override
        public int hashCode() {
            return Objects.hash(buyerId, versionId, path, usageDay);
        }
    }
}
