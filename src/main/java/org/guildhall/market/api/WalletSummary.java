package org.guildhall.market.api;

import java.util.List;

/** A member's money: the balance (derived from postings) and the latest postings, newest first. */
public record WalletSummary(Money balance, long postingCount, List<PostingLine> postings) {
}
