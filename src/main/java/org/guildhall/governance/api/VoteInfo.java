package org.guildhall.governance.api;

import java.time.Instant;

/** A member's vote (the last one they cast) with its weight and the ledger entry that records it. */
public record VoteInfo(String voter, VoteChoice choice, long weight, String reason, Instant castAt, long ledgerSeq) {
}
