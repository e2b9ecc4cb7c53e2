package org.guildhall.governance.api;

import java.time.Instant;

/** One step of a proposal's lifecycle and the ledger entry that records it. */
public record TimelineStep(ProposalState state, Instant at, long ledgerSeq, String note) {
}
