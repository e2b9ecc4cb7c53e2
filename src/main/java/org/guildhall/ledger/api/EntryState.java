package org.guildhall.ledger.api;

/** How far an entry has come: waiting for its batch, sealed into one, anchored in a block, confirmed. */
public enum EntryState {
    PENDING, SEALED, ANCHORED, CONFIRMED
}
