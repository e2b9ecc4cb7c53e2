package org.guildhall.market.api;

/** How a version's files may be had. */
public enum OfferKind {
    /** Free, under the card's SPDX licence; open to all. */
    OPEN,
    /** Free once an owner approves a request (or at once, with auto-approval). */
    GATED,
    /** A price paid once for perpetual use of the version (and optionally of later ones). */
    ONE_OFF,
    /** A price per metered use (a download now), charged from the prepaid balance. */
    PAY_PER_USE;

    public boolean paid() {
        return this == ONE_OFF || this == PAY_PER_USE;
    }
}
