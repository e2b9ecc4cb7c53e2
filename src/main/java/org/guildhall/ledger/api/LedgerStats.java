package org.guildhall.ledger.api;

/** The ledger at a glance: entries, how many wait for a batch, batches and how many of them are not yet anchored. */
public record LedgerStats(long entries, long pending, long batches, long unanchoredBatches) {
}
