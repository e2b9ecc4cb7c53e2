package org.guildhall.ledger.api;

/** Everything needed to check an entry without trusting Guildhall: the entry, its proof, its batch, the anchor. */
public record Receipt(LedgerRecord entry, InclusionProof proof, BatchRecord batch) {
}
