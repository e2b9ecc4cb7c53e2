package org.guildhall.ledger.api;

import java.time.Instant;
import java.util.List;

/**
 * What an audit found: every entry and batch recomputed from the database and every batch root compared with
 * the chain. {@code findings} is empty when the ledger is intact. {@code chainChecked} is false when the chain
 * could not be asked (the database part still ran).
 */
public record AuditReport(Instant startedAt, Instant finishedAt, long entriesChecked, long batchesChecked, boolean chainChecked,
        List<Finding> findings) {

    public boolean intact() {
        return findings.isEmpty();
    }

    /**
     * One discrepancy. {@code kind}: {@code ALTERED} (an entry's fields no longer give its hash), {@code MISSING}
     * (a sequence number without its entry), {@code INSERTED} (an entry beyond the ledger's head), {@code
     * LINK_BROKEN} (an entry whose predecessor link does not hold: the one before it was rewritten), {@code BATCH_ROOT} (a batch's entries no longer give its root), {@code
     * CHAIN_ROOT} (the chain holds another root for a batch), {@code CHAIN_MISSING} (an anchored batch the chain
     * does not hold).
     */
    public record Finding(String kind, Long seq, Long batchNo, String detail) {
    }
}
