package org.guildhall.ledger.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry as readers see it. {@code payload} is the canonical JSON that {@code payloadHash} covers;
 * {@code hash} is the entry's RFC 6962 leaf hash (see the README's ledger section). {@code batchNo} and
 * {@code block} are null while the entry waits.
 */
public record LedgerRecord(long seq, Instant time, String type, UUID actor, String wallet, String subject, UUID assetId,
        String payload, String payloadHash, String prevHash, String hash, Long batchNo, EntryState state, Long block) {
}
