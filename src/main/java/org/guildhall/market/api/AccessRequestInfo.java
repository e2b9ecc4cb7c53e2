package org.guildhall.market.api;

import java.time.Instant;
import java.util.UUID;

/** A request for a gated version, and its decision. */
public record AccessRequestInfo(UUID id, OfferInfo offer, UUID requesterId, String requester, String purpose, AccessState state,
        String reason, Instant createdAt, Instant decidedAt) {
}
