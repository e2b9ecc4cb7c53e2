package org.guildhall.catalog.api;

import java.util.UUID;

/** A file that may be served: the asset (with its owner), the resolved version and the file. */
public record Download(UUID assetId, UUID ownerId, AssetRef ref, VersionInfo version, FileInfo file) {
}
