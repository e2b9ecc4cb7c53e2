package org.guildhall.market.api;

import java.time.Instant;
import java.util.UUID;

/** A withdrawal to a linked wallet and where it stands: RESERVED, SIGNED, SENT, CONFIRMED or RELEASED. */
public record WithdrawalInfo(UUID id, String address, Money amount, String state, String txHash, Long block, String problem,
        Instant createdAt, Instant updatedAt) {
}
