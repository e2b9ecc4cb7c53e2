package org.guildhall.catalog.api;

import java.util.UUID;

/** Fired inside the transaction that changed an asset; the search index follows after commit. */
public record AssetChanged(UUID assetId) {
}
