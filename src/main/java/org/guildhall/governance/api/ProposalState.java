package org.guildhall.governance.api;

/**
 * A proposal's lifecycle, as in OpenZeppelin's Governor: PENDING (the voting delay) → ACTIVE (the voting period)
 * → DEFEATED or SUCCEEDED → QUEUED (the timelock) → EXECUTED; CANCELED by its proposer before voting starts;
 * EXPIRED when it cannot execute.
 */
public enum ProposalState {
    PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXECUTED, EXPIRED;

    /** Whether nothing more will happen to the proposal. */
    public boolean finished() {
        return this == CANCELED || this == DEFEATED || this == EXECUTED || this == EXPIRED;
    }
}
