package org.guildhall.governance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManagerFactory;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.OwnedVersion;
import org.guildhall.governance.api.GovernanceEntryTypes;
import org.guildhall.governance.api.ProposalDraft;
import org.guildhall.governance.api.ProposalInfo;
import org.guildhall.governance.api.ProposalKind;
import org.guildhall.governance.api.ProposalState;
import org.guildhall.governance.api.VoteChoice;
import org.guildhall.governance.api.VotingPower;
import org.guildhall.governance.domain.ParameterSpec;
import org.guildhall.ledger.api.EntryFact;
import org.guildhall.ledger.api.EntryTypes;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.ledger.api.NewEntry;
import org.guildhall.market.api.Money;
import org.guildhall.market.api.OfferInfo;
import org.guildhall.market.api.OfferKind;
import org.guildhall.market.api.OfferTerms;
import org.guildhall.market.api.Purchase;
import org.guildhall.market.application.MarketFixture;
import org.guildhall.market.application.MarketSettings;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.testsupport.BothDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The DAO on H2 and on a real PostgreSQL, with the real ledger and market: lifecycle, power, delegation, execution. */
class GovernancePersistenceTest extends BothDatabases {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    GovernanceFixture fx;

    EntityManagerFactory fresh(Database db) {
        EntityManagerFactory emf = migratedFactory(db);
        inTransaction(emf, em -> {
            MarketFixture.clear(em);
            for (String t : List.of("gov_vote", "gov_tally", "gov_power", "gov_step", "gov_proposal", "gov_delegation", "gov_parameter",
                    "gov_parameter_change", "gov_contribution")) {
                em.createNativeQuery("DELETE FROM " + t).executeUpdate();
            }
            // entries other tests left in the shared ledger are not contributions of this test's members
            em.createNativeQuery("UPDATE gov_state SET projected_seq = (SELECT last_seq FROM ledger_head), next_number = 1, "
                    + "clock_offset_seconds = 0").executeUpdate();
        });
        fx = new GovernanceFixture(new MarketFixture(MarketSettings.of(250, 1_000_000, true, 100_000), clock), clock);
        return emf;
    }

    Actor actor(String name) {
        return new Actor(fx.market.account(name), name, false);
    }

    /** A published version in the ledger, as the catalogue records it: one contribution of its publisher. */
    void publishes(EntityManagerFactory emf, Actor who, int versions) {
        inTransaction(emf, em -> {
            LedgerService ledger = fx.market.ledger(em);
            for (int i = 0; i < versions; i++) {
                ledger.append(new NewEntry(EntryTypes.VERSION_PUBLISHED, who.accountId(), "dataset:" + who.username() + "/d@r" + (i + 1),
                        UUID.randomUUID(), Json.createObjectBuilder().add("revision", i + 1).build()));
            }
        });
    }

    ProposalDraft fee(long bps) {
        return new ProposalDraft(ProposalKind.PARAMETER_CHANGE, "Fee to " + bps, "We *should* change the fee.", "platform.fee.bps", bps,
                null, null, null);
    }

    ProposalInfo propose(EntityManagerFactory emf, Actor who, ProposalDraft d) {
        return read(emf, em -> fx.service(em).propose(who, d));
    }

    void vote(EntityManagerFactory emf, Actor who, long number, VoteChoice c, String reason) {
        read(emf, em -> fx.service(em).vote(who, number, c, reason));
    }

    ProposalInfo after(EntityManagerFactory emf, long seconds, long number) {
        read(emf, em -> fx.service(em).advanceClock(Duration.ofSeconds(seconds)));
        return proposal(emf, number);
    }

    ProposalInfo proposal(EntityManagerFactory emf, long number) {
        return read(emf, em -> fx.service(em).proposal(number).orElseThrow());
    }

    List<EntryFact> entries(EntityManagerFactory emf, String type) {
        return read(emf, em -> fx.market.ledger(em).facts(type, 0, 10_000));
    }

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFeeProposalRunsItsLifecycleAndTheNextPurchasePaysTheNewFee(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor bob = actor("bob");
        Actor carol = actor("carol");
        publishes(emf, alice, 3);
        publishes(emf, bob, 1);

        ProposalInfo p = propose(emf, alice, fee(400));
        assertThat(p.state()).isEqualTo(ProposalState.PENDING);
        assertThat(p.change()).isEqualTo("Set platform.fee.bps to 400 bps");
        assertThat(p.voteStart()).isEqualTo(clock.instant().plusSeconds(60));
        assertThatThrownBy(() -> vote(emf, bob, p.number(), VoteChoice.FOR, null)).hasMessageContaining("opens at");

        ProposalInfo active = after(emf, 60, p.number());
        assertThat(active.state()).isEqualTo(ProposalState.ACTIVE);
        assertThat(active.members()).isEqualTo(2);
        // power = ⌊100 × √points⌋: alice 3 versions × 10 points, bob 1 × 10
        assertThat(active.tally().totalPower()).isEqualTo(547 + 316);

        vote(emf, alice, p.number(), VoteChoice.FOR, "cheaper to run");
        vote(emf, bob, p.number(), VoteChoice.AGAINST, null);
        vote(emf, bob, p.number(), VoteChoice.FOR, "changed my mind");
        assertThatThrownBy(() -> vote(emf, carol, p.number(), VoteChoice.FOR, null)).isInstanceOf(RejectedException.class)
                .hasMessageContaining("not a member");
        assertThat(read(emf, em -> fx.service(em).tally(p.number())).forPower()).isEqualTo(863);
        assertThat(GovernancePersistenceTest.<List<org.guildhall.governance.api.VoteInfo>>read(emf, em -> fx.service(em).votes(p.number(), 0, 10))).hasSize(2);

        ProposalInfo queued = after(emf, 300, p.number());
        assertThat(queued.state()).isEqualTo(ProposalState.QUEUED);
        assertThat(queued.eta()).isEqualTo(clock.instant().plusSeconds(360 + 120));
        assertThatThrownBy(() -> vote(emf, alice, p.number(), VoteChoice.AGAINST, null)).hasMessageContaining("closed");
        assertThat(GovernancePersistenceTest.<Integer>read(emf, em -> fx.market(em).feeBps())).isEqualTo(250);

        ProposalInfo executed = after(emf, 120, p.number());
        assertThat(executed.state()).isEqualTo(ProposalState.EXECUTED);
        assertThat(executed.timeline()).extracting(s -> s.state()).containsExactly(ProposalState.PENDING, ProposalState.ACTIVE,
                ProposalState.SUCCEEDED, ProposalState.QUEUED, ProposalState.EXECUTED);
        assertThat(GovernancePersistenceTest.<Integer>read(emf, em -> fx.market(em).feeBps())).isEqualTo(400);
        assertThat(GovernancePersistenceTest.<List<org.guildhall.governance.api.ParameterChangeInfo>>read(emf, em -> fx.service(em).history(Optional.of("platform.fee.bps")))).singleElement()
                .satisfies(c -> {
                    assertThat(c.oldValue()).isEqualTo(250);
                    assertThat(c.newValue()).isEqualTo(400);
                    assertThat(c.proposal()).isEqualTo(p.number());
                });

        // the next purchase pays 4%
        OwnedVersion v = fx.market.version(alice.accountId(), "iris", 1);
        OfferInfo offer = read(emf, em -> fx.market(em).createOffer(alice, v.ref(), "r1",
                new OfferTerms(OfferKind.ONE_OFF, "Commercial", Money.parse("10").minor(), false, true, true, true, 0, false)));
        read(emf, em -> fx.market(em).faucet(carol, Money.parse("20"), "faucet-carol-1"));
        Purchase bought = read(emf, em -> fx.market(em).purchase(carol, offer.id(), "buy-carol-0001"));
        assertThat(bought.licence().fee()).isEqualTo(Money.parse("0.40"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFinishedProposalsResultIsRecomputedFromItsLedgerEntriesAlone(Database db) {
        EntityManagerFactory emf = fresh(db);
        List<Actor> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Actor m = actor("member" + i);
            publishes(emf, m, i + 1);
            members.add(m);
        }
        ProposalInfo p = propose(emf, members.get(0), new ProposalDraft(ProposalKind.TEXT, "Adopt a code of conduct",
                "See the [draft](https://example.org/coc).", null, null, null, null, null));
        after(emf, 60, p.number());
        VoteChoice[] choices = {VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN, VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.FOR};
        for (int i = 0; i < members.size(); i++) {
            vote(emf, members.get(i), p.number(), VoteChoice.AGAINST, null);
            vote(emf, members.get(i), p.number(), choices[i], "vote " + i);
        }
        ProposalInfo closed = after(emf, 300, p.number());

        // only the ledger: the last vote of each voter, with the weight it carries
        Map<String, JsonObject> last = new HashMap<>();
        entries(emf, GovernanceEntryTypes.VOTE_CAST).stream().map(f -> json(f.payload()))
                .filter(j -> j.getString("proposal").equals(p.id().toString())).forEach(j -> last.put(j.getString("voter"), j));
        long[] sums = new long[3];
        last.values().forEach(j -> sums[VoteChoice.valueOf(j.getString("choice")).ordinal()] += j.getJsonNumber("weight").longValue());
        JsonObject tallied = entries(emf, GovernanceEntryTypes.PROPOSAL_TALLIED).stream().map(f -> json(f.payload()))
                .filter(j -> j.getString("proposal").equals(p.id().toString())).findFirst().orElseThrow();
        JsonObject activated = entries(emf, GovernanceEntryTypes.PROPOSAL_ACTIVATED).stream().map(f -> json(f.payload()))
                .filter(j -> j.getString("proposal").equals(p.id().toString())).findFirst().orElseThrow();

        assertThat(last).hasSize(6);
        assertThat(tallied.getJsonNumber("for").longValue()).isEqualTo(sums[0]).isEqualTo(closed.tally().forPower());
        assertThat(tallied.getJsonNumber("against").longValue()).isEqualTo(sums[1]).isEqualTo(closed.tally().againstPower());
        assertThat(tallied.getJsonNumber("abstain").longValue()).isEqualTo(sums[2]).isEqualTo(closed.tally().abstainPower());
        long total = activated.getJsonNumber("totalPower").longValue();
        long quorum = (total * activated.getInt("quorumBps") + 9_999) / 10_000;
        boolean passed = sums[0] * 10_000L > (long) activated.getInt("thresholdBps") * (sums[0] + sums[1]);
        assertThat(tallied.getString("result")).isEqualTo(sums[0] + sums[1] + sums[2] >= quorum && passed ? "SUCCEEDED" : "DEFEATED");
        // each weight is what the formula gives for the member's contributions up to the snapshot
        for (int i = 0; i < members.size(); i++) {
            long points = 10L * (i + 1);
            assertThat(last.get(members.get(i).accountId().toString()).getJsonNumber("weight").longValue())
                    .isEqualTo(org.guildhall.governance.domain.PowerFormula.power(points));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void powerIsSnapshottedWhenVotingOpensAndDelegationMovesItOneHop(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor bob = actor("bob");
        Actor dave = actor("dave");
        publishes(emf, alice, 1);
        publishes(emf, bob, 4);
        VotingPower delegated = read(emf, em -> {
            fx.service(em).advance();
            return fx.service(em).delegate(bob, "alice");
        });
        assertThat(delegated.delegate()).isEqualTo("alice");
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).delegate(bob, "bob"))).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).delegate(bob, "dave"))).isInstanceOf(ValidationFailedException.class);

        ProposalInfo p = propose(emf, alice, new ProposalDraft(ProposalKind.TEXT, "Signal", "Text.", null, null, null, null, null));
        after(emf, 60, p.number());
        // contributions and delegation changes after the snapshot do not count for this proposal
        publishes(emf, dave, 5);
        publishes(emf, alice, 20);
        read(emf, em -> fx.service(em).revokeDelegation(bob));

        assertThatThrownBy(() -> vote(emf, bob, p.number(), VoteChoice.AGAINST, null)).hasMessageContaining("delegated your power to alice");
        assertThatThrownBy(() -> vote(emf, dave, p.number(), VoteChoice.AGAINST, null)).hasMessageContaining("not a member");
        vote(emf, alice, p.number(), VoteChoice.FOR, null);
        assertThat(GovernancePersistenceTest.<List<org.guildhall.governance.api.VoteInfo>>read(emf, em -> fx.service(em).votes(p.number(), 0, 5))).singleElement()
                .satisfies(v -> assertThat(v.weight()).isEqualTo(316 + 632));

        VotingPower now = read(emf, em -> {
            fx.service(em).advance();
            return fx.service(em).power("alice");
        });
        assertThat(now.publishedVersions()).isEqualTo(21);
        assertThat(now.points()).isEqualTo(210);
        assertThat(now.power()).isEqualTo(1449);
        assertThat(now.delegators()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void badProposalsAreRefusedWithTheReason(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor bob = actor("bob");
        Actor carol = actor("carol");
        publishes(emf, alice, 1);
        fx.defaults.put(ParameterSpec.PROPOSAL_THRESHOLD, 400L);

        assertThatThrownBy(() -> propose(emf, carol, fee(300))).hasMessageContaining("Only members propose");
        assertThatThrownBy(() -> propose(emf, alice, fee(300))).hasMessageContaining("needs a voting power of 400; yours is 316");
        fx.defaults.remove(ParameterSpec.PROPOSAL_THRESHOLD);
        assertThatThrownBy(() -> propose(emf, alice, fee(5000))).isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).errors()).extracting(f -> f.field()).containsExactly("value"));
        assertThatThrownBy(() -> propose(emf, alice, new ProposalDraft(ProposalKind.PARAMETER_CHANGE, "x", "y", "no.such", 1L, null, null,
                null))).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> propose(emf, alice, new ProposalDraft(ProposalKind.TREASURY_GRANT, "Grant", "For work.", null, null, null,
                "alice", Money.parse("5")))).isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).errors()).extracting(f -> f.code())
                        .containsExactly("governance.amount.treasury"));
        assertThatThrownBy(() -> propose(emf, alice, new ProposalDraft(ProposalKind.ASSET_TAKEDOWN, "Remove", "Stolen data.", null, null,
                "datasets/nobody/nothing", null, null))).isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).errors()).extracting(f -> f.code())
                        .containsExactly("governance.asset.unknown"));
        for (String evil : List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click](javascript:alert(1))")) {
            assertThatThrownBy(() -> propose(emf, alice, new ProposalDraft(ProposalKind.TEXT, "Evil", "Hello " + evil, null, null, null,
                    null, null))).isInstanceOf(ValidationFailedException.class)
                    .satisfies(e -> assertThat(((ValidationFailedException) e).errors()).extracting(f -> f.code())
                            .containsExactly("governance.description.unsafe"));
        }
        assertThat(GovernancePersistenceTest.<List<ProposalInfo>>read(emf, em -> fx.service(em).proposals(true, 0, 10))).isEmpty();

        ProposalInfo p = propose(emf, alice, fee(300));
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).cancel(bob, p.number()))).hasMessageContaining("Only its proposer");
        ProposalInfo q = propose(emf, alice, fee(350));
        assertThat(read(emf, em -> fx.service(em).cancel(alice, q.number())).state()).isEqualTo(ProposalState.CANCELED);
        after(emf, 60, p.number());
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).cancel(alice, p.number()))).hasMessageContaining("no longer be canceled");
        assertThatThrownBy(() -> vote(emf, alice, 99, VoteChoice.FOR, null)).hasMessageContaining("no proposal 99");
        assertThatThrownBy(() -> vote(emf, alice, p.number(), null, null)).isInstanceOf(ValidationFailedException.class);
        // nobody voted: quorum missed, defeated, and nothing changed
        assertThat(after(emf, 300, p.number()).state()).isEqualTo(ProposalState.DEFEATED);
        assertThat(GovernancePersistenceTest.<Integer>read(emf, em -> fx.market(em).feeBps())).isEqualTo(250);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoConcurrentVotesOfOneMemberCountOnce(Database db) throws Exception {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        publishes(emf, alice, 1);
        ProposalInfo p = propose(emf, alice, new ProposalDraft(ProposalKind.TEXT, "Signal", "Text.", null, null, null, null, null));
        after(emf, 60, p.number());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> votes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            VoteChoice c = i % 2 == 0 ? VoteChoice.FOR : VoteChoice.AGAINST;
            votes.add(pool.submit(() -> {
                go.await();
                return read(emf, em -> fx.service(em).vote(alice, p.number(), c, null));
            }));
        }
        go.countDown();
        for (Future<?> f : votes) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        var tally = read(emf, em -> fx.service(em).tally(p.number()));
        assertThat(tally.votes()).isEqualTo(1);
        assertThat(tally.cast()).isEqualTo(316);
        assertThat(entries(emf, GovernanceEntryTypes.VOTE_CAST).stream().filter(f -> f.payload().contains(p.id().toString())))
                .hasSize(16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void grantsAndTakedownsExecuteOnceEvenAfterARestartAndExpireWhenTheyCannot(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor bob = actor("bob");
        publishes(emf, alice, 2);
        publishes(emf, bob, 1);
        read(emf, em -> fx.market(em).faucet(alice, Money.parse("100"), "faucet-alice-1"));
        read(emf, em -> fx.market(em).donateToTreasury(alice, Money.parse("60"), "donate-alice-1"));
        read(emf, em -> fx.market(em).donateToTreasury(alice, Money.parse("60"), "donate-alice-1")); // a retry gives nothing more
        assertThat(GovernancePersistenceTest.<Money>read(emf, em -> fx.market(em).treasuryBalance())).isEqualTo(Money.parse("60"));
        read(emf, em -> fx.service(em).advance());
        AssetRef iris = new AssetRef(AssetKind.DATASET, "mallory", "iris");
        fx.listed.add(iris);

        ProposalInfo grant = propose(emf, alice, new ProposalDraft(ProposalKind.TREASURY_GRANT, "Pay bob", "For the docs.", null, null, null,
                "bob", Money.parse("40")));
        ProposalInfo second = propose(emf, alice, new ProposalDraft(ProposalKind.TREASURY_GRANT, "Pay bob again", "More.", null, null, null,
                "bob", Money.parse("30")));
        ProposalInfo takedown = propose(emf, alice, new ProposalDraft(ProposalKind.ASSET_TAKEDOWN, "Copied without licence",
                "The data is copied.", null, null, "/datasets/mallory/iris", null, null));
        after(emf, 60, grant.number());
        for (ProposalInfo p : List.of(grant, second, takedown)) {
            vote(emf, alice, p.number(), VoteChoice.FOR, null);
        }
        assertThat(after(emf, 300, grant.number()).state()).isEqualTo(ProposalState.QUEUED);

        // a restart during the timelock: new services, nothing in memory; the proposal still executes, once
        GovernanceFixture restarted = new GovernanceFixture(fx.market, clock);
        restarted.listed.addAll(fx.listed);
        fx = restarted;
        after(emf, 120, grant.number());
        read(emf, em -> fx.service(em).advance());
        read(emf, em -> fx.service(em).advance());

        assertThat(proposal(emf, grant.number()).state()).isEqualTo(ProposalState.EXECUTED);
        assertThat(proposal(emf, second.number()).state()).isEqualTo(ProposalState.EXPIRED);
        assertThat(proposal(emf, second.number()).outcome()).contains("treasury holds 20");
        assertThat(proposal(emf, takedown.number()).state()).isEqualTo(ProposalState.EXECUTED);
        assertThat(fx.takenDown).containsExactly("mallory/iris: Copied without licence (DAO proposal " + takedown.number() + ")");
        assertThat(read(emf, em -> fx.market(em).wallet(bob, 0, 5)).balance()).isEqualTo(Money.parse("40"));
        assertThat(GovernancePersistenceTest.<Money>read(emf, em -> fx.market(em).treasuryBalance())).isEqualTo(Money.parse("20"));
        assertThat(entries(emf, GovernanceEntryTypes.PROPOSAL_EXECUTED).stream().filter(f -> f.payload().contains(grant.id().toString())))
                .hasSize(1);
        assertThat(read(emf, em -> fx.market(em).checkInvariants()).findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void changingAWeightRecomputesEveryMembersPower(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        publishes(emf, alice, 4);
        fx.defaults.put(ParameterSpec.TIMELOCK, 30L);
        ProposalInfo p = propose(emf, alice, new ProposalDraft(ProposalKind.PARAMETER_CHANGE, "Versions count more", "Reward publishing.",
                "power.weight.version", 40L, null, null, null));
        after(emf, 60, p.number());
        vote(emf, alice, p.number(), VoteChoice.FOR, null);
        // another vote opens before the new weight applies: it keeps the power of its snapshot
        ProposalInfo other = propose(emf, alice, new ProposalDraft(ProposalKind.TEXT, "Signal", "Text.", null, null, null, null, null));
        after(emf, 300, p.number());
        assertThat(proposal(emf, other.number()).state()).isEqualTo(ProposalState.ACTIVE);
        assertThat(after(emf, 30, p.number()).state()).isEqualTo(ProposalState.EXECUTED);
        assertThat(read(emf, em -> fx.service(em).vote(alice, other.number(), VoteChoice.FOR, null)).weight()).isEqualTo(632);
        VotingPower power = read(emf, em -> fx.service(em).power("alice"));
        assertThat(power.versionWeight()).isEqualTo(40);
        assertThat(power.points()).isEqualTo(160);
        assertThat(power.power()).isEqualTo(1264);
        assertThat(GovernancePersistenceTest.<List<org.guildhall.governance.api.ParameterInfo>>read(emf, em -> fx.service(em).parameters())).filteredOn(x -> x.name().equals("power.weight.version"))
                .singleElement().satisfies(x -> assertThat(x.value()).isEqualTo(40));
    }
}
