package org.guildhall.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.guildhall.ledger.api.BatchLink;
import org.guildhall.ledger.api.BatchRecord;
import org.guildhall.ledger.api.EntryQuery;
import org.guildhall.ledger.api.EntryState;
import org.guildhall.ledger.api.InclusionProof;
import org.guildhall.ledger.api.LedgerRecord;
import org.guildhall.ledger.api.NewEntry;
import org.guildhall.ledger.api.Receipt;
import org.guildhall.ledger.domain.CanonicalJson;
import org.guildhall.ledger.domain.EntryEnvelope;
import org.guildhall.ledger.domain.MerkleTree;
import org.guildhall.ledger.application.ReceiptDocument;
import org.guildhall.ledger.infrastructure.JpaLedgerRepository;
import org.guildhall.testsupport.BothDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger's schema, hash chain, sealing and proofs on H2 and on a real PostgreSQL. */
class LedgerPersistenceTest extends BothDatabases {

    final BatchTrees trees = new BatchTrees();
    Instant now;

    DefaultLedgerService service(EntityManager em, int maxBatch, long intervalSeconds) {
        DefaultLedgerService s = new DefaultLedgerService();
        s.repo = JpaLedgerRepository.with(em);
        s.trees = trees;
        s.maxBatchEntries = maxBatch;
        s.batchIntervalSeconds = intervalSeconds;
        s.clock = Clock.fixed(now, ZoneOffset.UTC);
        s.wallets = new NoWallets();
        return s;
    }

    /** Accounts without wallets: the identity capability's part is tested in the integration tests. */
    static final class NoWallets implements org.guildhall.identity.api.WalletService {
        @Override
        public org.guildhall.identity.api.WalletChallengeText challenge(UUID accountId, String address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.guildhall.identity.api.LinkedWallet link(UUID accountId, UUID challengeId, String signature) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<org.guildhall.identity.api.LinkedWallet> wallets(UUID accountId) {
            return List.of();
        }

        @Override
        public java.util.Optional<UUID> accountOf(String address) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> primaryWallet(UUID accountId) {
            return java.util.Optional.empty();
        }
    }

    static NewEntry entry(int i, UUID asset) {
        JsonObject payload = Json.createObjectBuilder().add("n", i).add("name", "entry ü " + i).add("z", true).add("a", "first").build();
        return new NewEntry("test.appended", UUID.nameUUIDFromBytes(("actor" + i % 3).getBytes()), "test:" + i, asset, payload);
    }

    /** The test methods share each database: every one starts from an empty ledger. */
    EntityManagerFactory emptyLedger(Database db) {
        now = Instant.parse("2026-12-01T10:00:00.123456Z");
        EntityManagerFactory emf = migratedFactory(db);
        inTransaction(emf, em -> {
            em.createNativeQuery("DELETE FROM ledger_entry").executeUpdate();
            em.createNativeQuery("DELETE FROM ledger_batch").executeUpdate();
            em.createNativeQuery("UPDATE ledger_head SET last_seq = 0, last_hash = '" + EntryEnvelope.GENESIS_HASH + "'").executeUpdate();
            em.createNativeQuery("UPDATE ledger_seal SET last_batch_no = 0, last_sealed_seq = 0, last_root = '"
                    + EntryEnvelope.GENESIS_HASH + "'").executeUpdate();
        });
        for (long b = 1; b < 10; b++) {
            trees.forget(b);
        }
        return emf;
    }

    java.util.Optional<BatchRecord> sealDue(EntityManagerFactory emf, int max, long interval) {
        return read(emf, em -> service(em, max, interval).sealDue());
    }

    LedgerRecord append(EntityManagerFactory emf, NewEntry e) {
        return read(emf, em -> service(em, 100, 10).append(e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void appendsAHashChainSealsBatchesAndProvesEveryEntry(Database db) {
        EntityManagerFactory emf = emptyLedger(db);
        UUID asset = UUID.randomUUID();
        List<LedgerRecord> written = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            written.add(append(emf, entry(i, i % 2 == 0 ? asset : null)));
        }
        String prev = EntryEnvelope.GENESIS_HASH;
        for (int i = 0; i < 5; i++) {
            LedgerRecord r = written.get(i);
            assertThat(r.seq()).isEqualTo(i + 1);
            assertThat(r.prevHash()).isEqualTo(prev);
            assertThat(r.state()).isEqualTo(EntryState.PENDING);
            // the payload is stored canonical: sorted keys, no spaces
            assertThat(r.payload()).isEqualTo("{\"a\":\"first\",\"n\":" + (i + 1) + ",\"name\":\"entry ü " + (i + 1) + "\",\"z\":true}");
            assertThat(r.payloadHash()).isEqualTo(EntryEnvelope.sha256Hex(r.payload()));
            // the hash is recomputable from the entry's own fields
            EntryEnvelope env = new EntryEnvelope(r.seq(), r.time(), r.type(), r.actor(), r.wallet(), r.subject(), r.payloadHash(), r.prevHash());
            assertThat(env.hashHex()).isEqualTo(r.hash());
            assertThat(r.time()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123Z"));
            prev = r.hash();
        }
        // reading it back gives the same entry
        LedgerRecord third = read(emf, em -> service(em, 100, 10).entry(3).orElseThrow());
        assertThat(third.hash()).isEqualTo(written.get(2).hash());
        assertThat(third.time()).isEqualTo(written.get(2).time());

        // not due yet: the oldest waited less than the interval and the batch is not full
        assertThat(sealDue(emf, 100, 10)).isEmpty();
        now = now.plusSeconds(11);
        BatchRecord first = read(emf, em -> service(em, 100, 10).sealDue()).orElseThrow();
        assertThat(first.batchNo()).isEqualTo(1);
        assertThat(first.firstSeq()).isEqualTo(1);
        assertThat(first.lastSeq()).isEqualTo(5);
        assertThat(first.prevRoot()).isEqualTo(EntryEnvelope.GENESIS_HASH);
        HexFormat hex = HexFormat.of();
        MerkleTree expected = MerkleTree.ofLeafHashes(written.stream().map(r -> hex.parseHex(r.hash())).toList());
        assertThat(first.root()).isEqualTo(hex.formatHex(expected.root()));
        assertThat(sealDue(emf, 100, 10)).isEmpty();

        for (int seq = 1; seq <= 5; seq++) {
            long s = seq;
            trees.forget(1); // proofs come from the database as well as from the kept tree
            InclusionProof p = read(emf, em -> service(em, 100, 10).proof(s)).orElseThrow();
            assertThat(p.treeSize()).isEqualTo(5);
            assertThat(MerkleTree.verifyInclusion(hex.parseHex(p.leafHash()), p.leafIndex(), p.treeSize(),
                    p.path().stream().map(hex::parseHex).toList(), hex.parseHex(first.root()))).isTrue();
        }

        // a second batch continues the first: its previous root, and the hash chain across the seam
        written.add(append(emf, entry(6, asset)));
        written.add(append(emf, entry(7, asset)));
        BatchRecord second = read(emf, em -> service(em, 100, 10).sealNow()).orElseThrow();
        assertThat(second.prevRoot()).isEqualTo(first.root());
        assertThat(second.firstSeq()).isEqualTo(6);
        BatchLink link = read(emf, em -> service(em, 100, 10).link(2)).orElseThrow();
        assertThat(link.firstOfLater().prevHash()).isEqualTo(link.lastOfEarlier().hash());
        assertThat(link.lastProof().root()).isEqualTo(first.root());
        assertThat(link.firstProof().root()).isEqualTo(second.root());
        assertThat(BothDatabases.<java.util.Optional<BatchLink>>read(emf, em -> service(em, 100, 10).link(1))).isEmpty();

        // filters and states
        assertThat(read(emf, em -> service(em, 100, 10).entries(new EntryQuery(null, null, asset, 0, 10))).items())
                .extracting(LedgerRecord::seq).containsExactly(7L, 6L, 4L, 2L);
        assertThat(read(emf, em -> service(em, 100, 10).entries(new EntryQuery("test.appended", null, null, 0, 2))).total()).isEqualTo(7);
        assertThat(read(emf, em -> service(em, 100, 10).entry(6)).orElseThrow().state()).isEqualTo(EntryState.SEALED);
        assertThat(read(emf, em -> service(em, 100, 10).stats()).pending()).isZero();

        // the receipt carries what a verifier needs, the payload as JSON whose canonical form the hash covers
        Receipt receipt = read(emf, em -> service(em, 100, 10).receipt(4)).orElseThrow();
        JsonObject doc = ReceiptDocument.toJson(receipt);
        assertThat(doc.getString("format")).isEqualTo("guildhall.receipt.v1");
        assertThat(EntryEnvelope.sha256Hex(CanonicalJson.of(doc.getJsonObject("entry").getJsonObject("payload"))))
                .isEqualTo(doc.getJsonObject("entry").getString("payloadHash"));
        assertThat(doc.getJsonObject("batch").getString("root")).isEqualTo(first.root());
        assertThat(doc.isNull("anchor")).isTrue();
        assertThat(ReceiptDocument.toJson(read(emf, em -> service(em, 100, 10).receipt(7)).orElseThrow()).getJsonObject("proof")
                .getInt("treeSize")).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aBacklogIsSealedInFullBatchesAndConcurrentAppendersGetGaplessSequenceNumbers(Database db) throws Exception {
        EntityManagerFactory emf = emptyLedger(db);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        append(emf, entry(thread * 100 + i, null));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<LedgerRecord> all = read(emf, em -> service(em, 100, 10).entries(new EntryQuery(null, null, null, 0, 200)).items());
        assertThat(all).hasSize(100);
        assertThat(all).extracting(LedgerRecord::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 100).map(i -> 101 - i).boxed().toList());
        for (int i = 0; i + 1 < all.size(); i++) {
            assertThat(all.get(i).prevHash()).isEqualTo(all.get(i + 1).hash());
        }
        // a full batch is due at once; the rest waits for the interval
        assertThat(read(emf, em -> service(em, 40, 3600).sealDue()).orElseThrow().lastSeq()).isEqualTo(40);
        assertThat(read(emf, em -> service(em, 40, 3600).sealDue()).orElseThrow().lastSeq()).isEqualTo(80);
        assertThat(sealDue(emf, 40, 3600)).isEmpty();
        assertThat(read(emf, em -> service(em, 40, 3600).sealNow()).orElseThrow().entryCount()).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void refusesPayloadNumbersThatCanonicalJsonCannotKeepExactlyAndWritesNothing(Database db) {
        EntityManagerFactory emf = emptyLedger(db);
        NewEntry fraction = new NewEntry("test.bad", null, "test:x", null, Json.createObjectBuilder().add("amount", 1.5).build());
        NewEntry huge = new NewEntry("test.bad", null, "test:x", null,
                Json.createObjectBuilder().add("amount", new java.math.BigInteger("9007199254740993")).build());
        assertThatThrownBy(() -> append(emf, fraction)).hasMessageContaining("integers");
        assertThatThrownBy(() -> append(emf, huge)).hasMessageContaining("as a string");
        assertThat(read(emf, em -> service(em, 100, 10).stats()).entries()).isZero();
    }

    LedgerAuditor auditor(EntityManager em) {
        LedgerAuditor a = new LedgerAuditor();
        a.repo = JpaLedgerRepository.with(em);
        return a;
    }

    List<org.guildhall.ledger.api.AuditReport.Finding> audit(EntityManagerFactory emf) {
        return read(emf, em -> auditor(em).recompute().findings());
    }

    static void sql(EntityManagerFactory emf, String statement) {
        inTransaction(emf, em -> em.createNativeQuery(statement).executeUpdate());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theAuditNamesEveryRowThatWasAlteredDeletedOrInsertedBehindTheLedgersBack(Database db) {
        EntityManagerFactory emf = emptyLedger(db);
        for (int i = 1; i <= 12; i++) {
            append(emf, entry(i, null));
            if (i == 6 || i == 12) {
                read(emf, em -> service(em, 100, 10).sealNow());
            }
        }
        assertThat(audit(emf)).isEmpty();

        // a payload changed in place
        sql(emf, "UPDATE ledger_entry SET payload = '{\"a\":\"forged\"}' WHERE seq = 3");
        // a subject changed with the entry hash recomputed to match: the next entry's link and the root tell
        sql(emf, "UPDATE ledger_entry SET subject = 'test:forged' WHERE seq = 8");
        LedgerRecord eight = read(emf, em -> service(em, 100, 10).entry(8)).orElseThrow();
        String forgedHash = new EntryEnvelope(8, eight.time(), eight.type(), eight.actor(), eight.wallet(), "test:forged",
                eight.payloadHash(), eight.prevHash()).hashHex();
        sql(emf, "UPDATE ledger_entry SET entry_hash = '" + forgedHash + "' WHERE seq = 8");
        // a row deleted, and one slipped in beyond the head
        sql(emf, "DELETE FROM ledger_entry WHERE seq = 11");
        LedgerRecord twelve = read(emf, em -> service(em, 100, 10).entry(12)).orElseThrow();
        String insertedHash = new EntryEnvelope(13, twelve.time(), twelve.type(), twelve.actor(), null, "test:inserted",
                twelve.payloadHash(), twelve.hash()).hashHex();
        sql(emf, "INSERT INTO ledger_entry (seq, recorded_at, entry_type, actor_id, subject, payload, payload_hash, prev_hash, entry_hash) "
                + "SELECT 13, recorded_at, entry_type, actor_id, 'test:inserted', payload, payload_hash, '" + twelve.hash() + "', '"
                + insertedHash + "' FROM ledger_entry WHERE seq = 12");

        List<org.guildhall.ledger.api.AuditReport.Finding> findings = audit(emf);
        assertThat(findings).extracting(f -> f.kind() + " " + (f.seq() != null ? "entry " + f.seq() : "batch " + f.batchNo()))
                .containsExactlyInAnyOrder("ALTERED entry 3", "LINK_BROKEN entry 9", "BATCH_ROOT batch 2", "MISSING entry 11",
                        "INSERTED entry 13");
        assertThat(findings).allSatisfy(f -> assertThat(f.detail()).isNotBlank());
    }
}
