package org.guildhall.market.api;

/** The ledger entry types the market writes. */
public final class MarketEntryTypes {

    public static final String OFFER_CREATED = "offer.created";
    public static final String OFFER_WITHDRAWN = "offer.withdrawn";
    /** A sale (ONE_OFF), an approval (GATED) or an acceptance (OPEN): a licence and, when paid, its payment. */
    public static final String LICENCE_GRANTED = "licence.granted";
    public static final String USAGE_METERED = "usage.metered";
    public static final String DEPOSIT_CREDITED = "deposit.credited";
    public static final String DEPOSIT_HELD = "deposit.held";
    public static final String DEPOSIT_CLAIMED = "deposit.claimed";
    public static final String WITHDRAWAL_REQUESTED = "withdrawal.requested";
    public static final String WITHDRAWAL_CONFIRMED = "withdrawal.confirmed";
    public static final String WITHDRAWAL_RELEASED = "withdrawal.released";
    public static final String TREASURY_GRANTED = "treasury.granted";
    public static final String TREASURY_DONATED = "treasury.donated";

    private MarketEntryTypes() {
    }
}
