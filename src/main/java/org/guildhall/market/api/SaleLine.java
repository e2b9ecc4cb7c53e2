package org.guildhall.market.api;

import java.time.Instant;
import java.util.UUID;
import org.guildhall.catalog.api.AssetRef;

/** A sale ({@code licence}) or metered use ({@code use}) that paid an owner: the owner's part after the fee and the co-owners. */
public record SaleLine(UUID journalId, Instant at, AssetRef ref, String kind, Money earned, Long ledgerSeq) {
}
