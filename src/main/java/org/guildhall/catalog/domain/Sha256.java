package org.guildhall.catalog.domain;

import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 digest as 64 lowercase hexadecimal characters: the key of every stored file. */
public record Sha256(String hex) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("A SHA-256 digest is 64 lowercase hexadecimal characters.");
        }
    }

    public static Sha256 of(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    /** Accepts upper-case input from clients, as long as it is a digest. */
    public static Sha256 parse(String text) {
        return new Sha256(text == null ? null : text.trim().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return hex;
    }
}
