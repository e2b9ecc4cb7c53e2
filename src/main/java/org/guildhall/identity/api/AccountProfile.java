package org.guildhall.identity.api;

import java.time.Instant;
import java.util.UUID;

/** An account as other capabilities and pages see it. */
public record AccountProfile(UUID id, String subject, String username, String email, String displayName, String bio,
        Instant joinedAt, Instant lastSignInAt) {
}
