package org.guildhall.catalog.api;

import java.util.List;

/** A card's metadata (README.md front matter) in the Hub's terms; null or empty where the card is silent. */
public record CardInfo(String license, String task, List<String> tags, List<String> languages, List<String> datasets,
        List<String> baseModels, List<String> metrics) {

    public static final CardInfo EMPTY = new CardInfo(null, null, List.of(), List.of(), List.of(), List.of(), List.of());
}
