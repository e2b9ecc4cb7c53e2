package org.guildhall.catalog.domain;

import java.util.List;
import java.util.Optional;

/** The Hub's card metadata that Guildhall understands (README.md front matter). */
public record CardMetadata(Optional<String> license, Optional<String> task, List<String> tags, List<String> languages,
        List<String> datasets, List<String> baseModels, List<String> metrics) {

    public static final CardMetadata EMPTY = new CardMetadata(Optional.empty(), Optional.empty(), List.of(), List.of(),
            List.of(), List.of(), List.of());
}
