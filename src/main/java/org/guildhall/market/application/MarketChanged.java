package org.guildhall.market.application;

import java.util.UUID;

/**
 * Something the entitlement cache keeps changed: a version's offers, a holder's licences for an asset, or an
 * asset's co-owners. Fired in the transaction; the cache forgets the entry once it commits.
 */
public record MarketChanged(UUID versionId, UUID holderId, UUID assetId) {

    static MarketChanged offers(UUID versionId) {
        return new MarketChanged(versionId, null, null);
    }

    static MarketChanged licence(UUID holderId, UUID assetId) {
        return new MarketChanged(null, holderId, assetId);
    }

    static MarketChanged shares(UUID assetId) {
        return new MarketChanged(null, null, assetId);
    }
}
