package org.guildhall.market.api;

import java.time.Instant;
import java.util.List;

/**
 * The market's books checked: every balance equals the sum of its postings, all postings sum to zero, every
 * movement balances, every licence and every paid movement has its ledger entry.
 */
public record InvariantReport(Instant checkedAt, long accounts, long postings, long postingSum, List<String> findings) {

    public boolean healthy() {
        return findings.isEmpty();
    }
}
