package org.guildhall.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.guildhall.chain.api.AnchorChain;
import org.guildhall.chain.api.ChainUnavailableException;
import org.guildhall.chain.api.OnChainAnchor;
import org.guildhall.ledger.api.AuditReport.Finding;
import org.guildhall.ledger.api.AuditReport;
import org.guildhall.ledger.domain.EntryEnvelope;
import org.guildhall.ledger.domain.LedgerAudit;
import org.guildhall.ledger.domain.LedgerBatch;
import org.guildhall.ledger.domain.LedgerEntry;
import org.guildhall.ledger.domain.LedgerRepository;
import org.guildhall.ledger.domain.MerkleTree;

/**
 * Recomputes the ledger from its rows and compares it with the chain: each entry's payload hash and entry hash
 * from its own fields, the hash chain from entry 1, every batch root from the recomputed entry hashes, and each
 * anchored root against the contract. Any altered, deleted or inserted row is named by its sequence number.
 * Reads in pages, so the whole ledger is never in memory; the chain is asked outside any transaction.
 */
@ApplicationScoped
public class LedgerAuditor {

    /** One provider for every builder: {@code Json.create…} looks the provider up again on each call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(LedgerAuditor.class.getName());
    static final int PAGE = 5_000;
    static final int MAX_FINDINGS = 1_000;

    @Inject
    LedgerRepository repo;

    @Inject
    AnchorChain chain;

    @Inject
    LedgerAuditor self;

    Clock clock = Clock.systemUTC();

    /** The latest finished audit of any server. */
    @Transactional(TxType.SUPPORTS)
    public Optional<AuditReport> latest() {
        return repo.latestAudit().map(a -> {
            List<Finding> findings = new ArrayList<>();
            try (JsonReader r = JSON.createReader(new StringReader(a.getFindings()))) {
                for (JsonValue v : r.readArray()) {
                    JsonObject f = v.asJsonObject();
                    findings.add(new Finding(f.getString("kind"), f.isNull("seq") ? null : f.getJsonNumber("seq").longValue(),
                            f.isNull("batchNo") ? null : f.getJsonNumber("batchNo").longValue(), f.getString("detail")));
                }
            }
            return new AuditReport(a.getStartedAt(), a.getFinishedAt(), a.getEntriesChecked(), a.getBatchesChecked(), a.isChainChecked(),
                    List.copyOf(findings));
        });
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void keep(AuditReport report) {
        JsonArrayBuilder arr = JSON.createArrayBuilder();
        for (Finding f : report.findings()) {
            JsonObjectBuilder o = JSON.createObjectBuilder().add("kind", f.kind()).add("detail", f.detail());
            if (f.seq() == null) {
                o.addNull("seq");
            } else {
                o.add("seq", f.seq());
            }
            if (f.batchNo() == null) {
                o.addNull("batchNo");
            } else {
                o.add("batchNo", f.batchNo());
            }
            arr.add(o);
        }
        repo.add(new LedgerAudit(report.startedAt(), report.finishedAt(), report.entriesChecked(),
                report.batchesChecked(), report.chainChecked(), report.findings().size(), arr.build().toString()));
    }

    /** The database half of an audit, in one read-only transaction: what the rows say of themselves. */
    public record Recomputed(long entries, List<Finding> findings, List<LedgerBatch> batches) {
    }

    @Transactional(TxType.NOT_SUPPORTED)
    public AuditReport audit() {
        Instant started = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Recomputed db = self.recompute();
        List<Finding> findings = new ArrayList<>(db.findings());
        boolean chainChecked = false;
        if (chain.enabled()) {
            try {
                for (LedgerBatch b : db.batches()) {
                    if (b.getState() == LedgerBatch.State.ANCHORED || b.getState() == LedgerBatch.State.CONFIRMED) {
                        Optional<OnChainAnchor> held = chain.anchorOf(b.getBatchNo());
                        if (held.isEmpty()) {
                            add(findings, new Finding("CHAIN_MISSING", null, b.getBatchNo(), "batch " + b.getBatchNo()
                                    + " is recorded as anchored, but the contract does not hold it"));
                        } else if (!held.get().rootHex().equals(b.getRoot())) {
                            add(findings, new Finding("CHAIN_ROOT", null, b.getBatchNo(), "the chain holds root " + held.get().rootHex()
                                    + " for batch " + b.getBatchNo() + ", the database " + b.getRoot()));
                        }
                    }
                }
                chainChecked = true;
            } catch (ChainUnavailableException e) {
                LOG.warning("ledger audit: the chain could not be asked (" + e.getMessage() + "); the database part ran");
            }
        }
        AuditReport report = new AuditReport(started, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), db.entries(), db.batches().size(), chainChecked, List.copyOf(findings));
        self.keep(report);
        if (!report.intact()) {
            LOG.severe("ledger audit found " + findings.size() + " discrepancies; the first: " + findings.get(0).detail());
        }
        return report;
    }

    @Transactional(TxType.REQUIRED)
    public Recomputed recompute() {
        List<Finding> findings = new ArrayList<>();
        long head = repo.lastSeq();
        HexFormat hex = HexFormat.of();
        List<LedgerBatch> batches = new ArrayList<>();
        for (int offset = 0; ; offset += 200) {
            List<LedgerBatch> page = repo.batches(offset, 200);
            batches.addAll(page);
            if (page.size() < 200) {
                break;
            }
        }
        batches.sort(Comparator.comparingLong(LedgerBatch::getBatchNo));
        int nextBatch = 0;
        List<byte[]> batchLeaves = new ArrayList<>();
        String prev = EntryEnvelope.GENESIS_HASH;
        long expected = 1;
        long count = 0;
        long last = Math.max(head, repo.maxSeq());
        for (long from = 1; from <= last; from += PAGE) {
            repo.forgetRead();
            for (LedgerEntry e : repo.range(from, from + PAGE - 1)) {
                boolean gap = false;
                while (expected < e.getSeq()) {
                    add(findings, new Finding("MISSING", expected, null, "entry " + expected + " is missing (deleted)"));
                    expected++;
                    gap = true;
                }
                count++;
                String payloadHash = EntryEnvelope.sha256Hex(e.getPayload());
                String recomputed = e.envelope().hashHex();
                if (!payloadHash.equals(e.getPayloadHash())) {
                    add(findings, new Finding("ALTERED", e.getSeq(), null, "entry " + e.getSeq() + ": its payload does not give its payload hash"));
                } else if (!recomputed.equals(e.getEntryHash())) {
                    add(findings, new Finding("ALTERED", e.getSeq(), null, "entry " + e.getSeq() + ": its fields do not give its hash"));
                }
                if (e.getSeq() > head) {
                    add(findings, new Finding("INSERTED", e.getSeq(), null, "entry " + e.getSeq() + " lies beyond the ledger's head, entry " + head));
                } else if (!gap && !e.getPrevHash().equals(prev)) {
                    add(findings, new Finding("LINK_BROKEN", e.getSeq(), null, "entry " + e.getSeq() + " does not link entry "
                            + (e.getSeq() - 1) + ": that entry was rewritten, or this one was inserted"));
                }
                prev = recomputed;
                expected = e.getSeq() + 1;
                // batch roots come from the recomputed hashes, never from the stored ones
                while (nextBatch < batches.size() && batches.get(nextBatch).getLastSeq() < e.getSeq()) {
                    closeBatch(batches.get(nextBatch), batchLeaves, findings, hex);
                    nextBatch++;
                }
                if (nextBatch < batches.size() && batches.get(nextBatch).getFirstSeq() <= e.getSeq()) {
                    batchLeaves.add(hex.parseHex(recomputed));
                }
            }
        }
        while (expected <= head) {
            add(findings, new Finding("MISSING", expected, null, "entry " + expected + " is missing (deleted)"));
            expected++;
        }
        while (nextBatch < batches.size()) {
            closeBatch(batches.get(nextBatch), batchLeaves, findings, hex);
            nextBatch++;
        }
        return new Recomputed(count, findings, batches);
    }

    private static void closeBatch(LedgerBatch b, List<byte[]> leaves, List<Finding> findings, HexFormat hex) {
        String root = leaves.isEmpty() ? "" : hex.formatHex(MerkleTree.ofLeafHashes(leaves).root());
        if (leaves.size() != b.getEntryCount() || !root.equals(b.getRoot())) {
            add(findings, new Finding("BATCH_ROOT", null, b.getBatchNo(), "batch " + b.getBatchNo() + " (entries " + b.getFirstSeq() + ".."
                    + b.getLastSeq() + ") no longer gives its root " + b.getRoot()));
        }
        leaves.clear();
    }

    private static void add(List<Finding> findings, Finding f) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(f);
        }
    }
}
