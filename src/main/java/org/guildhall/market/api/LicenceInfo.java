package org.guildhall.market.api;

import java.time.Instant;
import java.util.UUID;

/** A licence: the offer it was granted under, its holder, what was paid and the ledger entry that records it. */
public record LicenceInfo(UUID id, OfferInfo offer, UUID holderId, String holder, Money price, Money fee, Instant grantedAt,
        long ledgerSeq) {
}
