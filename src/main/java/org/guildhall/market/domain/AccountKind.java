package org.guildhall.market.domain;

/** The kinds of money account, and whether a balance of that kind may be below zero. */
public enum AccountKind {
    /** A member's prepaid balance. */
    USER(false),
    /** What an asset has earned, before it is split among its owners. */
    ASSET_REVENUE(false),
    /** The platform's fees. */
    PLATFORM_FEE(false),
    /** The DAO's treasury. */
    DAO_TREASURY(false),
    /** Dev-only test money comes from here: its balance is minus all the test money handed out. */
    FAUCET(true),
    /**
     * The tokens the platform holds on chain, as seen from the books: minus what was deposited and not
     * withdrawn. Deposits move money from here to members; confirmed withdrawals move it back.
     */
    CHAIN_CUSTODY(true),
    /** Deposits from addresses that no account has linked, held until they are claimed. */
    DEPOSITS_UNCLAIMED(false),
    /** Amounts reserved for withdrawals sent on chain and not confirmed yet. */
    WITHDRAWALS_PENDING(false);

    private final boolean mayGoNegative;

    AccountKind(boolean mayGoNegative) {
        this.mayGoNegative = mayGoNegative;
    }

    public boolean mayGoNegative() {
        return mayGoNegative;
    }
}
