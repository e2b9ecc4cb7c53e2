package org.guildhall.governance.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.guildhall.governance.api.ProposalKind;
import org.guildhall.governance.api.ProposalState;
import org.guildhall.platform.persistence.UuidTextConverter;

/** A DAO proposal with its action, its timing (fixed when it is made), its snapshot and, once closed, its tally. */
@Entity
@Table(name = "gov_proposal")
public class Proposal {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private long number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ProposalKind kind;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false, length = 20_000)
    private String description;

    @Column(name = "proposer_id", nullable = false, updatable = false)
    private UUID proposerId;

    @Column(name = "proposer_name", nullable = false, updatable = false)
    private String proposerName;

    @Column(name = "param_name", updatable = false)
    private String paramName;

    @Column(name = "param_value", updatable = false)
    private Long paramValue;

    @Column(name = "asset_ref", updatable = false)
    private String assetRef;

    @Convert(converter = UuidTextConverter.class)
    @Column(name = "grantee_id", updatable = false)
    private UUID granteeId;

    @Column(name = "grantee_name", updatable = false)
    private String granteeName;

    @Column(updatable = false)
    private Long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProposalState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "vote_start", nullable = false, updatable = false)
    private Instant voteStart;

    @Column(name = "vote_end", nullable = false, updatable = false)
    private Instant voteEnd;

    private Instant eta;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "snapshot_seq")
    private Long snapshotSeq;

    @Column(name = "total_power", nullable = false)
    private long totalPower;

    @Column(nullable = false)
    private long members;

    @Column(name = "quorum_bps", nullable = false)
    private int quorumBps;

    @Column(name = "threshold_bps", nullable = false)
    private int thresholdBps;

    @Column(name = "for_power", nullable = false)
    private long forPower;

    @Column(name = "against_power", nullable = false)
    private long againstPower;

    @Column(name = "abstain_power", nullable = false)
    private long abstainPower;

    @Column(nullable = false)
    private long votes;

    @Column(length = 1000)
    private String outcome;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Proposal() {
    }

    public Proposal(long number, ProposalKind kind, String title, String description, UUID proposerId, String proposerName,
            Instant now, Instant voteStart, Instant voteEnd) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.kind = kind;
        this.title = title;
        this.description = description;
        this.proposerId = proposerId;
        this.proposerName = proposerName;
        this.state = ProposalState.PENDING;
        this.createdAt = now;
        this.voteStart = voteStart;
        this.voteEnd = voteEnd;
    }

    public Proposal parameter(String name, long value) {
        this.paramName = name;
        this.paramValue = value;
        return this;
    }

    public Proposal asset(String ref) {
        this.assetRef = ref;
        return this;
    }

    public Proposal grant(UUID grantee, String name, long minor) {
        this.granteeId = grantee;
        this.granteeName = name;
        this.amount = minor;
        return this;
    }

    public void activate(long seq, long total, long memberCount, int quorum, int threshold) {
        this.state = ProposalState.ACTIVE;
        this.snapshotSeq = seq;
        this.totalPower = total;
        this.members = memberCount;
        this.quorumBps = quorum;
        this.thresholdBps = threshold;
    }

    public void close(long forP, long againstP, long abstainP, long voteCount, boolean succeeded, Instant now) {
        this.forPower = forP;
        this.againstPower = againstP;
        this.abstainPower = abstainP;
        this.votes = voteCount;
        this.state = succeeded ? ProposalState.SUCCEEDED : ProposalState.DEFEATED;
        this.closedAt = now;
    }

    public void queue(Instant executeAt) {
        this.state = ProposalState.QUEUED;
        this.eta = executeAt;
    }

    public void finish(ProposalState end, String why) {
        this.state = end;
        this.outcome = why;
    }

    public UUID getId() {
        return id;
    }

    public long getNumber() {
        return number;
    }

    public ProposalKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public UUID getProposerId() {
        return proposerId;
    }

    public String getProposerName() {
        return proposerName;
    }

    public String getParamName() {
        return paramName;
    }

    public Long getParamValue() {
        return paramValue;
    }

    public String getAssetRef() {
        return assetRef;
    }

    public UUID getGranteeId() {
        return granteeId;
    }

    public String getGranteeName() {
        return granteeName;
    }

    public Long getAmount() {
        return amount;
    }

    public ProposalState getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getVoteStart() {
        return voteStart;
    }

    public Instant getVoteEnd() {
        return voteEnd;
    }

    public Instant getEta() {
        return eta;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Long getSnapshotSeq() {
        return snapshotSeq;
    }

    public long getTotalPower() {
        return totalPower;
    }

    public long getMembers() {
        return members;
    }

    public int getQuorumBps() {
        return quorumBps;
    }

    public int getThresholdBps() {
        return thresholdBps;
    }

    public long getForPower() {
        return forPower;
    }

    public long getAgainstPower() {
        return againstPower;
    }

    public long getAbstainPower() {
        return abstainPower;
    }

    public long getVotes() {
        return votes;
    }

    public String getOutcome() {
        return outcome;
    }
}
