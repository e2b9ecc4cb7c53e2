package org.guildhall.ledger.api;

import java.util.List;

public record EntryPage(long total, int offset, int limit, List<LedgerRecord> items) {
}
