package org.guildhall.catalog.api;

import java.util.Locale;
import java.util.Optional;

/** What an asset is. The set stays open: training adds RECIPE. */
public enum AssetKind {
    DATASET("datasets"),
    MODEL("models");

    private final String plural;

    AssetKind(String plural) {
        this.plural = plural;
    }

    /** The word used in URLs and the Hub's API ({@code datasets}, {@code models}). */
    public String plural() {
        return plural;
    }

    public static Optional<AssetKind> fromPlural(String s) {
        for (AssetKind k : values()) {
            if (k.plural.equals(s)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<AssetKind> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String u = s.strip().toUpperCase(Locale.ROOT);
        for (AssetKind k : values()) {
            if (k.name().equals(u) || k.plural.toUpperCase(Locale.ROOT).equals(u)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
