package org.guildhall.ledger.api;

import java.util.UUID;

/**
 * An entry's facts without its place in a batch: for capabilities that check their records against the ledger
 * in bulk or keep a projection of it. {@code actor} is null for the platform's own entries.
 */
public record EntryFact(long seq, String type, UUID actor, String subject, String payload) {
}
