package org.guildhall.governance.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.guildhall.governance.api.ParameterChangeInfo;
import org.guildhall.governance.api.ProposalState;
import org.guildhall.governance.api.TimelineStep;
import org.guildhall.governance.api.VoteChoice;
import org.guildhall.governance.api.VoteInfo;

public interface GovernanceRepository {

    /** The DAO's single state row, locked until the transaction ends: projections and proposal numbers queue on it. */
    State lockState();

    record State(long projectedSeq, long nextNumber) {
    }

    void projectedUpTo(long seq);

    long projectedSeq();

    void nextNumber(long next);

    long clockOffsetSeconds();

    void clockOffsetSeconds(long seconds);

    // ---- contributions (a projection of the ledger) ----

    /** What the ledger records of a member's contributions, and the power that gives. */
    record Contribution(UUID accountId, long versions, long revenue, long points, long power, long firstSeq, long lastSeq) {
    }

    /** The member's contribution row, locked until the transaction ends: one member's votes queue on it. */
    Optional<Contribution> lockContribution(UUID accountId);

    /**
     * Before a member's contribution changes: keeps the power they had for every ACTIVE proposal that has no row of
     * theirs yet (copy on write of the snapshots). {@code accountId} null: every member (a weight is changing).
     */
    void preserve(UUID accountId);

    Optional<Contribution> contribution(UUID accountId);

    void save(Contribution c);

    List<Contribution> contributionsAfter(UUID after, int limit);

    void power(UUID accountId, long points, long power);

    // ---- delegation ----

    Optional<UUID> delegateOf(UUID delegator);

    void delegate(UUID delegator, UUID delegate, Instant at, long seq);

    boolean revoke(UUID delegator);

    /** How many members delegate to {@code delegate}, and the sum of their own power now. */
    long[] delegatedTo(UUID delegate);

    // ---- parameters ----

    OptionalLong parameter(String name);

    void parameter(String name, long value, Instant at);

    void addChange(String name, long oldValue, long newValue, UUID proposalId, long proposalNumber, Instant at, long seq);

    List<ParameterChangeInfo> changes(Optional<String> name, int limit);

    // ---- proposals ----

    void add(Proposal p);

    Optional<Proposal> proposal(long number);

    Optional<Proposal> lockProposal(UUID id);

    List<Proposal> proposals(Collection<ProposalState> states, int offset, int limit);

    /** Proposals whose next transition is due at {@code now}, oldest first. */
    List<UUID> due(Instant now, int limit);

    void addStep(UUID proposal, ProposalState state, Instant at, long seq, String note);

    List<TimelineStep> steps(UUID proposal);

    // ---- the power snapshot of a proposal ----

    /**
     * Opens the proposal's snapshot: rows for the members a delegation concerns (one hop: a member who delegates keeps
     * 0, the delegate gains their own power). Every other member's snapshot power is their contribution's until it
     * changes ({@link #preserve}).
     */
    void snapshot(UUID proposal);

    /**
     * Every member's snapshot as {@code account:own:power:delegate}, in the order of the account ids' text.
     *
     * @return {members, total power}
     */
    long[] snapshotLines(UUID proposal, Consumer<String> line);

    /** The member's row in the proposal's snapshot, if the snapshot keeps one (see {@link #snapshot}). */
    Optional<PowerRow> powerRow(UUID proposal, UUID account);

    record PowerRow(long ownPower, long power, UUID delegate) {
    }

    /**
     * Locks every member's contribution row (each vote locks its voter's first): the votes in flight finish first,
     * later ones wait and then see the proposal closed.
     */
    void lockMembers();

    Optional<ProposalState> currentState(UUID proposal);

    // ---- votes ----

    /** The vote a new one replaces. */
    record PriorVote(VoteChoice choice, long weight) {
    }

    /** Writes the voter's vote, replacing an earlier one, which it returns. */
    Optional<PriorVote> putVote(UUID proposal, UUID voter, String voterName, VoteChoice choice, long weight, String reason, Instant at,
            long seq);

    /** {for, against, abstain, votes}, summed over the votes. */
    long[] tally(UUID proposal);

    void openTally(UUID proposal);

    /** How many rows a running tally is spread over. */
    int TALLY_SHARDS = 16;

    /**
     * Moves the running tally of an ACTIVE proposal by the differences a vote makes, in the voter's row; false when
     * the proposal is not active.
     */
    boolean addToTally(UUID proposal, int shard, long forPower, long againstPower, long abstainPower, long votes);

    /** {for, against, abstain, votes} as the votes so far moved it. */
    long[] liveTally(UUID proposal);

    Optional<Proposal> proposalById(UUID id);

    List<VoteInfo> votes(UUID proposal, int offset, int limit);

    Optional<VoteInfo> vote(UUID proposal, UUID voter);
}
