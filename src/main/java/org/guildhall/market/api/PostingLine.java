package org.guildhall.market.api;

import java.time.Instant;
import java.util.UUID;

/** One posting to an account: the movement it belongs to, its kind and memo, and the signed amount. */
public record PostingLine(UUID journalId, String kind, String memo, Money amount, Instant at, Long ledgerSeq) {
}
