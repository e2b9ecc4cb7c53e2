package org.guildhall.governance.application;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.guildhall.catalog.api.Actor;
import org.guildhall.governance.api.ProposalDraft;
import org.guildhall.governance.api.ProposalInfo;
import org.guildhall.governance.api.ProposalKind;
import org.guildhall.governance.api.ProposalState;
import org.guildhall.governance.api.Tally;
import org.guildhall.governance.api.VoteChoice;
import org.guildhall.governance.domain.PowerFormula;
import org.guildhall.market.application.MarketFixture;
import org.guildhall.market.application.MarketSettings;
import org.guildhall.testsupport.BenchDatabases;
import org.guildhall.testsupport.BothDatabases;

/**
 * The DAO's figures, written to {@code target/bench/dao.json}, on H2 and on a real PostgreSQL:
 * <ul>
 * <li>the voting-power snapshot of 100,000 members (5 % of them delegating) when a proposal becomes active
 * (target &lt; 5 s);</li>
 * <li>votes cast per second through the production path (the voter's snapshot row locked, the vote written, its
 * ledger entry appended), each in its own transaction, from several threads (target ≥ 500/s);</li>
 * <li>the tally of a proposal with 100,000 votes (target &lt; 200 ms): the live tally's median, and closing the
 * vote (every snapshot row locked, the tally, its ledger entry).</li>
 * </ul>
 * Members and the votes beyond those cast through the service are written with plain JDBC, so that the run
 * measures the DAO and not the set-up. Run with {@code ./guildhall bench dao}; arguments: members (default
 * 100,000), votes cast through the service (default 20,000), threads (default 8).
 */
public final class GovernanceBenchmark {

    static final JsonProvider JSON = JsonProvider.provider();

    private GovernanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int voters = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        // one member in 20 delegates (to member 1) on top of the voters, so that the proposal ends with as many votes
        int members = voters + voters / 19 + 1;
        int cast = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        JsonObjectBuilder out = JSON.createObjectBuilder().add("cores", Runtime.getRuntime().availableProcessors())
                .add("java", System.getProperty("java.version")).add("members", members).add("voters", voters).add("votesCastThroughTheService", cast)
                .add("threads", threads);
        BenchDatabases.runBoth("dao", out, (ds, url, user, password, h2) -> run(ds, url, user, password, members, cast, threads));
    }

    static <T> T tx(EntityManagerFactory emf, Function<EntityManager, T> work) {
        return BothDatabases.read(emf, work);
    }

    static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    static JsonObject run(DataSource ds, String url, String user, String password, int members, int cast, int threads) throws Exception {
        EntityManagerFactory emf = BenchDatabases.migrated(ds, url, user, password);
        String db = url.startsWith("jdbc:h2") ? "H2" : "PostgreSQL";
        try {
            Clock clock = Clock.systemUTC();
            GovernanceFixture fx = new GovernanceFixture(new MarketFixture(MarketSettings.of(250, 1_000_000, true, 1_000), clock), clock);
            List<Actor> actors = new ArrayList<>(members);
            List<Boolean> delegates = new ArrayList<>(members);
            seedMembers(ds, fx, members, actors, delegates);

            // the snapshot: the proposal becomes active
            ProposalInfo p = tx(emf, em -> fx.service(em).propose(actors.get(0),
                    new ProposalDraft(ProposalKind.TEXT, "Benchmark", "A signal.", null, null, null, null, null)));
            tx(emf, em -> {
                fx.service(em).moveClock(61);
                return null;
            });
            long s0 = System.nanoTime();
            boolean activated = tx(emf, em -> fx.service(em).step(p.id()));
            long snapshotNanos = System.nanoTime() - s0;
            ProposalInfo active = tx(emf, em -> fx.service(em).proposal(p.number()).orElseThrow());
            System.out.printf("%s: snapshot of %d members in %.0f ms (%s)%n", db, active.members(), snapshotNanos / 1e6, active.state());

            // votes through the service: the members who did not delegate, in turn
            List<Actor> voters = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                if (!delegates.get(i)) {
                    voters.add(actors.get(i));
                }
            }
            int warm = Math.min(2_000, cast / 5);
            castVotes(emf, fx, p.number(), voters, 0, warm, threads);
            long v0 = System.nanoTime();
            int done = castVotes(emf, fx, p.number(), voters, warm, warm + cast, threads);
            double voteSeconds = (System.nanoTime() - v0) / 1e9;
            System.out.printf("%s: %d votes in %.1f s = %.0f/s%n", db, done, voteSeconds, done / voteSeconds);

            // the remaining members' votes, written directly, so that the proposal holds one vote per voter
            int direct = insertVotes(ds, p.id(), voters.subList(warm + cast, voters.size()));
            // H2 answers a repeated query on unchanged tables from its result cache: the first run is the cold one
            long[] live = new long[21];
            Tally t = null;
            for (int i = 0; i < live.length; i++) {
                long t0 = System.nanoTime();
                t = tx(emf, em -> fx.service(em).tally(p.number()));
                live[i] = System.nanoTime() - t0;
            }
            long cold = live[0];
            Arrays.sort(live);
            tx(emf, em -> {
                fx.service(em).moveClock(fx.defaults.get(org.guildhall.governance.domain.ParameterSpec.VOTING_PERIOD) + 1);
                return null;
            });
            long c0 = System.nanoTime();
            tx(emf, em -> fx.service(em).step(p.id()));
            long closeNanos = System.nanoTime() - c0;
            ProposalInfo closed = tx(emf, em -> fx.service(em).proposal(p.number()).orElseThrow());
            System.out.printf("%s: tally of %d votes: live first %.1f ms, median %.1f ms, close %.0f ms (%s)%n", db, closed.tally().votes(),
                    cold / 1e6, live[10] / 1e6,
                    closeNanos / 1e6, closed.state());
            return JSON.createObjectBuilder()
                    .add("snapshot", JSON.createObjectBuilder().add("members", active.members()).add("totalPower", active.tally().totalPower())
                            .add("activated", activated && active.state() == ProposalState.ACTIVE).add("ms", ms(snapshotNanos)))
                    .add("votes", JSON.createObjectBuilder().add("castThroughTheService", done).add("seconds", Math.round(voteSeconds * 1000) / 1000.0)
                            .add("votesPerSecond", Math.round(done / voteSeconds)).add("writtenDirectly", direct))
                    .add("tally", JSON.createObjectBuilder().add("votes", t.votes()).add("liveFirstMs", ms(cold))
                            .add("liveMedianMs", ms(live[live.length / 2]))
                            .add("liveMaxMs", ms(live[live.length - 1])).add("closeMs", ms(closeNanos))
                            .add("closedVotes", closed.tally().votes()).add("state", closed.state().name()))
                    .build();
        } finally {
            emf.close();
        }
    }

    /** Members with random contributions (1–40 versions, up to 5,000 units earned); every 20th delegates to member 1. */
    static void seedMembers(DataSource ds, GovernanceFixture fx, int members, List<Actor> actors, List<Boolean> delegates) throws Exception {
        Random r = new Random(42);
        int[] delegators = {0};
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO gov_contribution (account_id, versions, revenue, points, power, first_seq, last_seq) "
                    + "VALUES (?, ?, ?, ?, ?, 0, 0)");
                    PreparedStatement del = c.prepareStatement("INSERT INTO gov_delegation (delegator_id, delegate_id, since, ledger_seq) "
                            + "VALUES (?, ?, ?, 0)")) {
                for (int i = 0; i < members; i++) {
                    String name = "member" + i;
                    UUID id = fx.market.account(name);
                    actors.add(new Actor(id, name, false));
                    long versions = 1 + r.nextInt(40);
                    long revenue = (long) r.nextInt(5_000) * PowerFormula.UNIT;
                    long points = PowerFormula.points(versions, revenue, 10, 1);
                    ins.setObject(1, id);
                    ins.setLong(2, versions);
                    ins.setLong(3, revenue);
                    ins.setLong(4, points);
                    ins.setLong(5, PowerFormula.power(points));
                    ins.addBatch();
                    boolean delegating = i > 1 && i % 20 == 0 && delegators[0] < members / 20;
                    delegates.add(delegating);
                    if (delegating) {
                        delegators[0]++;
                        del.setObject(1, id);
                        del.setObject(2, fx.market.account("member1"));
                        del.setTimestamp(3, Timestamp.from(Instant.now()));
                        del.addBatch();
                    }
                    if (i % 5_000 == 4_999) {
                        ins.executeBatch();
                        del.executeBatch();
                    }
                }
                ins.executeBatch();
                del.executeBatch();
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE gov_state SET projected_seq = (SELECT last_seq FROM ledger_head)")) {
                st.executeUpdate();
            }
            c.commit();
        }
    }

    static int castVotes(EntityManagerFactory emf, GovernanceFixture fx, long number, List<Actor> voters, int from, int to, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> all = new ArrayList<>();
        VoteChoice[] choices = VoteChoice.values();
        for (int t = 0; t < threads; t++) {
            all.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    Actor voter = voters.get(i);
                    VoteChoice c = choices[i % 5 == 0 ? 2 : i % 3 == 0 ? 1 : 0];
                    tx(emf, em -> fx.service(em).vote(voter, number, c, null));
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return done.get();
    }

    /** The votes of members who did not vote through the service, with the weights of their snapshot, and the running tally moved by them. */
    static int insertVotes(DataSource ds, UUID proposal, List<Actor> voters) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO gov_vote (proposal_id, voter_id, voter_name, choice, weight, reason, "
                    + "cast_at, ledger_seq, changes) SELECT ?, ?, ?, ?, power, '', ?, 0, 0 FROM gov_contribution WHERE account_id = ?")) {
                int i = 0;
                for (Actor a : voters) {
                    ins.setObject(1, proposal);
                    ins.setObject(2, a.accountId());
                    ins.setString(3, a.username());
                    ins.setString(4, (i % 2 == 0 ? VoteChoice.FOR : VoteChoice.AGAINST).name());
                    ins.setTimestamp(5, Timestamp.from(Instant.now()));
                    ins.setObject(6, a.accountId());
                    ins.addBatch();
                    if (++i % 5_000 == 0) {
                        ins.executeBatch();
                    }
                }
                ins.executeBatch();
            }
            try (PreparedStatement t = c.prepareStatement("UPDATE gov_tally SET for_power = (SELECT COALESCE(SUM(weight), 0) FROM gov_vote "
                    + "WHERE proposal_id = ? AND choice = 'FOR'), against_power = (SELECT COALESCE(SUM(weight), 0) FROM gov_vote WHERE proposal_id = ? "
                    + "AND choice = 'AGAINST'), abstain_power = (SELECT COALESCE(SUM(weight), 0) FROM gov_vote WHERE proposal_id = ? AND choice = 'ABSTAIN'), "
                    + "votes = (SELECT COUNT(*) FROM gov_vote WHERE proposal_id = ?) WHERE proposal_id = ? AND shard = 0")) {
                for (int k = 1; k <= 5; k++) {
                    t.setObject(k, proposal);
                }
                t.executeUpdate();
            }
            try (PreparedStatement z = c.prepareStatement("UPDATE gov_tally SET for_power = 0, against_power = 0, abstain_power = 0, votes = 0 "
                    + "WHERE proposal_id = ? AND shard > 0")) {
                z.setObject(1, proposal);
                z.executeUpdate();
            }
            c.commit();
        }
        return voters.size();
    }
}
