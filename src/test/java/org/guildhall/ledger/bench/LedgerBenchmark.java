package org.guildhall.ledger.bench;

import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.guildhall.chain.infrastructure.AnvilNode;
import org.guildhall.chain.infrastructure.contracts.GuildhallAnchor;
import org.guildhall.ledger.api.NewEntry;
import org.guildhall.ledger.application.DefaultLedgerService;
import org.guildhall.ledger.domain.CanonicalJson;
import org.guildhall.ledger.domain.EntryEnvelope;
import org.guildhall.ledger.domain.LedgerEntry;
import org.guildhall.ledger.domain.MerkleTree;
import org.guildhall.ledger.infrastructure.JpaLedgerRepository;
import org.guildhall.testsupport.BenchDatabases;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The ledger's figures, written to {@code target/bench/ledger.json}:
 * <ul>
 * <li>appending through the production path (canonical JSON, SHA-256, head lock, JPA) on H2 and on a real
 * PostgreSQL, beside a plain JDBC batch insert of the same rows in the same run (target ≥ 5,000 entries/s);</li>
 * <li>the Merkle root of a 100,000-entry batch (target &lt; 1 s) and inclusion proofs from it (target &lt; 1 ms);</li>
 * <li>the gas of one anchor transaction on a real anvil node, per entry at 100,000 entries (target &lt; 1), beside
 * the gas one transaction per entry would cost.</li>
 * </ul>
 * Run with {@code ./guildhall bench ledger}; arguments: entries to append per database (default 50,000).
 */
public final class LedgerBenchmark {

    /** One provider for every builder: {@code Json.create…} looks the provider up again on each call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    static final int TX_SIZE = 100;
    static final int BATCH = 100_000;

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("java", System.getProperty("java.version"));
        out.put("entriesPerTransaction", TX_SIZE);

        out.put("h2", BenchDatabases.onH2("ledger", (ds, url, user, password, h2) -> appendFigures(ds, url, user, password, n)));
        out.put("postgresql", BenchDatabases.onPostgres((ds, url, user, password, h2) -> appendFigures(ds, url, user, password, n)));
        out.put("merkle", merkleFigures());
        out.put("gas", gasFigures());
        String json = toJson(out);
        Files.writeString(Path.of("target/bench/ledger.json"), json);
        System.out.println(json);
    }

    static Map<String, Object> appendFigures(DataSource ds, String url, String user, String password, int n) throws Exception {
        EntityManagerFactory emf = BenchDatabases.migrated(ds, url, user, password);
        try {
            Random random = new Random(7);
            List<UUID> actors = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                actors.add(new UUID(random.nextLong(), random.nextLong()));
            }
            append(emf, actors, 5_000, random); // warm-up
            long t0 = System.nanoTime();
            append(emf, actors, n, random);
            double seconds = (System.nanoTime() - t0) / 1e9;

            // the same kind of rows, precomputed, inserted by plain JDBC batches into a copy of the table
            List<Object[]> rows = new ArrayList<>();
            String prev = EntryEnvelope.GENESIS_HASH;
            Instant now = Instant.now();
            for (int i = 0; i < n; i++) {
                String payload = CanonicalJson.of(payload(i, random));
                LedgerEntry e = new LedgerEntry(i + 1, now, "bench.appended", actors.get(i % actors.size()), null, "bench:" + i, null, payload, prev);
                prev = e.getEntryHash();
                rows.add(new Object[] {e.getSeq(), e.getType(), e.getActorId(), e.getSubject(), e.getPayload(), e.getPayloadHash(),
                        e.getPrevHash(), e.getEntryHash()});
            }
            double jdbcSeconds;
            try (Connection c = ds.getConnection()) {
                c.createStatement().execute("CREATE TABLE bench_entry AS SELECT * FROM ledger_entry WHERE 1 = 0");
                c.setAutoCommit(false);
                long j0 = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_entry (seq, recorded_at, entry_type, actor_id, subject, "
                        + "payload, payload_hash, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < rows.size(); i++) {
                        Object[] r = rows.get(i);
                        ps.setLong(1, (Long) r[0]);
                        ps.setTimestamp(2, Timestamp.from(now));
                        ps.setString(3, (String) r[1]);
                        ps.setString(4, (String) r[2]);
                        ps.setString(5, (String) r[3]);
                        ps.setString(6, (String) r[4]);
                        ps.setString(7, (String) r[5]);
                        ps.setString(8, (String) r[6]);
                        ps.setString(9, (String) r[7]);
                        ps.addBatch();
                        if ((i + 1) % TX_SIZE == 0) {
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                    ps.executeBatch();
                    c.commit();
                }
                jdbcSeconds = (System.nanoTime() - j0) / 1e9;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("entries", n);
            f.put("ledgerSeconds", round(seconds));
            f.put("ledgerEntriesPerSecond", Math.round(n / seconds));
            f.put("plainJdbcSeconds", round(jdbcSeconds));
            f.put("plainJdbcRowsPerSecond", Math.round(n / jdbcSeconds));
            f.put("ledgerShareOfPlainJdbc", round(jdbcSeconds / seconds));
            f.put("targetEntriesPerSecond", 5000);
            return f;
        } finally {
            emf.close();
        }
    }

    static jakarta.json.JsonObject payload(int i, Random random) {
        return JSON.createObjectBuilder().add("asset", new UUID(random.nextLong(), random.nextLong()).toString()).add("revision", i % 50)
                .add("contentHash", HexFormat.of().formatHex(randomBytes(random, 32))).add("files", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("path", "data/train-" + i + ".csv").add("sha256",
                                HexFormat.of().formatHex(randomBytes(random, 32))).add("size", random.nextInt(1 << 30))))
                .build();
    }

    static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static void append(EntityManagerFactory emf, List<UUID> actors, int n, Random random) {
        for (int done = 0; done < n; done += TX_SIZE) {
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                JpaLedgerRepository repo = JpaLedgerRepository.with(em);
                Instant now = Instant.now();
                for (int i = done; i < Math.min(n, done + TX_SIZE); i++) {
                    DefaultLedgerService.appendEntry(repo, new NewEntry("bench.appended", actors.get(i % actors.size()), "bench:" + i, null,
                            payload(i, random)), null, now);
                }
                em.getTransaction().commit();
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }
    }

    static Map<String, Object> merkleFigures() throws Exception {
        Random random = new Random(11);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            leaves.add(MerkleTree.leafHash(randomBytes(random, 200)));
        }
        double[] builds = new double[7];
        MerkleTree tree = null;
        for (int r = 0; r < builds.length; r++) {
            long t0 = System.nanoTime();
            tree = MerkleTree.ofLeafHashes(leaves);
            builds[r] = (System.nanoTime() - t0) / 1e6;
        }
        int proofs = 20_000;
        double[] proofMs = new double[proofs];
        int verified = 0;
        for (int i = 0; i < proofs; i++) {
            int index = random.nextInt(BATCH);
            long t0 = System.nanoTime();
            List<byte[]> path = tree.inclusionProof(index);
            proofMs[i] = (System.nanoTime() - t0) / 1e6;
            if (MerkleTree.verifyInclusion(leaves.get(index), index, BATCH, path, tree.root())) {
                verified++;
            }
        }
        Arrays.sort(builds);
        Arrays.sort(proofMs);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("leaves", BATCH);
        f.put("rootMsMedian", round(builds[builds.length / 2]));
        f.put("rootMsMax", round(builds[builds.length - 1]));
        f.put("proofMsMedian", round(proofMs[proofs / 2]));
        f.put("proofMsP99", round(proofMs[(int) (proofs * 0.99)]));
        f.put("proofsVerified", verified + "/" + proofs);
        f.put("targets", "root < 1000 ms, proof < 1 ms");
        return f;
    }

    static Map<String, Object> gasFigures() throws Exception {
        try (AnvilNode node = AnvilNode.start()) {
            Web3j web3 = Web3j.build(new HttpService(node.url()));
            try {
                Credentials platform = Credentials.create(AnvilNode.KEY_0);
                RawTransactionManager tm = new RawTransactionManager(web3, platform, 31337, new PollingTransactionReceiptProcessor(web3, 100, 100));
                StaticGasProvider gas = new StaticGasProvider(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(1_500_000));
                GuildhallAnchor anchor = GuildhallAnchor.deploy(web3, tm, gas, platform.getAddress()).send();
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] prev = new byte[32];
                List<Long> perBatch = new ArrayList<>();
                // several anchors, as a running ledger sends them: the first pays for the contract's counter slot
                for (int b = 1; b <= 5; b++) {
                    byte[] root = sha.digest(("batch " + b).getBytes());
                    TransactionReceipt r = anchor.anchor(BigInteger.valueOf(b), root, BigInteger.valueOf(BATCH), prev).send();
                    perBatch.add(r.getGasUsed().longValueExact());
                    prev = root;
                }
                long steady = perBatch.get(perBatch.size() - 1);
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("gasPerAnchorTransaction", perBatch);
                f.put("entriesPerBatch", BATCH);
                f.put("gasPerEntry", round((double) steady / BATCH));
                f.put("gasPerEntryIfOneTransactionEach", steady);
                f.put("saving", Math.round((double) steady / ((double) steady / BATCH)) + "x");
                f.put("target", "gas per entry < 1");
                return f;
            } finally {
                web3.shutdown();
            }
        }
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static String toJson(Object o) {
        if (o instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{\n");
            int i = 0;
            for (var e : m.entrySet()) {
                b.append("  \"").append(e.getKey()).append("\": ").append(toJson(e.getValue()).replace("\n", "\n  "));
                b.append(++i < m.size() ? ",\n" : "\n");
            }
            return b.append("}").toString();
        }
        if (o instanceof List<?> l) {
            return l.stream().map(LedgerBenchmark::toJson).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        if (o instanceof String s) {
            return "\"" + s.replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(o);
    }
}
