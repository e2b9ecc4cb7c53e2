package org.guildhall.governance.api;

/** What a proposal does when it executes. */
public enum ProposalKind {
    /** Changes one platform parameter within its allowed range. */
    PARAMETER_CHANGE,
    /** Hides an asset that breaks the rules, with the reason. */
    ASSET_TAKEDOWN,
    /** Pays an amount from the DAO treasury to a member. */
    TREASURY_GRANT,
    /** A signal only: nothing changes when it executes. */
    TEXT
}
