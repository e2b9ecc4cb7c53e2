package org.guildhall.ledger.domain;

import java.util.List;
import java.util.Optional;

public interface LedgerRepository {

    /** The head row, locked until the transaction ends. */
    LedgerHead lockHead();

    /** The sealer's row, locked until the transaction ends. */
    LedgerSeal lockSeal();

    LedgerSeal seal();

    /** The last committed sequence number (no lock). */
    long lastSeq();

    /** Entries of any of the types with {@code afterSeq < seq <= upToSeq}, oldest first. */
    java.util.List<LedgerEntry> ofTypes(java.util.Collection<String> types, long afterSeq, long upToSeq, int limit);

    /** The highest sequence number in the table (0 when empty), whatever the head says. */
    long maxSeq();

    void add(LedgerEntry entry);

    void add(LedgerBatch batch);

    void add(LedgerAudit audit);

    Optional<LedgerAudit> latestAudit();

    Optional<LedgerEntry> entry(long seq);

    /** Entries matching the filters (null: any), newest first. */
    List<LedgerEntry> entries(String type, String actorId, String assetId, int offset, int limit);

    /** Entries of one type after a sequence number, oldest first. */
    List<LedgerEntry> ofType(String type, long afterSeq, int limit);

    long count(String type, String actorId, String assetId);

    List<LedgerEntry> ofAsset(String assetId);

    boolean exists(String type, String assetId);

    /** The asset id that an {@code asset.registered} entry with this subject ({@code dataset:alice/iris}) names. */
    Optional<String> registeredAsset(String subject);

    /** The entry hashes of seq {@code from}..{@code to}, in order. */
    List<String> entryHashes(long from, long to);

    /** Forgets the entities read so far (long reads page through the ledger without holding it in memory). */
    void forgetRead();

    /** Entries of seq {@code from}..{@code to}, in order. */
    List<LedgerEntry> range(long from, long to);

    Optional<LedgerBatch> batch(long batchNo);

    Optional<LedgerBatch> batchFor(long seq);

    List<LedgerBatch> batches(int offset, int limit);

    long batchCount();

    long unanchoredBatchCount();

    /** Batches not yet CONFIRMED, oldest first. */
    List<LedgerBatch> unconfirmed(int limit);
}
