package org.guildhall.identity.api;

import java.time.Instant;
import java.util.UUID;

/** A challenge to sign: its id, the exact message (EIP-4361 text) and when it expires. */
public record WalletChallengeText(UUID id, String address, String message, Instant expiresAt) {
}
