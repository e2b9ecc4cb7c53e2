package org.guildhall.catalog.api;

/** A file of a version: path, SHA-256 (lowercase hex) and size in bytes. */
public record FileInfo(String path, String sha256, long size) {
}
