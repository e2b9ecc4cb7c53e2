package org.guildhall.ledger.api;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The append-only provenance ledger. Other capabilities record facts only through {@link #append}, inside
 * the transaction of the change the fact records: both commit, or neither.
 */
public interface LedgerService {

    /** Appends an entry in the caller's transaction (there must be one); returns it as written. */
    LedgerRecord append(NewEntry entry);

    Optional<LedgerRecord> entry(long seq);

    /** Entries of one type after {@code afterSeq}, oldest first, at most {@code limit} (up to 10,000): for bulk checks. */
    java.util.List<EntryFact> facts(String type, long afterSeq, int limit);

    /**
     * Entries of any of {@code types} with {@code afterSeq < seq <= upToSeq}, oldest first, at most {@code limit}
     * (up to 10,000): for projections that must stop at a given point of the ledger.
     */
    java.util.List<EntryFact> facts(java.util.Collection<String> types, long afterSeq, long upToSeq, int limit);

    /** The sequence number of the newest committed entry (0 for an empty ledger). */
    long lastSeq();

    EntryPage entries(EntryQuery query);

    /** The entries of one asset, oldest first: its provenance. */
    List<LedgerRecord> ofAsset(UUID assetId);

    /** The asset's provenance, with that of the assets it derives from, as W3C PROV-JSON built from the ledger. */
    JsonObject provenance(UUID assetId);

    /** Batches, newest first. */
    List<BatchRecord> batches(int offset, int limit);

    long batchCount();

    Optional<BatchRecord> batch(long batchNo);

    /** The entry with its inclusion proof and batch; the proof and batch are null while the entry is pending. */
    Optional<Receipt> receipt(long seq);

    /** The receipt as the JSON document {@code guildhall.receipt.v1} that the README describes. */
    Optional<JsonObject> receiptDocument(long seq);

    Optional<InclusionProof> proof(long seq);

    /** How batch {@code batchNo} continues the batch before it; empty for the first batch or an unknown one. */
    Optional<BatchLink> link(long batchNo);

    /**
     * Seals the entries that wait into the next batch when they are due (as many as the batch size allows,
     * or the oldest has waited the batch interval); empty when nothing was due.
     */
    Optional<BatchRecord> sealDue();

    /** Seals whatever waits, due or not (tests and the operator). */
    Optional<BatchRecord> sealNow();

    LedgerStats stats();

    /** Recomputes the whole ledger and compares it with the chain; the report is kept for admins. */
    AuditReport audit();

    /** The latest audit any server ran. */
    Optional<AuditReport> latestAudit();

    /** Checks a receipt ({@code guildhall.receipt.v1}) step by step, against the chain and nothing else. */
    Verification verify(String receiptJson);
}
