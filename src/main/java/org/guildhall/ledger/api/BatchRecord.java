package org.guildhall.ledger.api;

import java.time.Instant;

/** A sealed batch and its anchor; {@code state} is SEALED, SUBMITTED, ANCHORED or CONFIRMED. */
public record BatchRecord(long batchNo, long firstSeq, long lastSeq, int entryCount, String root, String prevRoot,
        Instant sealedAt, String state, Long chainId, String contract, String txHash, Long block, Long gasUsed,
        Instant anchoredAt, Instant confirmedAt, int attempts, String lastError) {
}
