package org.guildhall.market.api;

import java.util.UUID;

/** A co-owner's share of an asset's proceeds, in basis points (all shares of an asset sum to 10,000). */
public record Share(UUID accountId, String username, int bps) {
}
