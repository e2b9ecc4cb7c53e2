package org.guildhall.market.application;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.Download;
import org.guildhall.catalog.api.FileAccessPolicy;
import org.guildhall.catalog.api.FileInfo;
import org.guildhall.catalog.api.OwnedVersion;
import org.guildhall.catalog.api.VersionInfo;
import org.guildhall.market.api.InvariantReport;
import org.guildhall.market.api.Money;
import org.guildhall.market.api.OfferInfo;
import org.guildhall.market.api.OfferKind;
import org.guildhall.market.api.OfferTerms;
import org.guildhall.testsupport.BenchDatabases;
import org.guildhall.testsupport.BothDatabases;

/**
 * The market's figures, written to {@code target/bench/market.json}:
 * <ul>
 * <li>purchases per second through the production path (idempotency key, offer checks, guarded balance
 * updates, double-entry postings, the split among owners, the ledger entry, the licence), from many buyers at
 * once, so that purchases arriving together share a transaction as they do in the server (group commit), on H2
 * and on a real PostgreSQL: the median of three rounds; the invariant check must hold after the run (target
 * ≥ 1,000 purchases/s);</li>
 * <li>the entitlement check a download makes, answered from the cache (target p99 &lt; 1 ms), and that a licence
 * granted after a refusal opens the file at once.</li>
 * </ul>
 * Run with {@code ./guildhall bench market}; arguments: purchases per database (default 30,000: the first third warms up
 * the JIT and is not measured), concurrent buyers
 * (threads, default 128).
 */
public final class MarketBenchmark {

    static final JsonProvider JSON = JsonProvider.provider();

    private MarketBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        JsonObjectBuilder out = JSON.createObjectBuilder().add("cores", Runtime.getRuntime().availableProcessors())
                .add("java", System.getProperty("java.version")).add("purchases", n).add("threads", threads);
        BenchDatabases.runBoth("market", out, (ds, url, user, password, h2) -> run(ds, url, user, password, n, threads, h2));
    }

    static <T> T tx(EntityManagerFactory emf, Function<EntityManager, T> work) {
        return BothDatabases.read(emf, work);
    }

    static JsonObject run(DataSource ds, String url, String user, String password, int n, int threads, boolean entitlements)
            throws Exception {
        EntityManagerFactory emf = BenchDatabases.migrated(ds, url, user, password);
        try {
            MarketFixture fx = new MarketFixture(MarketSettings.of(250, 1_000_000, true, 1_000_000), Clock.systemUTC());
            int owners = 50;
            int assets = 1_000;
            int buyers = 200;
            List<Actor> ownerActors = new ArrayList<>();
            for (int i = 0; i < owners; i++) {
                ownerActors.add(new Actor(fx.account("owner" + i), "owner" + i, false));
            }
            List<OwnedVersion> versions = new ArrayList<>();
            List<OfferInfo> offers = new ArrayList<>();
            for (int i = 0; i < assets; i++) {
                Actor owner = ownerActors.get(i % owners);
                OwnedVersion v = fx.version(owner.accountId(), "set-" + i, 1);
                versions.add(v);
                offers.add(tx(emf, em -> fx.service(em).createOffer(owner, v.ref(), "r1",
                        new OfferTerms(OfferKind.ONE_OFF, "Licence", 10_000, false, true, true, true, 0, false))));
            }
            List<Actor> buyerActors = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                Actor b = new Actor(fx.account("buyer" + i), "buyer" + i, false);
                buyerActors.add(b);
                tx(emf, em -> fx.service(em).faucet(b, Money.parse("1000"), UUID.randomUUID().toString()));
            }
            // every account a purchase touches exists before the clock starts, as the service opens them first
            tx(emf, em -> {
                DefaultMarketService s = fx.service(em);
                offers.forEach(o -> s.books.assetRevenue(o.assetId()));
                ownerActors.forEach(o -> s.books.user(o.accountId()));
                buyerActors.forEach(b -> s.books.user(b.accountId()));
                return null;
            });
            int warm = n / 3;
            purchases(emf, fx, offers, buyerActors, 0, warm, threads);
            // the machine is shared: three rounds one after the other, and their median
            int rounds = 3;
            int perRound = (n - warm) / rounds;
            var before = fx.sales.stats();
            long[] rates = new long[rounds];
            int done = 0;
            double seconds = 0;
            for (int round = 0; round < rounds; round++) {
                int from = warm + round * perRound;
                long t0 = System.nanoTime();
                int bought = purchases(emf, fx, offers, buyerActors, from, from + perRound, threads);
                double s = (System.nanoTime() - t0) / 1e9;
                rates[round] = Math.round(bought / s);
                done += bought;
                seconds += s;
            }
            var batches = fx.sales.stats().since(before);
            long[] sorted = rates.clone();
            Arrays.sort(sorted);
            long median = sorted[rounds / 2];
            System.out.printf("%s: %d purchases in %.1f s; rounds %s/s, median %d/s; batches %d, mean %.1f purchases, %d run again alone%n",
                    url.startsWith("jdbc:h2") ? "H2" : "PostgreSQL", done, seconds, Arrays.toString(rates), median, batches.batches(),
                    batches.meanBatch(), batches.failedBatches());
            long c0 = System.nanoTime();
            InvariantReport check = tx(emf, em -> fx.service(em).checkInvariants());
            double checkSeconds = (System.nanoTime() - c0) / 1e9;
            long licences = tx(emf, em -> em.createQuery("SELECT COUNT(l) FROM Licence l", Long.class).getSingleResult());
            var roundRates = JSON.createArrayBuilder();
            for (long rate : rates) {
                roundRates.add(rate);
            }
            JsonObjectBuilder r = JSON.createObjectBuilder().add("purchasesPerSecond", median).add("rounds", roundRates)
                    .add("measuredPurchases", done).add("seconds", Math.round(seconds * 1000) / 1000.0)
                    .add("batches", batches.batches()).add("meanBatch", Math.round(batches.meanBatch() * 10) / 10.0)
                    .add("batchesRunAgainAlone", batches.failedBatches())
                    .add("licences", licences).add("postings", check.postings()).add("postingSum", check.postingSum())
                    .add("invariantsHold", check.healthy()).add("invariantCheckSeconds", Math.round(checkSeconds * 1000) / 1000.0);
            if (!check.healthy()) {
                r.add("findings", check.findings().toString());
            }
            if (entitlements) {
                r.add("entitlementCheck", entitlementFigures(emf, fx, versions, offers, buyerActors, ownerActors, warm + done));
            }
            return r.build();
        } finally {
            emf.close();
        }
    }

    /** Buys offers [from, to) of the sequence (buyer i mod buyers, offer i div buyers): each pair once. */
    static int purchases(EntityManagerFactory emf, MarketFixture fx, List<OfferInfo> offers, List<Actor> buyers, int from, int to,
            int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    Actor buyer = buyers.get(i % buyers.size());
                    OfferInfo offer = offers.get((i / buyers.size()) % offers.size());
                    String key = "bench-key-" + i;
                    tx(emf, em -> fx.service(em).purchase(buyer, offer.id(), key));
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
            // a failed purchase ends the run: no thread may keep the JVM alive after it
            pool.shutdownNow();
        }
        return done.get();
    }

    static JsonObject entitlementFigures(EntityManagerFactory emf, MarketFixture fx, List<OwnedVersion> versions, List<OfferInfo> offers,
            List<Actor> buyers, List<Actor> owners, int purchased) {
        EntityManager em = emf.createEntityManager();
        try {
            Entitlements gate = new Entitlements();
            gate.market = fx.service(em);
            gate.settings = fx.settings;
            List<Download> downloads = new ArrayList<>();
            for (OwnedVersion v : versions) {
                downloads.add(new Download(v.assetId(), v.ownerId(), v.ref(), new VersionInfo(v.versionId(), v.revision(), false, null,
                        v.contentHash(), 1, 10, Instant.EPOCH, Instant.EPOCH), new FileInfo("data.csv", "ab".repeat(32), 10)));
            }
            // the pairs bought in the run: (buyer i mod 200, offer i div 200)
            int pairs = Math.min(20_000, purchased);
            for (int i = 0; i < pairs; i++) {
                gate.admit(downloads.get((i / buyers.size()) % downloads.size()), Optional.of(buyers.get(i % buyers.size())),
                        FileAccessPolicy.Use.DOWNLOAD);
            }
            int samples = 200_000;
            long[] nanos = new long[samples];
            for (int s = 0; s < samples; s++) {
                int i = (s * 7919) % pairs;
                Download d = downloads.get((i / buyers.size()) % downloads.size());
                Optional<Actor> viewer = Optional.of(buyers.get(i % buyers.size()));
                long t0 = System.nanoTime();
                gate.admit(d, viewer, FileAccessPolicy.Use.DOWNLOAD);
                nanos[s] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            // correct invalidation: refused, then bought, then admitted on the next check
            Actor late = buyers.get(0);
            int fresh = versions.size() - 1;
            Download target = downloads.get(fresh);
            boolean refusedBefore;
            try {
                gate.admit(target, Optional.of(late), FileAccessPolicy.Use.DOWNLOAD);
                refusedBefore = false;
            } catch (org.guildhall.platform.validation.RejectedException e) {
                refusedBefore = true;
            }
            OfferInfo offer = offers.get(fresh);
            boolean boughtOpens;
            try {
                tx(emf, e2 -> fx.service(e2).purchase(late, offer.id(), "late-" + UUID.randomUUID()));
                gate.admit(target, Optional.of(late), FileAccessPolicy.Use.DOWNLOAD);
                boughtOpens = true;
            } catch (RuntimeException e) {
                boughtOpens = false;
            }
            return JSON.createObjectBuilder().add("samples", samples)
                    .add("p50Micros", nanos[samples / 2] / 1000.0).add("p99Micros", nanos[samples * 99 / 100] / 1000.0)
                    .add("maxMicros", nanos[samples - 1] / 1000.0).add("refusedWithoutLicence", refusedBefore)
                    .add("openAfterPurchase", boughtOpens).build();
        } finally {
            em.close();
        }
    }
}
