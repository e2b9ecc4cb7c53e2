package org.guildhall.catalog.domain;

import java.util.List;

/** A README.md split into its metadata and its Markdown body, with every front-matter problem found. */
public record ParsedCard(CardMetadata metadata, String body, List<CardProblem> problems) {

    public boolean isValid() {
        return problems.isEmpty();
    }
}
