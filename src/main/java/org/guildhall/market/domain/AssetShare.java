package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A co-owner's share of an asset's proceeds, in basis points. */
@Entity
@Table(name = "market_share")
@IdClass(AssetShare.Key.class)
public class AssetShare {

    @Id
    @Column(name = "asset_id")
    private UUID assetId;

    @Id
    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "share_bps", nullable = false)
    private int shareBps;

    protected AssetShare() {
    }

    public AssetShare(UUID assetId, UUID accountId, int shareBps) {
        this.assetId = assetId;
        this.accountId = accountId;
        this.shareBps = shareBps;
    }

    public UUID getAssetId() {
        return assetId;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public int getShareBps() {
        return shareBps;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID assetId;
        private UUID accountId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.assetId.equals(assetId) && k.accountId.equals(accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(assetId, accountId);
        }
    }
}
