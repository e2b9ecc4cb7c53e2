package org.guildhall.market.api;

import java.time.Instant;
import java.util.UUID;
import org.guildhall.catalog.api.AssetRef;

/** An offer on a published version, as pages and the API show it. {@code granted} counts its licences. */
public record OfferInfo(UUID id, AssetRef ref, UUID assetId, UUID versionId, int revision, OfferKind kind, String title,
        Money price, String spdxLicense, boolean laterVersions, boolean commercialUse, boolean trainingAllowed,
        boolean derivativesAllowed, int royaltyBps, boolean autoApprove, boolean active, long granted, Instant createdAt) {

    /** Whether its terms may still change: never once a licence has been granted under it. */
    public boolean editable() {
        return granted == 0 && active;
    }
}
