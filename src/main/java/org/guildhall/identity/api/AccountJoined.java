package org.guildhall.identity.api;

import java.time.Instant;
import java.util.UUID;

/** Fired (inside the creating transaction) when an account is made on its first sign-in. */
public record AccountJoined(UUID accountId, String username, Instant joinedAt) {
}
