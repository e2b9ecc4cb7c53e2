package org.guildhall.identity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired inside the transaction that links a wallet, so that the ledger records it in the same transaction:
 * the signed message and the signature are the evidence anyone can check again.
 */
public record WalletLinked(UUID accountId, String username, String address, String message, String signature, Instant linkedAt) {
}
