package org.guildhall.market.api;

/**
 * What an owner offers: the kind, a title, the price in minor units (zero for OPEN and GATED), and the terms
 * that matter for AI assets. {@code royaltyBps} is what derivatives owe upstream, in basis points.
 */
public record OfferTerms(OfferKind kind, String title, long price, boolean laterVersions, boolean commercialUse,
        boolean trainingAllowed, boolean derivativesAllowed, int royaltyBps, boolean autoApprove) {
}
