package org.guildhall.governance.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
import org.guildhall.governance.domain.GovernanceRepository;
import org.guildhall.governance.domain.Proposal;

/** Proposals through JPA; the bulk tables (snapshots, votes, the contribution projection) through plain SQL. */
@ApplicationScoped
public class JpaGovernanceRepository implements GovernanceRepository {

    @PersistenceContext(unitName = "guildhall")
    EntityManager em;

    /** For tests and benchmarks outside the container. */
    public static JpaGovernanceRepository with(EntityManager em) {
        JpaGovernanceRepository r = new JpaGovernanceRepository();
        r.em = em;
        return r;
    }

    @Override
    public State lockState() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT projected_seq, next_number FROM gov_state WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        return new State(num(row[0]), num(row[1]));
    }

    @Override
    public void projectedUpTo(long seq) {
        em.createNativeQuery("UPDATE gov_state SET projected_seq = ? WHERE id = 1").setParameter(1, seq).executeUpdate();
    }

    @Override
    public long projectedSeq() {
        return num(em.createNativeQuery("SELECT projected_seq FROM gov_state WHERE id = 1").getSingleResult());
    }

    @Override
    public void nextNumber(long next) {
        em.createNativeQuery("UPDATE gov_state SET next_number = ? WHERE id = 1").setParameter(1, next).executeUpdate();
    }

    @Override
    public long clockOffsetSeconds() {
        return num(em.createNativeQuery("SELECT clock_offset_seconds FROM gov_state WHERE id = 1").getSingleResult());
    }

    @Override
    public void clockOffsetSeconds(long seconds) {
        em.createNativeQuery("UPDATE gov_state SET clock_offset_seconds = ? WHERE id = 1").setParameter(1, seconds).executeUpdate();
    }

    // ---- contributions

    @Override
    public Optional<Contribution> contribution(UUID accountId) {
        List<?> rows = em.createNativeQuery("SELECT " + CONTRIBUTION + " FROM gov_contribution WHERE account_id = ?").setParameter(1, accountId)
                .getResultList();
        return rows.stream().findFirst().map(r -> contribution((Object[]) r));
    }

    private static final String CONTRIBUTION = "account_id, versions, revenue, points, power, first_seq, last_seq";

    private static Contribution contribution(Object[] r) {
        return new Contribution(uuid(r[0]), num(r[1]), num(r[2]), num(r[3]), num(r[4]), num(r[5]), num(r[6]));
    }

    @Override
    public Optional<Contribution> lockContribution(UUID accountId) {
        List<?> rows = em.createNativeQuery("SELECT " + CONTRIBUTION + " FROM gov_contribution WHERE account_id = ? FOR UPDATE")
                .setParameter(1, accountId).getResultList();
        return rows.stream().findFirst().map(r -> contribution((Object[]) r));
    }

    @Override
    public void preserve(UUID accountId) {
        String sql = "INSERT INTO gov_power (proposal_id, account_id, own_power, power) SELECT p.id, c.account_id, c.power, c.power "
                + "FROM gov_proposal p CROSS JOIN gov_contribution c WHERE p.state = 'ACTIVE' AND c.first_seq <= p.snapshot_seq "
                + (accountId == null ? "" : "AND c.account_id = ? ")
                + "AND NOT EXISTS (SELECT 1 FROM gov_power g WHERE g.proposal_id = p.id AND g.account_id = c.account_id)";
        var q = em.createNativeQuery(sql);
        if (accountId != null) {
            q.setParameter(1, accountId);
        }
        q.executeUpdate();
    }

    @Override
    public void save(Contribution c) {
        int n = em.createNativeQuery("UPDATE gov_contribution SET versions = ?, revenue = ?, points = ?, power = ?, last_seq = ? "
                + "WHERE account_id = ?").setParameter(1, c.versions()).setParameter(2, c.revenue()).setParameter(3, c.points())
                .setParameter(4, c.power()).setParameter(5, c.lastSeq()).setParameter(6, c.accountId()).executeUpdate();
        if (n == 0) {
            em.createNativeQuery("INSERT INTO gov_contribution (" + CONTRIBUTION + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, c.accountId()).setParameter(2, c.versions()).setParameter(3, c.revenue()).setParameter(4, c.points())
                    .setParameter(5, c.power()).setParameter(6, c.firstSeq()).setParameter(7, c.lastSeq()).executeUpdate();
        }
    }

    @Override
    public List<Contribution> contributionsAfter(UUID after, int limit) {
        var q = after == null
                ? em.createNativeQuery("SELECT " + CONTRIBUTION + " FROM gov_contribution ORDER BY account_id")
                : em.createNativeQuery("SELECT " + CONTRIBUTION + " FROM gov_contribution WHERE account_id > ? ORDER BY account_id")
                        .setParameter(1, after);
        return ((List<?>) q.setMaxResults(limit).getResultList()).stream().map(r -> contribution((Object[]) r)).toList();
    }

    @Override
    public void power(UUID accountId, long points, long power) {
        em.createNativeQuery("UPDATE gov_contribution SET points = ?, power = ? WHERE account_id = ?").setParameter(1, points)
                .setParameter(2, power).setParameter(3, accountId).executeUpdate();
    }

    // ---- delegation

    @Override
    public Optional<UUID> delegateOf(UUID delegator) {
        List<?> rows = em.createNativeQuery("SELECT delegate_id FROM gov_delegation WHERE delegator_id = ?").setParameter(1, delegator)
                .getResultList();
        return rows.stream().findFirst().map(JpaGovernanceRepository::uuid);
    }

    @Override
    public void delegate(UUID delegator, UUID delegate, Instant at, long seq) {
        int n = em.createNativeQuery("UPDATE gov_delegation SET delegate_id = ?, since = ?, ledger_seq = ? WHERE delegator_id = ?")
                .setParameter(1, delegate).setParameter(2, Timestamp.from(at)).setParameter(3, seq).setParameter(4, delegator)
                .executeUpdate();
        if (n == 0) {
            em.createNativeQuery("INSERT INTO gov_delegation (delegator_id, delegate_id, since, ledger_seq) VALUES (?, ?, ?, ?)")
                    .setParameter(1, delegator).setParameter(2, delegate).setParameter(3, Timestamp.from(at)).setParameter(4, seq)
                    .executeUpdate();
        }
    }

    @Override
    public boolean revoke(UUID delegator) {
        return em.createNativeQuery("DELETE FROM gov_delegation WHERE delegator_id = ?").setParameter(1, delegator).executeUpdate() > 0;
    }

    @Override
    public long[] delegatedTo(UUID delegate) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(c.power), 0) FROM gov_delegation d "
                + "JOIN gov_contribution c ON c.account_id = d.delegator_id WHERE d.delegate_id = ?").setParameter(1, delegate)
                .getSingleResult();
        return new long[] {num(r[0]), num(r[1])};
    }

    // ---- parameters

    @Override
    public OptionalLong parameter(String name) {
        List<?> r = em.createNativeQuery("SELECT int_value FROM gov_parameter WHERE name = ?").setParameter(1, name).getResultList();
        return r.isEmpty() ? OptionalLong.empty() : OptionalLong.of(num(r.get(0)));
    }

    @Override
    public void parameter(String name, long value, Instant at) {
        int n = em.createNativeQuery("UPDATE gov_parameter SET int_value = ?, changed_at = ? WHERE name = ?").setParameter(1, value)
                .setParameter(2, Timestamp.from(at)).setParameter(3, name).executeUpdate();
        if (n == 0) {
            em.createNativeQuery("INSERT INTO gov_parameter (name, int_value, changed_at) VALUES (?, ?, ?)").setParameter(1, name)
                    .setParameter(2, value).setParameter(3, Timestamp.from(at)).executeUpdate();
        }
    }

    @Override
    public void addChange(String name, long oldValue, long newValue, UUID proposalId, long proposalNumber, Instant at, long seq) {
        em.createNativeQuery("INSERT INTO gov_parameter_change (id, name, old_value, new_value, proposal_id, proposal_number, changed_at, "
                + "ledger_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").setParameter(1, UUID.randomUUID()).setParameter(2, name)
                .setParameter(3, oldValue).setParameter(4, newValue).setParameter(5, proposalId).setParameter(6, proposalNumber)
                .setParameter(7, Timestamp.from(at)).setParameter(8, seq).executeUpdate();
    }

    @Override
    public List<ParameterChangeInfo> changes(Optional<String> name, int limit) {
        String sql = "SELECT name, old_value, new_value, proposal_number, changed_at, ledger_seq FROM gov_parameter_change "
                + (name.isPresent() ? "WHERE name = ? " : "") + "ORDER BY changed_at DESC, ledger_seq DESC";
        var q = em.createNativeQuery(sql);
        name.ifPresent(n -> q.setParameter(1, n));
        return ((List<?>) q.setMaxResults(limit).getResultList()).stream().map(o -> {
            Object[] r = (Object[]) o;
            return new ParameterChangeInfo((String) r[0], num(r[1]), num(r[2]), num(r[3]), instant(r[4]), num(r[5]));
        }).toList();
    }

    // ---- proposals

    @Override
    public void add(Proposal p) {
        em.persist(p);
    }

    @Override
    public Optional<Proposal> proposal(long number) {
        return em.createQuery("SELECT p FROM Proposal p WHERE p.number = :n", Proposal.class).setParameter("n", number)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Proposal> lockProposal(UUID id) {
        return Optional.ofNullable(em.find(Proposal.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Proposal> proposals(Collection<ProposalState> states, int offset, int limit) {
        return em.createQuery("SELECT p FROM Proposal p WHERE p.state IN :s ORDER BY p.number DESC", Proposal.class)
                .setParameter("s", List.copyOf(states)).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public List<UUID> due(Instant now, int limit) {
        return em.createQuery("SELECT p.id FROM Proposal p WHERE (p.state = :pending AND p.voteStart <= :now) "
                + "OR (p.state = :active AND p.voteEnd <= :now) OR p.state = :succeeded OR (p.state = :queued AND p.eta <= :now) "
                + "ORDER BY p.number", UUID.class).setParameter("pending", ProposalState.PENDING).setParameter("active", ProposalState.ACTIVE)
                .setParameter("succeeded", ProposalState.SUCCEEDED).setParameter("queued", ProposalState.QUEUED).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public void addStep(UUID proposal, ProposalState state, Instant at, long seq, String note) {
        em.createNativeQuery("INSERT INTO gov_step (proposal_id, state, at, ledger_seq, note) VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, proposal).setParameter(2, state.name()).setParameter(3, Timestamp.from(at)).setParameter(4, seq)
                .setParameter(5, note == null ? "" : note).executeUpdate();
    }

    @Override
    public List<TimelineStep> steps(UUID proposal) {
        return ((List<?>) em.createNativeQuery("SELECT state, at, ledger_seq, note FROM gov_step WHERE proposal_id = ? ORDER BY ledger_seq")
                .setParameter(1, proposal).getResultList()).stream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new TimelineStep(ProposalState.valueOf((String) r[0]), instant(r[1]), num(r[2]), blankToNull(r[3]));
                }).toList();
    }

    // ---- snapshots

    @Override
    public void snapshot(UUID proposal) {
        em.createNativeQuery("INSERT INTO gov_power (proposal_id, account_id, own_power, power, delegate_id) "
                + "SELECT ?, c.account_id, c.power, 0, d.delegate_id FROM gov_delegation d JOIN gov_contribution c ON c.account_id = d.delegator_id")
                .setParameter(1, proposal).executeUpdate();
        // one hop: each delegate gains the own power of the members who delegate to it
        for (Object o : em.createNativeQuery("SELECT d.delegate_id, SUM(c.power) FROM gov_delegation d "
                + "JOIN gov_contribution c ON c.account_id = d.delegator_id GROUP BY d.delegate_id").getResultList()) {
            Object[] r = (Object[]) o;
            int n = em.createNativeQuery("UPDATE gov_power SET power = power + ? WHERE proposal_id = ? AND account_id = ?")
                    .setParameter(1, num(r[1])).setParameter(2, proposal).setParameter(3, uuid(r[0])).executeUpdate();
            if (n == 0) {
                em.createNativeQuery("INSERT INTO gov_power (proposal_id, account_id, own_power, power) SELECT ?, account_id, power, power + ? "
                        + "FROM gov_contribution WHERE account_id = ?").setParameter(1, proposal).setParameter(2, num(r[1]))
                        .setParameter(3, uuid(r[0])).executeUpdate();
            }
        }
    }

    @Override
    public long[] snapshotLines(UUID proposal, Consumer<String> line) {
        List<String> lines = new ArrayList<>();
        long total = 0;
        for (Object o : em.createNativeQuery("SELECT c.account_id, COALESCE(g.own_power, c.power), COALESCE(g.power, c.power), g.delegate_id "
                + "FROM gov_contribution c LEFT JOIN gov_power g ON g.proposal_id = ? AND g.account_id = c.account_id")
                .setParameter(1, proposal).getResultList()) {
            Object[] r = (Object[]) o;
            long power = num(r[2]);
            total += power;
            lines.add(uuid(r[0]) + ":" + num(r[1]) + ":" + power + ":" + (r[3] == null ? "" : uuid(r[3]).toString()));
        }
        lines.sort(null);
        lines.forEach(line);
        return new long[] {lines.size(), total};
    }

    @Override
    public Optional<PowerRow> powerRow(UUID proposal, UUID account) {
        List<?> rows = em.createNativeQuery("SELECT own_power, power, delegate_id FROM gov_power WHERE proposal_id = ? AND account_id = ?")
                .setParameter(1, proposal).setParameter(2, account).getResultList();
        return rows.stream().findFirst().map(o -> {
            Object[] r = (Object[]) o;
            return new PowerRow(num(r[0]), num(r[1]), r[2] == null ? null : uuid(r[2]));
        });
    }

    @Override
    public void lockMembers() {
        em.createNativeQuery("SELECT account_id FROM gov_contribution FOR UPDATE").getResultList();
    }

    @Override
    public Optional<ProposalState> currentState(UUID proposal) {
        List<?> rows = em.createNativeQuery("SELECT state FROM gov_proposal WHERE id = ?").setParameter(1, proposal).getResultList();
        return rows.stream().findFirst().map(s -> ProposalState.valueOf((String) s));
    }

    // ---- votes

    @Override
    public Optional<PriorVote> putVote(UUID proposal, UUID voter, String voterName, VoteChoice choice, long weight, String reason, Instant at,
            long seq) {
        List<?> prior = em.createNativeQuery("SELECT choice, weight, changes FROM gov_vote WHERE proposal_id = ? AND voter_id = ?")
                .setParameter(1, proposal).setParameter(2, voter).getResultList();
        if (prior.isEmpty()) {
            em.createNativeQuery("INSERT INTO gov_vote (proposal_id, voter_id, voter_name, choice, weight, reason, cast_at, ledger_seq, changes) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)").setParameter(1, proposal).setParameter(2, voter).setParameter(3, voterName)
                    .setParameter(4, choice.name()).setParameter(5, weight).setParameter(6, reason == null ? "" : reason).setParameter(7, Timestamp.from(at))
                    .setParameter(8, seq).executeUpdate();
            return Optional.empty();
        }
        Object[] was = (Object[]) prior.get(0);
        em.createNativeQuery("UPDATE gov_vote SET choice = ?, weight = ?, reason = ?, cast_at = ?, ledger_seq = ?, changes = ? "
                + "WHERE proposal_id = ? AND voter_id = ?").setParameter(1, choice.name()).setParameter(2, weight).setParameter(3, reason == null ? "" : reason)
                .setParameter(4, Timestamp.from(at)).setParameter(5, seq).setParameter(6, num(was[2]) + 1).setParameter(7, proposal)
                .setParameter(8, voter).executeUpdate();
        return Optional.of(new PriorVote(VoteChoice.valueOf((String) was[0]), num(was[1])));
    }

    @Override
    public void openTally(UUID proposal) {
        for (int shard = 0; shard < TALLY_SHARDS; shard++) {
            em.createNativeQuery("INSERT INTO gov_tally (proposal_id, shard, for_power, against_power, abstain_power, votes) "
                    + "VALUES (?, ?, 0, 0, 0, 0)").setParameter(1, proposal).setParameter(2, shard).executeUpdate();
        }
    }

    @Override
    public boolean addToTally(UUID proposal, int shard, long forPower, long againstPower, long abstainPower, long votes) {
        return em.createNativeQuery("UPDATE gov_tally SET for_power = for_power + ?, against_power = against_power + ?, "
                + "abstain_power = abstain_power + ?, votes = votes + ? WHERE proposal_id = ? AND shard = ? "
                + "AND EXISTS (SELECT 1 FROM gov_proposal p WHERE p.id = ? AND p.state = 'ACTIVE')").setParameter(1, forPower)
                .setParameter(2, againstPower).setParameter(3, abstainPower).setParameter(4, votes).setParameter(5, proposal)
                .setParameter(6, shard).setParameter(7, proposal).executeUpdate() == 1;
    }

    @Override
    public long[] liveTally(UUID proposal) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(for_power), 0), COALESCE(SUM(against_power), 0), "
                + "COALESCE(SUM(abstain_power), 0), COALESCE(SUM(votes), 0) FROM gov_tally WHERE proposal_id = ?").setParameter(1, proposal)
                .getSingleResult();
        return new long[] {num(r[0]), num(r[1]), num(r[2]), num(r[3])};
    }

    @Override
    public Optional<Proposal> proposalById(UUID id) {
        return Optional.ofNullable(em.find(Proposal.class, id));
    }

    @Override
    public long[] tally(UUID proposal) {
        long[] t = new long[4];
        for (Object o : em.createNativeQuery("SELECT choice, SUM(weight), COUNT(*) FROM gov_vote WHERE proposal_id = ? GROUP BY choice")
                .setParameter(1, proposal).getResultList()) {
            Object[] r = (Object[]) o;
            t[VoteChoice.valueOf((String) r[0]).ordinal()] = num(r[1]);
            t[3] += num(r[2]);
        }
        return t;
    }

    @Override
    public List<VoteInfo> votes(UUID proposal, int offset, int limit) {
        return ((List<?>) em.createNativeQuery("SELECT voter_name, choice, weight, reason, cast_at, ledger_seq FROM gov_vote "
                + "WHERE proposal_id = ? ORDER BY weight DESC, voter_name").setParameter(1, proposal).setFirstResult(offset)
                .setMaxResults(limit).getResultList()).stream().map(o -> vote((Object[]) o)).toList();
    }

    @Override
    public Optional<VoteInfo> vote(UUID proposal, UUID voter) {
        return ((List<?>) em.createNativeQuery("SELECT voter_name, choice, weight, reason, cast_at, ledger_seq FROM gov_vote "
                + "WHERE proposal_id = ? AND voter_id = ?").setParameter(1, proposal).setParameter(2, voter).getResultList()).stream()
                .findFirst().map(o -> vote((Object[]) o));
    }

    private static VoteInfo vote(Object[] r) {
        return new VoteInfo((String) r[0], VoteChoice.valueOf((String) r[1]), num(r[2]), blankToNull(r[3]), instant(r[4]), num(r[5]));
    }

    private static String blankToNull(Object o) {
        return o == null || o.toString().isEmpty() ? null : o.toString();
    }

    static long num(Object o) {
        return ((Number) o).longValue();
    }

    static UUID uuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    static Instant instant(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Instant t) {
            return t;
        }
        if (o instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a time: " + o);
    }
}
