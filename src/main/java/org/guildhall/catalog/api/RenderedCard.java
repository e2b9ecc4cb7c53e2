package org.guildhall.catalog.api;

import java.util.List;

/** A card as a page shows it: the Markdown body as sanitised HTML, its metadata, and its problems by line. */
public record RenderedCard(String html, CardInfo card, List<String> problems) {
}
