package org.guildhall.ledger.api;

import java.util.UUID;

/** Filters of the entry browser (each may be null) and a page; newest first. */
public record EntryQuery(String type, UUID actor, UUID assetId, int offset, int limit) {
}
