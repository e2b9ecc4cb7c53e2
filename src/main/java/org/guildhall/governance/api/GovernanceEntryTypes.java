package org.guildhall.governance.api;

/**
 * The ledger entry types the DAO writes: with them anyone can recompute every proposal's result from the
 * ledger alone (the snapshot's total, each vote with its weight, the tally, the execution).
 */
public final class GovernanceEntryTypes {

    public static final String PROPOSAL_CREATED = "proposal.created";
    public static final String PROPOSAL_CANCELED = "proposal.canceled";
    /** Voting opened: the power snapshot (ledger position, members, total, a hash of every member's power). */
    public static final String PROPOSAL_ACTIVATED = "proposal.activated";
    public static final String VOTE_CAST = "vote.cast";
    /** Voting closed: the tally and whether it succeeded. */
    public static final String PROPOSAL_TALLIED = "proposal.tallied";
    public static final String PROPOSAL_QUEUED = "proposal.queued";
    public static final String PROPOSAL_EXECUTED = "proposal.executed";
    public static final String PROPOSAL_EXPIRED = "proposal.expired";
    public static final String DELEGATION_CHANGED = "delegation.changed";
    public static final String PARAMETER_CHANGED = "parameter.changed";

    private GovernanceEntryTypes() {
    }
}
