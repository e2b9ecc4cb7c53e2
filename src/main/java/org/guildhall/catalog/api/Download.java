package org.guildhall.catalog.api;

/** A file that may be served: the asset, the resolved version and the file. */
public record Download(AssetRef ref, VersionInfo version, FileInfo file) {
}
