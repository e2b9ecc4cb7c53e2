package org.guildhall.catalog.api;

/** The result of an upload into a draft: the file, whether its content was new to the store, and the draft. */
public record UploadedFile(FileInfo file, boolean newContent, VersionInfo draft) {
}
