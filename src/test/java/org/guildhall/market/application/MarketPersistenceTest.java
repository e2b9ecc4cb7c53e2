package org.guildhall.market.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.OwnedVersion;
import org.guildhall.market.api.InvariantReport;
import org.guildhall.market.api.Money;
import org.guildhall.market.api.OfferInfo;
import org.guildhall.market.api.OfferKind;
import org.guildhall.market.api.OfferTerms;
import org.guildhall.market.api.Purchase;
import org.guildhall.market.api.Share;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.testsupport.BothDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The market's books on H2 and on a real PostgreSQL: purchases, splits, idempotency, concurrency, invariants. */
class MarketPersistenceTest extends BothDatabases {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:15:30Z"), ZoneOffset.UTC);
    MarketFixture fx;

    EntityManagerFactory fresh(Database db) {
        EntityManagerFactory emf = migratedFactory(db);
        inTransaction(emf, MarketFixture::clear);
        fx = new MarketFixture(MarketSettings.of(250, 1_000_000, true, 1000), clock);
        return emf;
    }

    Actor actor(String name) {
        return new Actor(fx.account(name), name, false);
    }

    OfferTerms oneOff(String title, String price) {
        return new OfferTerms(OfferKind.ONE_OFF, title, Money.parse(price).minor(), false, true, true, true, 500, false);
    }

    OfferInfo offer(EntityManagerFactory emf, Actor owner, OwnedVersion v, OfferTerms terms) {
        return read(emf, em -> fx.service(em).createOffer(owner, v.ref(), "r" + v.revision(), terms));
    }

    void topUp(EntityManagerFactory emf, Actor member, String amount) {
        read(emf, em -> fx.service(em).faucet(member, Money.parse(amount), UUID.randomUUID().toString()));
    }

    long balance(EntityManagerFactory emf, Actor member) {
        return read(emf, em -> fx.service(em).wallet(member, 0, 10).balance().minor());
    }

    long platformFee(EntityManagerFactory emf) {
        return read(emf, em -> fx.service(em).books.platformFees());
    }

    InvariantReport check(EntityManagerFactory emf) {
        return read(emf, em -> fx.service(em).checkInvariants());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPurchasePaysTheOwnersLessTheFeeAndIsRecordedInTheLedger(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor bob = actor("bob");
        OwnedVersion v = fx.version(alice.accountId(), "iris", 1);
        OfferInfo offer = offer(emf, alice, v, oneOff("Commercial", "12.50"));
        topUp(emf, bob, "20");

        Purchase p = read(emf, em -> fx.service(em).purchase(bob, offer.id(), "key-00000001"));

        assertThat(p.replayed()).isFalse();
        assertThat(p.licence().price()).isEqualTo(Money.parse("12.50"));
        assertThat(p.licence().fee().minor()).isEqualTo(312_500); // 2.5% of 12.50
        assertThat(balance(emf, bob)).isEqualTo(Money.parse("7.50").minor());
        assertThat(balance(emf, alice)).isEqualTo(12_500_000 - 312_500);
        assertThat(platformFee(emf)).isEqualTo(312_500);
        assertThat(p.licence().ledgerSeq()).isPositive();
        String payload = read(emf, em -> fx.service(em).ledger.entry(p.licence().ledgerSeq()).orElseThrow().payload());
        assertThat(payload).contains("\"licence\":\"" + p.licence().id() + "\"").contains("\"price\":12500000").contains("\"fee\":312500");
        assertThat((boolean) read(emf, em -> fx.service(em).entitled(java.util.Optional.of(bob), v.ref(), "r1"))).isTrue();
        InvariantReport r = check(emf);
        assertThat(r.findings()).isEmpty();
        assertThat(r.postingSum()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRetriedPurchaseAnswersTheFirstLicenceAndChargesOnce(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor bob = actor("bob");
        OwnedVersion v = fx.version(alice.accountId(), "iris", 1);
        OfferInfo offer = offer(emf, alice, v, oneOff("Commercial", "5"));
        OfferInfo other = offer(emf, alice, v, oneOff("Research", "1"));
        topUp(emf, bob, "20");

        Purchase first = read(emf, em -> fx.service(em).purchase(bob, offer.id(), "retry-0000001"));
        Purchase again = read(emf, em -> fx.service(em).purchase(bob, offer.id(), "retry-0000001"));

        assertThat(again.replayed()).isTrue();
        assertThat(again.licence().id()).isEqualTo(first.licence().id());
        assertThat(balance(emf, bob)).isEqualTo(Money.parse("15").minor());
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).purchase(bob, other.id(), "retry-0000001")))
                .isInstanceOf(RejectedException.class).hasMessageContaining("different request");
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).purchase(bob, offer.id(), "another-key-1")))
                .isInstanceOf(RejectedException.class).hasMessageContaining("already hold");
        assertThat(balance(emf, bob)).isEqualTo(Money.parse("15").minor());
        assertThat(check(emf).findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void coOwnersShareTheProceedsToTheLastMinorUnit(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor carol = actor("carol");
        Actor dave = actor("dave");
        Actor bob = actor("bob");
        OwnedVersion v = fx.version(alice.accountId(), "iris", 1);
        read(emf, em -> fx.service(em).changeShares(alice, v.ref(), List.of(new Share(null, "alice", 5000), new Share(null, "carol", 3333),
                new Share(null, "dave", 1667))));
        OfferInfo offer = offer(emf, alice, v, oneOff("Commercial", "0.000101"));
        topUp(emf, bob, "1");

        read(emf, em -> fx.service(em).purchase(bob, offer.id(), "split-000001"));

        long fee = 101 * 250 / 10_000; // 2
        long rest = 101 - fee; // 99: 49 + 32 + 16 = 97, the 2 left over go to the largest share
        assertThat(platformFee(emf)).isEqualTo(fee);
        assertThat(balance(emf, alice)).isEqualTo(49 + 2);
        assertThat(balance(emf, carol)).isEqualTo(32);
        assertThat(balance(emf, dave)).isEqualTo(16);
        assertThat(balance(emf, alice) + balance(emf, carol) + balance(emf, dave)).isEqualTo(rest);
        assertThat(check(emf).findings()).isEmpty();
        // a co-owner is an owner: buying is refused, offers may be made
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).purchase(carol, offer.id(), "split-000002")))
                .isInstanceOf(RejectedException.class).hasMessageContaining("You own");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoHundredConcurrentPurchasesAgainstABalanceForFiftyGrantExactlyFifty(Database db) throws Exception {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor bob = actor("bob");
        List<OfferInfo> offers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            OwnedVersion v = fx.version(alice.accountId(), "set-" + i, 1);
            offers.add(offer(emf, alice, v, oneOff("Licence " + i, "1")));
        }
        topUp(emf, bob, "50");
        // the accounts a purchase needs exist before the race, as the service opens them first in the container
        read(emf, em -> {
            DefaultMarketService s = fx.service(em);
            s.books.user(bob.accountId());
            s.books.user(alice.accountId());
            offers.forEach(o -> s.books.assetRevenue(o.assetId()));
            return null;
        });

        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> all = new ArrayList<>();
        for (OfferInfo o : offers) {
            all.add(pool.submit(() -> {
                start.await();
                String outcome;
                try {
                    read(emf, em -> fx.service(em).purchase(bob, o.id(), "race-" + o.id()));
                    outcome = "granted";
                } catch (RejectedException e) {
                    outcome = e.reason().name();
                } catch (RuntimeException e) {
                    outcome = "error: " + e;
                }
                outcomes.merge(outcome, 1, Integer::sum);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : all) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(outcomes).containsOnly(Map.entry("granted", 50), Map.entry("PAYMENT_REQUIRED", 150));
        assertThat(balance(emf, bob)).isZero();
        assertThat(balance(emf, alice) + platformFee(emf)).isEqualTo(Money.parse("50").minor());
        InvariantReport r = check(emf);
        assertThat(r.findings()).isEmpty();
        assertThat(r.postingSum()).isZero();
    }

    int licenceCount(EntityManagerFactory emf, Actor holder) {
        return read(emf, em -> fx.service(em).licences(holder).size());
    }

    long ledgerEntries(EntityManagerFactory emf) {
        return read(emf, em -> fx.ledger(em).stats().entries());
    }

    DefaultMarketService.Sale sale(EntityManagerFactory emf, Actor buyer, OfferInfo offer, String key) {
        OwnedVersion v = fx.versions.get(offer.versionId());
        return read(emf, em -> {
            DefaultMarketService s = fx.service(em);
            s.books.user(buyer.accountId());
            s.books.assetRevenue(v.assetId());
            return new DefaultMarketService.Sale(buyer, offer.id(), key, DefaultMarketService.sha256("purchase\n" + offer.id()), v,
                    s.shareMap(v));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aBatchOfPurchasesGrantsWhatSurelyHoldsLeavesTheRestToBeDecidedAloneAndRollsBackWholeOnAKeyUsedBefore(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor bob = actor("bob");
        Actor carol = actor("carol");
        List<OfferInfo> offers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            offers.add(offer(emf, alice, fx.version(alice.accountId(), "batch-" + i, 1), oneOff("Licence " + i, "10")));
        }
        topUp(emf, bob, "25");
        read(emf, em -> fx.service(em).books.user(alice.accountId()));
        List<DefaultMarketService.Sale> batch = List.of(
                sale(emf, bob, offers.get(0), "batch-key-1"),
                sale(emf, bob, offers.get(0), "batch-key-2"), // the same offer again: "bought twice" is decided alone
                sale(emf, bob, offers.get(1), "batch-key-1"), // the same key again: replayed or refused alone
                sale(emf, bob, offers.get(2), "batch-key-3"), // 15 left after the first: granted
                sale(emf, bob, offers.get(3), "batch-key-4"), // 5 left: too little, refused alone with the balance
                sale(emf, alice, offers.get(1), "batch-key-5"), // her own asset
                sale(emf, carol, offers.get(1), "batch-key-6")); // nothing on her balance
        List<Optional<DefaultMarketService.Outcome>> answers = read(emf, em -> fx.service(em).self.purchaseBatch(batch));
        assertThat(answers).extracting(Optional::isPresent).containsExactly(true, false, false, true, false, false, false);
        assertThat(balance(emf, bob)).isEqualTo(Money.parse("5").minor());
        assertThat(licenceCount(emf, bob)).isEqualTo(2);
        assertThat(check(emf).findings()).isEmpty();
        long entries = ledgerEntries(emf);

        // a key used before, for another offer: the whole batch rolls back, nothing of it is kept
        topUp(emf, bob, "100");
        List<DefaultMarketService.Sale> reused = List.of(sale(emf, bob, offers.get(3), "batch-key-9"),
                sale(emf, bob, offers.get(1), "batch-key-3"));
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).self.purchaseBatch(reused))).isInstanceOf(RuntimeException.class);
        assertThat(balance(emf, bob)).isEqualTo(Money.parse("105").minor());
        assertThat(licenceCount(emf, bob)).isEqualTo(2);
        assertThat(ledgerEntries(emf)).isEqualTo(entries);

        // through the service, each of them is answered as it would be alone
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).purchase(bob, offers.get(1).id(), "batch-key-3")))
                .isInstanceOf(RejectedException.class).hasMessageContaining("different request");
        Purchase again = read(emf, em -> fx.service(em).purchase(bob, offers.get(2).id(), "batch-key-3"));
        assertThat(again.replayed()).isTrue();
        assertThat(again.licence().id()).isEqualTo(answers.get(3).orElseThrow().licenceId());
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).purchase(bob, offers.get(0).id(), "batch-key-2")))
                .isInstanceOf(RejectedException.class).hasMessageContaining("already");
        Purchase bought = read(emf, em -> fx.service(em).purchase(bob, offers.get(3).id(), "batch-key-9"));
        assertThat(bought.replayed()).isFalse();
        assertThat(balance(emf, bob)).isEqualTo(Money.parse("95").minor());
        assertThat(check(emf).findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void payPerUseChargesEachFileOncePerDayAndWritesOneLedgerEntryPerBuyerAssetAndClosedHour(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor bob = actor("bob");
        OwnedVersion v = fx.version(alice.accountId(), "iris", 1);
        read(emf, em -> fx.service(em).createOffer(alice, v.ref(), "r1",
                new OfferTerms(OfferKind.PAY_PER_USE, "Per download", Money.parse("0.25").minor(), false, true, true, true, 0, false)));
        topUp(emf, bob, "1");
        UUID offer = read(emf, em -> fx.service(em).activeOffers(v.versionId()).get(0).getId());
        org.guildhall.catalog.api.VersionInfo info = new org.guildhall.catalog.api.VersionInfo(v.versionId(), 1, false, null,
                v.contentHash(), 2, 20, Instant.EPOCH, Instant.EPOCH);
        org.guildhall.catalog.api.Download a = new org.guildhall.catalog.api.Download(v.assetId(), v.ownerId(), v.ref(), info,
                new org.guildhall.catalog.api.FileInfo("a.csv", "aa".repeat(32), 10));
        org.guildhall.catalog.api.Download b = new org.guildhall.catalog.api.Download(v.assetId(), v.ownerId(), v.ref(), info,
                new org.guildhall.catalog.api.FileInfo("b.csv", "bb".repeat(32), 10));

        read(emf, em -> { fx.service(em).chargeUse(bob.accountId(), offer, a); return null; });
        read(emf, em -> { fx.service(em).chargeUse(bob.accountId(), offer, a); return null; });
        read(emf, em -> { fx.service(em).chargeUse(bob.accountId(), offer, b); return null; });
        assertThat(balance(emf, bob)).isEqualTo(Money.parse("0.50").minor());
        // the hour is still open: no entry yet; an hour later, one entry for both uses
        assertThat((int) read(emf, em -> fx.service(em).recordClosedHours(100))).isZero();
        MarketFixture later = new MarketFixture(fx.settings, Clock.offset(clock, java.time.Duration.ofHours(1)));
        later.usernames.putAll(fx.usernames);
        later.versions.putAll(fx.versions);
        later.accountIds.putAll(fx.accountIds);
        assertThat((int) read(emf, em -> later.service(em).recordClosedHours(100))).isEqualTo(1);
        assertThat((int) read(emf, em -> later.service(em).recordClosedHours(100))).isZero();
        var entries = read(emf, em -> later.service(em).ledger.facts(org.guildhall.market.api.MarketEntryTypes.USAGE_METERED, 0, 10));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).payload()).contains("\"uses\":2").contains("\"amount\":500000");
        // two more files empty the balance; a fifth is refused with 402 and charges nothing
        for (String f : List.of("c.csv", "d.csv")) {
            read(emf, em -> { fx.service(em).chargeUse(bob.accountId(), offer, new org.guildhall.catalog.api.Download(v.assetId(),
                    v.ownerId(), v.ref(), info, new org.guildhall.catalog.api.FileInfo(f, "cc".repeat(32), 10))); return null; });
        }
        assertThat(balance(emf, bob)).isZero();
        assertThatThrownBy(() -> read(emf, em -> { fx.service(em).chargeUse(bob.accountId(), offer, new org.guildhall.catalog.api.Download(
                v.assetId(), v.ownerId(), v.ref(), info, new org.guildhall.catalog.api.FileInfo("e.csv", "ee".repeat(32), 10))); return null; }))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectedException.Reason.PAYMENT_REQUIRED));
        assertThat(balance(emf, bob)).isZero();
        assertThat(check(emf).findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theInvariantCheckFindsBooksChangedBehindTheServicesBack(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor bob = actor("bob");
        OwnedVersion v = fx.version(alice.accountId(), "iris", 1);
        OfferInfo offer = offer(emf, alice, v, oneOff("Commercial", "3"));
        topUp(emf, bob, "10");
        Purchase p = read(emf, em -> fx.service(em).purchase(bob, offer.id(), "tamper-00001"));
        assertThat(check(emf).findings()).isEmpty();

        inTransaction(emf, em -> em.createNativeQuery("UPDATE market_account SET balance = balance + 1000000 WHERE kind = 'USER' "
                + "AND owner_ref = '" + bob.accountId() + "'").executeUpdate());
        inTransaction(emf, em -> em.createNativeQuery("UPDATE market_licence SET ledger_seq = ledger_seq + 1000 WHERE id = '"
                + p.licence().id() + "'").executeUpdate());

        List<String> findings = check(emf).findings();
        assertThat(findings).anyMatch(f -> f.contains("has a balance of") && f.contains("postings sum to"));
        assertThat(findings).anyMatch(f -> f.contains("Licence " + p.licence().id()) && f.contains("does not record it"));
        assertThat(read(emf, em -> fx.service(em).latestCheck()).orElseThrow().healthy()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void badPricesAndPurchasesAreRefusedWithTheReasonAndChangeNothing(Database db) {
        EntityManagerFactory emf = fresh(db);
        Actor alice = actor("alice");
        Actor bob = actor("bob");
        OwnedVersion v = fx.version(alice.accountId(), "iris", 1);
        for (String price : List.of("0", "-1", "1000000.000001")) {
            assertThatThrownBy(() -> offer(emf, alice, v, new OfferTerms(OfferKind.ONE_OFF, "x", Money.parse(price).minor(), false, false,
                    false, false, 0, false))).hasMessageContaining("price");
        }
        assertThatThrownBy(() -> offer(emf, bob, v, oneOff("Not mine", "1"))).isInstanceOf(RejectedException.class)
                .hasMessageContaining("Only the owners");
        OfferInfo offer = offer(emf, alice, v, oneOff("Commercial", "2"));
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).purchase(alice, offer.id(), "own-0000001")))
                .hasMessageContaining("You own");
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).purchase(bob, offer.id(), "short-000001")))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectedException.Reason.PAYMENT_REQUIRED))
                .hasMessageContaining("balance is 0.00");
        read(emf, em -> fx.service(em).withdrawOffer(alice, offer.id()));
        topUp(emf, bob, "5");
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).purchase(bob, offer.id(), "late-0000001")))
                .hasMessageContaining("was withdrawn");
        assertThatThrownBy(() -> read(emf, em -> fx.service(em).purchase(bob, offer.id(), "bad key")))
                .hasMessageContaining("Idempotency-Key");
        assertThat(balance(emf, bob)).isEqualTo(Money.parse("5").minor());
        assertThat(check(emf).findings()).isEmpty();
    }
}
