package org.guildhall.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guildhall.chain.api.AnchorChain;
import org.guildhall.chain.api.ChainInfo;
import org.guildhall.chain.api.ChainUnavailableException;
import org.guildhall.chain.api.OnChainAnchor;
import org.guildhall.identity.api.WalletService;
import org.guildhall.ledger.api.AuditReport;
import org.guildhall.ledger.api.BatchLink;
import org.guildhall.ledger.api.BatchRecord;
import org.guildhall.ledger.api.EntryPage;
import org.guildhall.ledger.api.EntryQuery;
import org.guildhall.ledger.api.EntryState;
import org.guildhall.ledger.api.InclusionProof;
import org.guildhall.ledger.api.LedgerRecord;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.ledger.api.LedgerStats;
import org.guildhall.ledger.api.NewEntry;
import org.guildhall.ledger.api.Receipt;
import org.guildhall.ledger.api.Verification;
import org.guildhall.ledger.domain.CanonicalJson;
import org.guildhall.ledger.domain.LedgerBatch;
import org.guildhall.ledger.domain.LedgerEntry;
import org.guildhall.ledger.domain.LedgerHead;
import org.guildhall.ledger.domain.LedgerRepository;
import org.guildhall.ledger.domain.LedgerSeal;
import org.guildhall.ledger.domain.MerkleTree;

@ApplicationScoped
@Transactional
public class DefaultLedgerService implements LedgerService {

    private static final Logger LOG = Logger.getLogger(DefaultLedgerService.class.getName());
    public static final int MAX_PAYLOAD_CHARS = 262_144;
    public static final int MAX_PAGE = 200;

    @Inject
    LedgerRepository repo;

    @Inject
    BatchTrees trees;

    @Inject
    AnchorChain chain;

    @Inject
    LedgerAuditor auditor;

    @Inject
    WalletService wallets;

    @Inject
    ProvJson prov;

    @Inject
    @ConfigProperty(name = "guildhall.ledger.batch.max-entries", defaultValue = "100000")
    int maxBatchEntries;

    @Inject
    @ConfigProperty(name = "guildhall.ledger.batch.interval-seconds", defaultValue = "10")
    long batchIntervalSeconds;

    Clock clock = Clock.systemUTC();

    @Override
    @Transactional(TxType.MANDATORY)
    public LedgerRecord append(NewEntry entry) {
        String wallet = entry.actor() == null ? null : wallets.primaryWallet(entry.actor()).orElse(null);
        LedgerEntry written = appendEntry(repo, entry, wallet, clock.instant());
        return record(written, null);
    }

    /** The append itself, shared with the benchmark: lock the head, link the entry to it, move the head. */
    public static LedgerEntry appendEntry(LedgerRepository repo, NewEntry entry, String wallet, Instant now) {
        String type = entry.type().strip();
        if (type.isEmpty() || type.length() > 64 || entry.subject().isBlank() || entry.subject().length() > 512) {
            throw new IllegalArgumentException("an entry needs a type of at most 64 and a subject of at most 512 characters");
        }
        checkNumbers(entry.payload());
        String payload = CanonicalJson.of(entry.payload());
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("a ledger payload holds at most " + MAX_PAYLOAD_CHARS + " characters");
        }
        LedgerHead head = repo.lockHead();
        LedgerEntry e = new LedgerEntry(head.getLastSeq() + 1, now, type, entry.actor(), wallet, entry.subject(), entry.assetId(),
                payload, head.getLastHash());
        head.advance(e);
        repo.add(e);
        return e;
    }

    /** RFC 8785 numbers are doubles: only integers that a double holds exactly are allowed. */
    static void checkNumbers(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> ((JsonObject) value).values().forEach(DefaultLedgerService::checkNumbers);
            case ARRAY -> ((JsonArray) value).forEach(DefaultLedgerService::checkNumbers);
            case NUMBER -> {
                JsonNumber n = (JsonNumber) value;
                if (!n.isIntegral() || n.bigIntegerValue().abs().compareTo(java.math.BigInteger.valueOf(CanonicalJson.MAX_SAFE_INTEGER)) > 0) {
                    throw new IllegalArgumentException("ledger payload numbers are integers of at most 2^53; send " + n + " as a string");
                }
            }
            default -> {
            }
        }
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<LedgerRecord> entry(long seq) {
        return repo.entry(seq).map(e -> record(e, repo.batchFor(seq).orElse(null)));
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public EntryPage entries(EntryQuery q) {
        int limit = Math.max(1, Math.min(q.limit(), MAX_PAGE));
        int offset = Math.max(0, q.offset());
        String actor = q.actor() == null ? null : q.actor().toString();
        String asset = q.assetId() == null ? null : q.assetId().toString();
        String type = q.type() == null || q.type().isBlank() ? null : q.type().strip();
        List<LedgerEntry> found = repo.entries(type, actor, asset, offset, limit);
        List<LedgerRecord> items = withBatches(found);
        return new EntryPage(repo.count(type, actor, asset), offset, limit, items);
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<org.guildhall.ledger.api.EntryFact> facts(String type, long afterSeq, int limit) {
        return repo.ofType(type, afterSeq, Math.max(1, Math.min(limit, 10_000))).stream().map(DefaultLedgerService::fact).toList();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<org.guildhall.ledger.api.EntryFact> facts(java.util.Collection<String> types, long afterSeq, long upToSeq, int limit) {
        if (types.isEmpty() || upToSeq <= afterSeq) {
            return List.of();
        }
        return repo.ofTypes(types, afterSeq, upToSeq, Math.max(1, Math.min(limit, 10_000))).stream().map(DefaultLedgerService::fact).toList();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public long lastSeq() {
        return repo.lastSeq();
    }

    private static org.guildhall.ledger.api.EntryFact fact(LedgerEntry e) {
        return new org.guildhall.ledger.api.EntryFact(e.getSeq(), e.getType(), e.getActorId() == null ? null : UUID.fromString(e.getActorId()),
                e.getSubject(), e.getPayload());
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<LedgerRecord> ofAsset(UUID assetId) {
        return withBatches(repo.ofAsset(assetId.toString()));
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public JsonObject provenance(UUID assetId) {
        return prov.of(assetId);
    }

    /** Looks each batch up once for a page of entries. */
    private List<LedgerRecord> withBatches(List<LedgerEntry> entries) {
        List<LedgerBatch> known = new ArrayList<>();
        return entries.stream().map(e -> {
            LedgerBatch b = known.stream().filter(k -> k.getFirstSeq() <= e.getSeq() && e.getSeq() <= k.getLastSeq()).findFirst()
                    .orElseGet(() -> repo.batchFor(e.getSeq()).map(found -> {
                        known.add(found);
                        return found;
                    }).orElse(null));
            return record(e, b);
        }).toList();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<BatchRecord> batches(int offset, int limit) {
        return repo.batches(Math.max(0, offset), Math.max(1, Math.min(limit, MAX_PAGE))).stream().map(DefaultLedgerService::record).toList();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public long batchCount() {
        return repo.batchCount();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<BatchRecord> batch(long batchNo) {
        return repo.batch(batchNo).map(DefaultLedgerService::record);
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<Receipt> receipt(long seq) {
        return repo.entry(seq).map(e -> {
            Optional<LedgerBatch> batch = repo.batchFor(seq);
            return new Receipt(record(e, batch.orElse(null)), batch.map(b -> proof(b, e)).orElse(null),
                    batch.map(DefaultLedgerService::record).orElse(null));
        });
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<JsonObject> receiptDocument(long seq) {
        return receipt(seq).map(ReceiptDocument::toJson);
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<InclusionProof> proof(long seq) {
        return repo.entry(seq).flatMap(e -> repo.batchFor(seq).map(b -> proof(b, e)));
    }

    private InclusionProof proof(LedgerBatch batch, LedgerEntry entry) {
        MerkleTree tree = tree(batch);
        int index = Math.toIntExact(entry.getSeq() - batch.getFirstSeq());
        HexFormat hex = HexFormat.of();
        return new InclusionProof(batch.getBatchNo(), index, tree.size(), entry.getEntryHash(), batch.getRoot(),
                tree.inclusionProof(index).stream().map(hex::formatHex).toList());
    }

    private MerkleTree tree(LedgerBatch batch) {
        MerkleTree tree = trees.get(batch.getBatchNo(), n -> repo.entryHashes(batch.getFirstSeq(), batch.getLastSeq()));
        if (!HexFormat.of().formatHex(tree.root()).equals(batch.getRoot())) {
            // the rows changed under the batch: never hand out a proof that the anchored root does not back
            trees.forget(batch.getBatchNo());
            throw new IllegalStateException("the entries of batch " + batch.getBatchNo() + " no longer match its root; run the audit");
        }
        return tree;
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<BatchLink> link(long batchNo) {
        if (batchNo < 2) {
            return Optional.empty();
        }
        Optional<LedgerBatch> later = repo.batch(batchNo);
        Optional<LedgerBatch> earlier = repo.batch(batchNo - 1);
        if (later.isEmpty() || earlier.isEmpty()) {
            return Optional.empty();
        }
        LedgerEntry last = repo.entry(earlier.get().getLastSeq()).orElseThrow();
        LedgerEntry first = repo.entry(later.get().getFirstSeq()).orElseThrow();
        return Optional.of(new BatchLink(record(earlier.get()), record(later.get()), record(last, earlier.get()),
                proof(earlier.get(), last), record(first, later.get()), proof(later.get(), first)));
    }

    @Override
    public Optional<BatchRecord> sealDue() {
        return seal(false);
    }

    @Override
    public Optional<BatchRecord> sealNow() {
        return seal(true);
    }

    private Optional<BatchRecord> seal(boolean force) {
        LedgerSeal seal = repo.lockSeal();
        long last = repo.lastSeq();
        long pending = last - seal.getLastSealedSeq();
        if (pending <= 0) {
            return Optional.empty();
        }
        long first = seal.getLastSealedSeq() + 1;
        Instant now = clock.instant();
        if (!force && pending < maxBatchEntries) {
            Instant oldest = repo.entry(first).map(LedgerEntry::getRecordedAt).orElse(now);
            if (oldest.plus(Duration.ofSeconds(batchIntervalSeconds)).isAfter(now)) {
                return Optional.empty();
            }
        }
        long end = Math.min(last, first + maxBatchEntries - 1);
        List<String> hashes = repo.entryHashes(first, end);
        if (hashes.size() != end - first + 1) {
            throw new IllegalStateException("entries " + first + ".." + end + " are not all there: " + hashes.size() + " found");
        }
        MerkleTree tree = BatchTrees.build(hashes);
        LedgerBatch batch = new LedgerBatch(seal.getLastBatchNo() + 1, first, end, HexFormat.of().formatHex(tree.root()),
                seal.getLastRoot(), now);
        seal.sealed(batch);
        repo.add(batch);
        trees.put(batch.getBatchNo(), tree);
        LOG.fine(() -> "sealed batch " + batch.getBatchNo() + ": entries " + first + ".." + end);
        return Optional.of(record(batch));
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public LedgerStats stats() {
        long entries = repo.lastSeq();
        long sealed = repo.seal().getLastSealedSeq();
        return new LedgerStats(entries, entries - sealed, repo.batchCount(), repo.unanchoredBatchCount());
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public AuditReport audit() {
        return auditor.audit();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<AuditReport> latestAudit() {
        return auditor.latest();
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public Verification verify(String receiptJson) {
        return ReceiptVerifier.verify(receiptJson, new ReceiptVerifier.ChainView() {
            @Override
            public Optional<ChainInfo> info() {
                try {
                    return chain.enabled() ? Optional.of(chain.info()) : Optional.empty();
                } catch (ChainUnavailableException e) {
                    return Optional.empty();
                }
            }

            @Override
            public Optional<OnChainAnchor> anchorAt(long batchNo, long block) {
                return chain.anchorOf(batchNo, block);
            }
        });
    }

    static LedgerRecord record(LedgerEntry e, LedgerBatch b) {
        EntryState state = b == null ? EntryState.PENDING : switch (b.getState()) {
            case SEALED, SUBMITTED -> EntryState.SEALED;
            case ANCHORED -> EntryState.ANCHORED;
            case CONFIRMED -> EntryState.CONFIRMED;
        };
        return new LedgerRecord(e.getSeq(), e.getRecordedAt(), e.getType(), e.getActorId() == null ? null : UUID.fromString(e.getActorId()),
                e.getActorWallet(), e.getSubject(), e.getAssetId() == null ? null : UUID.fromString(e.getAssetId()), e.getPayload(),
                e.getPayloadHash(), e.getPrevHash(), e.getEntryHash(), b == null ? null : b.getBatchNo(), state,
                b == null ? null : b.getBlockNumber());
    }

    static BatchRecord record(LedgerBatch b) {
        return new BatchRecord(b.getBatchNo(), b.getFirstSeq(), b.getLastSeq(), b.getEntryCount(), b.getRoot(), b.getPrevRoot(),
                b.getSealedAt(), b.getState().name(), b.getChainId(), b.getContractAddress(), b.getTxHash(), b.getBlockNumber(),
                b.getGasUsed(), b.getAnchoredAt(), b.getConfirmedAt(), b.getAttempts(), b.getLastError());
    }
}
