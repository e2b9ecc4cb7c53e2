package org.guildhall.market.api;

/** The outcome of a purchase; {@code replayed} when a retried request answered the licence the first one granted. */
public record Purchase(LicenceInfo licence, boolean replayed) {
}
