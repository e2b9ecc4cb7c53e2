package org.guildhall.market.api;

import java.time.Instant;
import java.util.UUID;

/** A deposit seen on chain: credited, held for its sender to claim, or claimed. */
public record DepositInfo(UUID id, String txHash, int logIndex, long block, String from, Money amount, String state, Instant seenAt,
        long ledgerSeq) {
}
