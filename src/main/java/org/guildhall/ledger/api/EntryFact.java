package org.guildhall.ledger.api;

/** An entry's facts without its place in a batch: for capabilities that check their records against the ledger in bulk. */
public record EntryFact(long seq, String type, String subject, String payload) {
}
