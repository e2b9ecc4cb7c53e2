package org.guildhall.catalog.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A catalogue search: optional free text, facet filters (values of one facet are OR-ed, facets are
 * AND-ed), an order and a page.
 */
public record SearchQuery(String text, Map<SearchFacet, Set<String>> filters, SearchSort sort, int offset, int limit) {

    public static final int MAX_LIMIT = 100;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        EnumMap<SearchFacet, Set<String>> copy = new EnumMap<>(SearchFacet.class);
        filters.forEach((facet, values) -> {
            if (values != null && !values.isEmpty()) {
                copy.put(facet, Set.copyOf(values));
            }
        });
        filters = Map.copyOf(copy);
        if (sort == null) {
            sort = text.isEmpty() ? SearchSort.TRENDING : SearchSort.RELEVANCE;
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static SearchQuery all(int limit) {
        return new SearchQuery("", Map.of(), null, 0, limit);
    }
}
