package org.guildhall.catalog.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The content hash of a version: SHA-256 over its manifest in {@code sha256sum} format — one line
 * {@code <sha256 hex><two spaces><path>\n} per file, sorted by the path's UTF-8 bytes. Anyone can
 * recompute it from a copy of the files:
 * {@code find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum}.
 */
public final class ContentHash {

    /** A file as the manifest lists it. */
    public record Entry(String path, Sha256 sha256) {
    }

    private static final Comparator<byte[]> BYTEWISE = Arrays::compareUnsigned;

    private ContentHash() {
    }

    public static Sha256 of(List<Entry> files) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        files.stream().sorted(Comparator.comparing(e -> e.path().getBytes(StandardCharsets.UTF_8), BYTEWISE))
                .forEach(e -> digest.update((e.sha256().hex() + "  " + e.path() + "\n").getBytes(StandardCharsets.UTF_8)));
        return Sha256.of(digest.digest());
    }
}
