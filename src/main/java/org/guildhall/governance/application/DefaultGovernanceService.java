package org.guildhall.governance.application;

import static org.guildhall.platform.validation.RejectedException.Reason.CONFLICT;
import static org.guildhall.platform.validation.RejectedException.Reason.FORBIDDEN;
import static org.guildhall.platform.validation.RejectedException.Reason.NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.governance.api.GovernanceEntryTypes;
import org.guildhall.governance.api.GovernanceService;
import org.guildhall.governance.api.ParameterChangeInfo;
import org.guildhall.governance.api.ParameterInfo;
import org.guildhall.governance.api.ProposalDraft;
import org.guildhall.governance.api.ProposalInfo;
import org.guildhall.governance.api.ProposalKind;
import org.guildhall.governance.api.ProposalPreview;
import org.guildhall.governance.api.ProposalState;
import org.guildhall.governance.api.Tally;
import org.guildhall.governance.api.VoteChoice;
import org.guildhall.governance.api.VoteInfo;
import org.guildhall.governance.api.VotingPower;
import org.guildhall.governance.domain.GovernanceRepository;
import org.guildhall.governance.domain.GovernanceRepository.Contribution;
import org.guildhall.governance.domain.GovernanceRepository.PowerRow;
import org.guildhall.governance.domain.ParameterSpec;
import org.guildhall.governance.domain.Proposal;
import org.guildhall.identity.api.AccountProfile;
import org.guildhall.identity.api.AccountService;
import org.guildhall.ledger.api.LedgerRecord;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.ledger.api.NewEntry;
import org.guildhall.market.api.MarketService;
import org.guildhall.market.api.Money;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.Messages;
import org.guildhall.platform.web.SafeMarkdown;

/**
 * The DAO. Each change is one transaction with its ledger entry. The lifecycle is driven by {@link #advance}
 * (a timer calls it): each transition of a proposal runs in a transaction of its own with the proposal's row
 * locked, so that it happens once, on one server, and an execution interrupted by a restart runs again whole.
 */
@ApplicationScoped
@Transactional
public class DefaultGovernanceService implements GovernanceService {

    private static final Logger LOG = Logger.getLogger(DefaultGovernanceService.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    static final Set<ProposalState> OPEN = EnumSet.of(ProposalState.PENDING, ProposalState.ACTIVE, ProposalState.SUCCEEDED,
            ProposalState.QUEUED);
    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 20_000;
    static final int REASON_MAX = 1_000;

    @Inject
    GovernanceRepository repo;

    @Inject
    LedgerService ledger;

    @Inject
    MarketService market;

    @Inject
    CatalogService catalog;

    @Inject
    AccountService accounts;

    @Inject
    ContributionProjector projector;

    @Inject
    DaoParameters parameters;

    @Inject
    DefaultGovernanceService self;

    /** Dev-only: lets tests and demos move the DAO's clock forward. Turn it off wherever decisions are real. */
    @Inject
    @ConfigProperty(name = "guildhall.dao.clock-control.enabled", defaultValue = "true")
    boolean clockControl;

    /** How long a queued proposal may wait past its time (a server that was down) before it expires. */
    @Inject
    @ConfigProperty(name = "guildhall.dao.grace-seconds", defaultValue = "1209600")
    long graceSeconds;

    Clock clock = Clock.systemUTC();

    /** Proposal numbers never change their proposal: votes find the id without a query. */
    private final java.util.Map<Long, UUID> proposalIds = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile long offset;
    private volatile long offsetLoadedAt;

    // ---- the clock ---------------------------------------------------------------------------------

    @Override
    @Transactional(TxType.SUPPORTS)
    public Instant now() {
        long t = System.currentTimeMillis();
        if (t - offsetLoadedAt > 1_000) {
            offset = repo.clockOffsetSeconds();
            offsetLoadedAt = t;
        }
        return Instant.now(clock).plusSeconds(offset);
    }

    @Override
    public boolean clockControlEnabled() {
        return clockControl;
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public Instant advanceClock(Duration by) {
        if (!clockControl) {
            throw new RejectedException(FORBIDDEN, text("governance.clock.off"));
        }
        if (by == null || by.isNegative() || by.isZero() || by.compareTo(Duration.ofDays(366)) > 0) {
            throw new ValidationFailedException(List.of(FieldError.of("seconds", "governance.clock.range")));
        }
        self.moveClock(by.getSeconds());
        advance();
        return now();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void moveClock(long seconds) {
        repo.lockState();
        repo.clockOffsetSeconds(repo.clockOffsetSeconds() + seconds);
        offsetLoadedAt = 0;
    }

    // ---- proposing ---------------------------------------------------------------------------------

    /** A draft that passed every check, with what it changes in words. */
    record Checked(ProposalDraft draft, String title, String description, ParameterSpec spec, AssetRef asset, AccountProfile grantee,
            String change) {
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public ProposalPreview preview(ProposalDraft draft) {
        Checked c = check(draft);
        return new ProposalPreview(c.change(), SafeMarkdown.toSafeHtml(c.description()));
    }

    Checked check(ProposalDraft d) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            throw new ValidationFailedException(List.of(FieldError.of("kind", "governance.kind.missing")));
        }
        String title = d.title() == null ? "" : d.title().strip();
        String description = d.description() == null ? "" : d.description().strip();
        if (d.kind() == null) {
            errors.add(FieldError.of("kind", "governance.kind.missing"));
        }
        if (title.isEmpty() || title.length() > TITLE_MAX) {
            errors.add(FieldError.of("title", "governance.title.length", TITLE_MAX));
        }
        if (description.isEmpty() || description.length() > DESCRIPTION_MAX) {
            errors.add(FieldError.of("description", "governance.description.length", DESCRIPTION_MAX));
        } else {
            Set<String> unsafe = SafeMarkdown.unsafeParts(description);
            if (!unsafe.isEmpty()) {
                errors.add(FieldError.of("description", "governance.description.unsafe", String.join(", ", unsafe)));
            }
        }
        ParameterSpec spec = null;
        AssetRef asset = null;
        AccountProfile grantee = null;
        String change = "";
        if (d.kind() == ProposalKind.PARAMETER_CHANGE) {
            spec = d.parameter() == null ? null : ParameterSpec.byKey(d.parameter().strip()).orElse(null);
            if (spec == null) {
                errors.add(FieldError.of("parameter", "governance.parameter.unknown",
                        String.join(", ", java.util.Arrays.stream(ParameterSpec.values()).map(ParameterSpec::key).toList())));
            } else if (d.value() == null || !spec.allows(d.value())) {
                errors.add(FieldError.of("value", "governance.value.range", spec.key(), spec.min(), spec.max(), spec.unit()));
            } else {
                long now = parameters.value(spec);
                if (now == d.value()) {
                    errors.add(FieldError.of("value", "governance.value.same", spec.key(), now, spec.unit()));
                }
                change = text("governance.change.parameter.from", spec.key(), now, d.value(), spec.unit());
            }
        } else if (d.kind() == ProposalKind.ASSET_TAKEDOWN) {
            asset = parseAsset(d.asset()).flatMap(catalog::listedAsset).orElse(null);
            if (asset == null) {
                errors.add(FieldError.of("asset", "governance.asset.unknown", d.asset() == null ? "" : d.asset().strip()));
            } else {
                change = text("governance.change.takedown", kindWord(asset.kind()), asset.repoId());
            }
        } else if (d.kind() == ProposalKind.TREASURY_GRANT) {
            grantee = d.grantee() == null ? null : accounts.findByUsername(d.grantee().strip()).orElse(null);
            if (grantee == null || repo.contribution(grantee.id()).isEmpty()) {
                errors.add(FieldError.of("grantee", "governance.grantee.unknown", d.grantee() == null ? "" : d.grantee().strip()));
            }
            Money treasury = market.treasuryBalance();
            if (d.amount() == null || d.amount().minor() <= 0) {
                errors.add(FieldError.of("amount", "governance.amount.positive"));
            } else if (d.amount().minor() > treasury.minor()) {
                errors.add(FieldError.of("amount", "governance.amount.treasury", d.amount().plain(), treasury.plain()));
            } else if (grantee != null) {
                change = text("governance.change.grant", d.amount().plain(), grantee.username());
            }
        } else if (d.kind() == ProposalKind.TEXT) {
            change = text("governance.change.text");
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return new Checked(d, title, description, spec, asset, grantee, change);
    }

    /** {@code datasets/owner/name}, {@code models/owner/name} or {@code owner/name} (a model), as the asset's address has it. */
    static Optional<AssetRef> parseAsset(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        int scheme = s.indexOf("://");
        if (scheme > 0) {
            int path = s.indexOf('/', scheme + 3);
            s = path < 0 ? "" : s.substring(path);
        }
        s = s.replaceAll("^/+", "").replaceAll("/+$", "");
        String[] parts = s.split("/");
        if (parts.length == 3 && (parts[0].equals("datasets") || parts[0].equals("models"))) {
            return Optional.of(new AssetRef(parts[0].equals("datasets") ? AssetKind.DATASET : AssetKind.MODEL, parts[1], parts[2]));
        }
        if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            return Optional.of(new AssetRef(AssetKind.MODEL, parts[0], parts[1]));
        }
        return Optional.empty();
    }

    @Override
    public ProposalInfo propose(Actor proposer, ProposalDraft draft) {
        GovernanceRepository.State st = catchUp();
        Checked c = check(draft);
        long power = repo.contribution(proposer.accountId()).map(Contribution::power).orElse(-1L);
        if (power < 0) {
            throw new RejectedException(FORBIDDEN, text("governance.propose.notMember"), "NotMember");
        }
        long needed = parameters.value(ParameterSpec.PROPOSAL_THRESHOLD);
        if (power < needed) {
            throw new RejectedException(FORBIDDEN, text("governance.propose.power", needed, power), "NotEnoughPower");
        }
        long number = st.nextNumber();
        repo.nextNumber(number + 1);
        Instant now = now();
        Instant start = now.plusSeconds(parameters.value(ParameterSpec.VOTING_DELAY));
        Instant end = start.plusSeconds(parameters.value(ParameterSpec.VOTING_PERIOD));
        Proposal p = new Proposal(number, c.draft().kind(), c.title(), c.description(), proposer.accountId(), proposer.username(), now, start, end);
        JsonObjectBuilder action = JSON.createObjectBuilder();
        switch (p.getKind()) {
            case PARAMETER_CHANGE -> {
                p.parameter(c.spec().key(), c.draft().value());
                action.add("parameter", c.spec().key()).add("value", c.draft().value());
            }
            case ASSET_TAKEDOWN -> {
                String ref = c.asset().subject();
                p.asset(ref);
                action.add("asset", ref);
            }
            case TREASURY_GRANT -> {
                p.grant(c.grantee().id(), c.grantee().username(), c.draft().amount().minor());
                action.add("grantee", c.grantee().id().toString()).add("granteeName", c.grantee().username())
                        .add("amount", c.draft().amount().minor());
            }
            case TEXT -> {
            }
        }
        repo.add(p);
        LedgerRecord e = append(GovernanceEntryTypes.PROPOSAL_CREATED, proposer.accountId(), p, JSON.createObjectBuilder()
                .add("kind", p.getKind().name()).add("title", p.getTitle()).add("descriptionSha256", sha256(p.getDescription()))
                .add("action", action).add("proposerPower", power).add("voteStart", p.getVoteStart().toString())
                .add("voteEnd", p.getVoteEnd().toString()));
        repo.addStep(p.getId(), ProposalState.PENDING, now, e.seq(), null);
        return info(p, true);
    }

    @Override
    public ProposalInfo cancel(Actor proposer, long number) {
        Proposal p = repo.proposal(number).flatMap(x -> repo.lockProposal(x.getId())).orElseThrow(() -> unknown(number));
        if (!p.getProposerId().equals(proposer.accountId())) {
            throw new RejectedException(FORBIDDEN, text("governance.cancel.notProposer", number));
        }
        Instant now = now();
        if (p.getState() != ProposalState.PENDING || !now.isBefore(p.getVoteStart())) {
            throw new RejectedException(CONFLICT, text("governance.cancel.late", number, p.getState().name()));
        }
        p.finish(ProposalState.CANCELED, text("governance.outcome.canceled"));
        LedgerRecord e = append(GovernanceEntryTypes.PROPOSAL_CANCELED, proposer.accountId(), p, JSON.createObjectBuilder());
        repo.addStep(p.getId(), ProposalState.CANCELED, now, e.seq(), null);
        return info(p, true);
    }

    // ---- voting ------------------------------------------------------------------------------------

    @Override
    public VoteInfo vote(Actor voter, long number, VoteChoice choice, String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (choice == null) {
            errors.add(FieldError.of("choice", "governance.vote.choice"));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > REASON_MAX) {
            errors.add(FieldError.of("reason", "governance.vote.reason", REASON_MAX));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        UUID id = proposalIds.computeIfAbsent(number, n -> repo.proposal(n).map(Proposal::getId).orElse(null));
        if (id == null) {
            throw unknown(number);
        }
        // the member's contribution row is the lock: two votes of one member queue here, and the vote's close waits
        // here for the votes in flight; the proposal is read after it, so that a vote closed meanwhile is seen closed
        Optional<Contribution> member = repo.lockContribution(voter.accountId());
        Proposal p = repo.proposalById(id).orElseThrow(() -> unknown(number));
        Instant now = now();
        refuseUnlessOpen(p, p.getState(), now);
        PowerRow row = repo.powerRow(id, voter.accountId())
                .or(() -> member.filter(c -> c.firstSeq() <= p.getSnapshotSeq()).map(c -> new PowerRow(c.power(), c.power(), null)))
                .orElseThrow(() -> new RejectedException(FORBIDDEN, text("governance.vote.notMember", number, p.getSnapshotSeq()), "NotMember"));
        if (row.power() == 0) {
            if (row.delegate() != null) {
                String to = accounts.findById(row.delegate()).map(AccountProfile::username).orElse(row.delegate().toString());
                throw new RejectedException(FORBIDDEN, text("governance.vote.delegated", number, to), "Delegated");
            }
            throw new RejectedException(FORBIDDEN, text("governance.vote.noPower", number), "NoPower");
        }
        Optional<VoteInfo> prior = repo.vote(id, voter.accountId());
        long[] delta = new long[3];
        delta[choice.ordinal()] += row.power();
        prior.ifPresent(v -> delta[v.choice().ordinal()] -= v.weight());
        JsonObjectBuilder payload = JSON.createObjectBuilder().add("voter", voter.accountId().toString()).add("voterName", voter.username())
                .add("choice", choice.name()).add("weight", row.power());
        if (why != null) {
            payload.add("reason", why);
        }
        LedgerRecord e = append(GovernanceEntryTypes.VOTE_CAST, voter.accountId(), p, payload);
        repo.putVote(id, voter.accountId(), voter.username(), choice, row.power(), why, now, e.seq());
        // the running tally last: its rows are shared by concurrent votes, so they are held only until the commit
        int shard = Math.floorMod(voter.accountId().hashCode(), GovernanceRepository.TALLY_SHARDS);
        if (!repo.addToTally(id, shard, delta[0], delta[1], delta[2], prior.isPresent() ? 0 : 1)) {
            refuseUnlessOpen(p, repo.currentState(id).orElseThrow(), now);
        }
        return new VoteInfo(voter.username(), choice, row.power(), why, now, e.seq());
    }

    private void refuseUnlessOpen(Proposal p, ProposalState state, Instant now) {
        if (state == ProposalState.PENDING) {
            throw new RejectedException(CONFLICT, text("governance.vote.pending", p.getNumber(), p.getVoteStart().toString()), "VotePending");
        }
        if (state != ProposalState.ACTIVE || !now.isBefore(p.getVoteEnd())) {
            throw new RejectedException(CONFLICT, text("governance.vote.closed", p.getNumber()), "VoteClosed");
        }
    }

    // ---- reading -----------------------------------------------------------------------------------

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<ProposalInfo> proposals(boolean open, int offset, int limit) {
        Set<ProposalState> states = open ? OPEN : EnumSet.complementOf(EnumSet.copyOf(OPEN));
        return repo.proposals(states, Math.max(0, offset), Math.max(1, Math.min(limit, 200))).stream().map(p -> info(p, false)).toList();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<ProposalInfo> proposal(long number) {
        return repo.proposal(number).map(p -> info(p, true));
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<VoteInfo> votes(long number, int offset, int limit) {
        Proposal p = repo.proposal(number).orElseThrow(() -> unknown(number));
        return repo.votes(p.getId(), Math.max(0, offset), Math.max(1, Math.min(limit, 500)));
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Tally tally(long number) {
        return tallyOf(repo.proposal(number).orElseThrow(() -> unknown(number)));
    }

    Tally tallyOf(Proposal p) {
        return switch (p.getState()) {
            case PENDING, CANCELED -> {
                int q = (int) parameters.value(ParameterSpec.QUORUM);
                int t = (int) parameters.value(ParameterSpec.THRESHOLD);
                yield new Tally(0, 0, 0, 0, 0, 0, p.getState() == ProposalState.PENDING ? q : p.getQuorumBps(),
                        p.getState() == ProposalState.PENDING ? t : p.getThresholdBps());
            }
            case ACTIVE -> {
                long[] t = repo.liveTally(p.getId());
                yield new Tally(t[0], t[1], t[2], t[3], p.getTotalPower(), quorumPower(p.getTotalPower(), p.getQuorumBps()),
                        p.getQuorumBps(), p.getThresholdBps());
            }
            default -> new Tally(p.getForPower(), p.getAgainstPower(), p.getAbstainPower(), p.getVotes(), p.getTotalPower(),
                    quorumPower(p.getTotalPower(), p.getQuorumBps()), p.getQuorumBps(), p.getThresholdBps());
        };
    }

    /** The quorum in power: the quorum fraction of the snapshot's total, rounded up. */
    static long quorumPower(long total, int quorumBps) {
        return (total * quorumBps + 9_999) / 10_000;
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public VotingPower power(String username) {
        AccountProfile a = accounts.findByUsername(username).orElseThrow(() -> RejectedException.notFound(text("governance.member.unknown", username)));
        Optional<Contribution> c = repo.contribution(a.id());
        String delegate = repo.delegateOf(a.id()).flatMap(accounts::findById).map(AccountProfile::username).orElse(null);
        long[] to = repo.delegatedTo(a.id());
        return new VotingPower(a.username(), c.isPresent(), c.map(Contribution::versions).orElse(0L), c.map(Contribution::revenue).orElse(0L),
                parameters.value(ParameterSpec.VERSION_WEIGHT), parameters.value(ParameterSpec.REVENUE_WEIGHT),
                c.map(Contribution::points).orElse(0L), c.map(Contribution::power).orElse(0L), delegate, to[1], to[0], repo.projectedSeq());
    }

    @Override
    public VotingPower delegate(Actor member, String delegateUsername) {
        AccountProfile to = delegateUsername == null ? null : accounts.findByUsername(delegateUsername.strip()).orElse(null);
        if (to == null) {
            throw new ValidationFailedException(List.of(FieldError.of("delegate", "governance.delegate.unknown",
                    delegateUsername == null ? "" : delegateUsername.strip())));
        }
        if (to.id().equals(member.accountId())) {
            throw new ValidationFailedException(List.of(FieldError.of("delegate", "governance.delegate.self")));
        }
        if (repo.contribution(member.accountId()).isEmpty()) {
            throw new RejectedException(FORBIDDEN, text("governance.delegate.notMember"), "NotMember");
        }
        if (repo.contribution(to.id()).isEmpty()) {
            throw new ValidationFailedException(List.of(FieldError.of("delegate", "governance.delegate.notMember.target", to.username())));
        }
        LedgerRecord e = ledger.append(new NewEntry(GovernanceEntryTypes.DELEGATION_CHANGED, member.accountId(), "account:" + member.username(),
                null, JSON.createObjectBuilder().add("delegator", member.accountId().toString()).add("delegate", to.id().toString())
                        .add("delegateName", to.username()).build()));
        repo.delegate(member.accountId(), to.id(), now(), e.seq());
        return power(member.username());
    }

    @Override
    public VotingPower revokeDelegation(Actor member) {
        if (repo.revoke(member.accountId())) {
            ledger.append(new NewEntry(GovernanceEntryTypes.DELEGATION_CHANGED, member.accountId(), "account:" + member.username(), null,
                    JSON.createObjectBuilder().add("delegator", member.accountId().toString()).addNull("delegate").build()));
        }
        return power(member.username());
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<ParameterInfo> parameters() {
        return java.util.Arrays.stream(ParameterSpec.values())
                .map(p -> new ParameterInfo(p.key(), parameters.value(p), p.min(), p.max(), p.unit(), text("dao.parameter.meaning." + p.key())))
                .toList();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<ParameterChangeInfo> history(Optional<String> name) {
        return repo.changes(name, 200);
    }

    // ---- the lifecycle -----------------------------------------------------------------------------

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public int advance() {
        self.project();
        int moved = 0;
        for (UUID id : repo.due(now(), 100)) {
            try {
                if (self.step(id)) {
                    moved++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "moving proposal " + id + " on failed", e);
                if (self.expireQueued(id, e.getMessage())) {
                    moved++;
                }
            }
        }
        return moved;
    }

    /** Counts the ledger's new contributions, so that members see their power grow without waiting for a proposal. */
    @Transactional(TxType.REQUIRES_NEW)
    public void project() {
        catchUp();
    }

    private GovernanceRepository.State catchUp() {
        GovernanceRepository.State st = repo.lockState();
        long head = ledger.lastSeq();
        if (head > st.projectedSeq()) {
            projector.advance(st.projectedSeq(), head);
        }
        return new GovernanceRepository.State(Math.max(head, st.projectedSeq()), st.nextNumber());
    }

    /** One transition of one proposal, if its time has come; false when nothing was due (another server was first). */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean step(UUID id) {
        Proposal p = repo.lockProposal(id).orElse(null);
        if (p == null) {
            return false;
        }
        Instant now = now();
        switch (p.getState()) {
            case PENDING -> {
                if (now.isBefore(p.getVoteStart())) {
                    return false;
                }
                activate(p, now);
            }
            case ACTIVE -> {
                if (now.isBefore(p.getVoteEnd())) {
                    return false;
                }
                close(p, now);
            }
            case SUCCEEDED -> queue(p, now);
            case QUEUED -> {
                if (now.isBefore(p.getEta())) {
                    return false;
                }
                if (now.isAfter(p.getEta().plusSeconds(graceSeconds))) {
                    expire(p, now, text("governance.outcome.missed"));
                } else {
                    execute(p, now);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void activate(Proposal p, Instant now) {
        long head = catchUp().projectedSeq();
        repo.snapshot(p.getId());
        MessageDigest digest = sha256();
        // the snapshot's total and members, and a hash of every member's line: anyone holding the ledger can check them
        long[] snap = repo.snapshotLines(p.getId(), line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        int quorum = (int) parameters.value(ParameterSpec.QUORUM);
        int threshold = (int) parameters.value(ParameterSpec.THRESHOLD);
        p.activate(head, snap[1], snap[0], quorum, threshold);
        repo.openTally(p.getId());
        LedgerRecord e = append(GovernanceEntryTypes.PROPOSAL_ACTIVATED, null, p, JSON.createObjectBuilder().add("snapshotSeq", head)
                .add("members", snap[0]).add("totalPower", snap[1]).add("snapshotSha256", HexFormat.of().formatHex(digest.digest()))
                .add("quorumBps", quorum).add("thresholdBps", threshold)
                .add("versionWeight", parameters.value(ParameterSpec.VERSION_WEIGHT))
                .add("revenueWeight", parameters.value(ParameterSpec.REVENUE_WEIGHT)));
        repo.addStep(p.getId(), ProposalState.ACTIVE, now, e.seq(), text("governance.step.active", snap[0], snap[1], head));
    }

    private void close(Proposal p, Instant now) {
        repo.lockMembers();
        long[] t = repo.tally(p.getId());
        if (!java.util.Arrays.equals(t, repo.liveTally(p.getId()))) {
            LOG.warning("proposal " + p.getNumber() + ": the running tally " + java.util.Arrays.toString(repo.liveTally(p.getId()))
                    + " differs from the votes " + java.util.Arrays.toString(t) + "; the votes count");
        }
        Tally tally = new Tally(t[0], t[1], t[2], t[3], p.getTotalPower(), quorumPower(p.getTotalPower(), p.getQuorumBps()),
                p.getQuorumBps(), p.getThresholdBps());
        boolean succeeded = tally.succeeds();
        p.close(t[0], t[1], t[2], t[3], succeeded, now);
        String note = succeeded ? text("governance.step.succeeded") : !tally.quorumReached()
                ? text("governance.step.noQuorum", tally.cast(), tally.quorumPower()) : text("governance.step.rejected");
        LedgerRecord e = append(GovernanceEntryTypes.PROPOSAL_TALLIED, null, p, JSON.createObjectBuilder().add("for", t[0])
                .add("against", t[1]).add("abstain", t[2]).add("votes", t[3]).add("totalPower", p.getTotalPower())
                .add("quorumBps", p.getQuorumBps()).add("quorumPower", tally.quorumPower()).add("thresholdBps", p.getThresholdBps())
                .add("quorumReached", tally.quorumReached()).add("passed", tally.passing()).add("result", p.getState().name()));
        repo.addStep(p.getId(), p.getState(), now, e.seq(), note);
        if (succeeded) {
            queue(p, now);
        } else {
            p.finish(ProposalState.DEFEATED, note);
        }
    }

    private void queue(Proposal p, Instant now) {
        long timelock = parameters.value(ParameterSpec.TIMELOCK);
        p.queue(now.plusSeconds(timelock));
        LedgerRecord e = append(GovernanceEntryTypes.PROPOSAL_QUEUED, null, p, JSON.createObjectBuilder().add("eta", p.getEta().toString())
                .add("timelockSeconds", timelock));
        repo.addStep(p.getId(), ProposalState.QUEUED, now, e.seq(), text("governance.step.queued", p.getEta().toString()));
    }

    private void execute(Proposal p, Instant now) {
        String blocked = blocker(p);
        if (blocked != null) {
            expire(p, now, blocked);
            return;
        }
        JsonObjectBuilder result = JSON.createObjectBuilder();
        String outcome;
        switch (p.getKind()) {
            case PARAMETER_CHANGE -> {
                ParameterSpec spec = ParameterSpec.byKey(p.getParamName()).orElseThrow();
                long old = parameters.value(spec);
                parameters.set(spec, p.getParamValue(), now);
                if (spec.changesVotingPower()) {
                    projector.recomputeAll();
                }
                LedgerRecord change = ledger.append(new NewEntry(GovernanceEntryTypes.PARAMETER_CHANGED, null, "parameter:" + spec.key(), null,
                        JSON.createObjectBuilder().add("name", spec.key()).add("oldValue", old).add("newValue", p.getParamValue())
                                .add("proposal", p.getId().toString()).add("number", p.getNumber()).build()));
                repo.addChange(spec.key(), old, p.getParamValue(), p.getId(), p.getNumber(), now, change.seq());
                result.add("parameter", spec.key()).add("oldValue", old).add("newValue", p.getParamValue()).add("changeSeq", change.seq());
                outcome = text("governance.outcome.parameter", spec.key(), old, p.getParamValue(), spec.unit());
            }
            case ASSET_TAKEDOWN -> {
                AssetRef ref = parseSubject(p.getAssetRef()).orElseThrow();
                catalog.takeDown(ref, p.getTitle(), text("governance.takedown.decision", p.getNumber()));
                result.add("asset", p.getAssetRef());
                outcome = text("governance.outcome.takedown", kindWord(ref.kind()), ref.repoId());
            }
            case TREASURY_GRANT -> {
                long seq = market.grantFromTreasury(p.getGranteeId(), Money.of(p.getAmount()), "proposal:" + p.getNumber());
                result.add("grantee", p.getGranteeId().toString()).add("amount", p.getAmount()).add("grantSeq", seq);
                outcome = text("governance.outcome.grant", Money.of(p.getAmount()).plain(), p.getGranteeName());
            }
            default -> outcome = text("governance.outcome.text");
        }
        p.finish(ProposalState.EXECUTED, outcome);
        LedgerRecord e = append(GovernanceEntryTypes.PROPOSAL_EXECUTED, null, p, result.add("outcome", outcome));
        repo.addStep(p.getId(), ProposalState.EXECUTED, now, e.seq(), outcome);
    }

    /** Why a queued proposal cannot execute any more (the asset is gone, the treasury spent), or null. */
    private String blocker(Proposal p) {
        return switch (p.getKind()) {
            case ASSET_TAKEDOWN -> parseSubject(p.getAssetRef()).flatMap(catalog::listedAsset).isEmpty()
                    ? text("governance.outcome.assetGone", p.getAssetRef()) : null;
            case TREASURY_GRANT -> market.treasuryBalance().minor() < p.getAmount()
                    ? text("governance.outcome.treasuryShort", Money.of(p.getAmount()).plain(), market.treasuryBalance().plain()) : null;
            case PARAMETER_CHANGE -> ParameterSpec.byKey(p.getParamName()).filter(s -> s.allows(p.getParamValue())).isEmpty()
                    ? text("governance.outcome.outOfRange", p.getParamName()) : null;
            case TEXT -> null;
        };
    }

    private void expire(Proposal p, Instant now, String why) {
        p.finish(ProposalState.EXPIRED, why);
        LedgerRecord e = append(GovernanceEntryTypes.PROPOSAL_EXPIRED, null, p, JSON.createObjectBuilder().add("reason", why));
        repo.addStep(p.getId(), ProposalState.EXPIRED, now, e.seq(), why);
    }

    /** A queued proposal whose execution failed unexpectedly expires, with the reason; others are left for the next run. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean expireQueued(UUID id, String why) {
        Proposal p = repo.lockProposal(id).orElse(null);
        if (p == null || p.getState() != ProposalState.QUEUED) {
            return false;
        }
        expire(p, now(), text("governance.outcome.failed", why == null ? "" : why));
        return true;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private LedgerRecord append(String type, UUID actor, Proposal p, JsonObjectBuilder payload) {
        JsonObject body = payload.add("proposal", p.getId().toString()).add("number", p.getNumber()).build();
        return ledger.append(new NewEntry(type, actor, "proposal:" + p.getNumber(), null, body));
    }

    ProposalInfo info(Proposal p, boolean withTimeline) {
        String change = switch (p.getKind()) {
            case PARAMETER_CHANGE -> text("governance.change.parameter", p.getParamName(), p.getParamValue(),
                    ParameterSpec.byKey(p.getParamName()).map(ParameterSpec::unit).orElse(""));
            case ASSET_TAKEDOWN -> parseSubject(p.getAssetRef()).map(r -> text("governance.change.takedown", kindWord(r.kind()), r.repoId()))
                    .orElse(p.getAssetRef());
            case TREASURY_GRANT -> text("governance.change.grant", Money.of(p.getAmount()).plain(), p.getGranteeName());
            case TEXT -> text("governance.change.text");
        };
        String asset = parseSubject(p.getAssetRef()).map(AssetRef::pagePath).orElse(null);
        return new ProposalInfo(p.getId(), p.getNumber(), p.getKind(), p.getTitle(), p.getDescription(),
                withTimeline ? SafeMarkdown.toSafeHtml(p.getDescription()) : null, p.getProposerName(), p.getState(), change,
                p.getParamName(), p.getParamValue(), asset, p.getGranteeName(), p.getAmount() == null ? null : Money.of(p.getAmount()),
                p.getCreatedAt(), p.getVoteStart(), p.getVoteEnd(), p.getEta(), p.getClosedAt(), p.getSnapshotSeq(), p.getMembers(),
                tallyOf(p), p.getOutcome(), withTimeline ? repo.steps(p.getId()) : List.of());
    }

    static Optional<AssetRef> parseSubject(String subject) {
        if (subject == null || !subject.contains(":")) {
            return Optional.empty();
        }
        String[] kindAndRepo = subject.split(":", 2);
        String[] repo = kindAndRepo[1].split("/", 2);
        if (repo.length != 2) {
            return Optional.empty();
        }
        return Optional.of(new AssetRef(AssetKind.valueOf(kindAndRepo[0].toUpperCase(Locale.ROOT)), repo[0], repo[1]));
    }

    private static String kindWord(AssetKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static RejectedException unknown(long number) {
        return new RejectedException(NOT_FOUND, text("governance.proposal.unknown", number));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(String key, Object... args) {
        return Messages.format(Locale.ENGLISH, key, args);
    }
}
