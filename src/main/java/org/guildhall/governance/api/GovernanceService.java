package org.guildhall.governance.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.guildhall.catalog.api.Actor;

/**
 * The Guildhall DAO. Members are the accounts with at least one recorded contribution; their voting power is
 * computed from ledger entries and snapshotted when a proposal becomes active. Rejected input throws
 * {@code ValidationFailedException} or {@code RejectedException} with the reason; nothing changes then.
 */
public interface GovernanceService {

    /** Validates a draft and says what it would change; nothing is stored. */
    ProposalPreview preview(ProposalDraft draft);

    ProposalInfo propose(Actor proposer, ProposalDraft draft);

    /** Its proposer cancels a proposal while it is still PENDING. */
    ProposalInfo cancel(Actor proposer, long number);

    /** Casts or changes the caller's vote on an ACTIVE proposal; the last vote counts. */
    VoteInfo vote(Actor voter, long number, VoteChoice choice, String reason);

    /** Proposals newest first: open ones (PENDING, ACTIVE, SUCCEEDED, QUEUED) or finished ones. */
    List<ProposalInfo> proposals(boolean open, int offset, int limit);

    Optional<ProposalInfo> proposal(long number);

    /** The votes of a proposal, heaviest first. */
    List<VoteInfo> votes(long number, int offset, int limit);

    Tally tally(long number);

    /** A member's power now (as of the newest ledger entry the DAO has counted). */
    VotingPower power(String username);

    /** Delegates the caller's power to another member (one hop; for proposals that become active afterwards). */
    VotingPower delegate(Actor member, String delegateUsername);

    VotingPower revokeDelegation(Actor member);

    List<ParameterInfo> parameters();

    /** Executed changes, newest first; all parameters when {@code name} is empty. */
    List<ParameterChangeInfo> history(Optional<String> name);

    /** Moves every proposal whose time has come to its next state; returns how many moved. */
    int advance();

    /**
     * Dev-only: moves the DAO's clock forward (refused unless enabled), so that delays, periods and timelocks pass
     * at once in tests and demos; then advances the proposals.
     */
    java.time.Instant advanceClock(Duration by);

    /** The DAO's clock. */
    java.time.Instant now();

    boolean clockControlEnabled();
}
