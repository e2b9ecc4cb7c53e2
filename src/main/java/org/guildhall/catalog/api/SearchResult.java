package org.guildhall.catalog.api;

import java.util.List;
import java.util.Map;

/**
 * A page of results, the total number of matches, and for each facet the counts of its values. The
 * counts of a facet ignore that facet's own filter (drill sideways), so that the other values stay
 * selectable.
 */
public record SearchResult(long total, List<AssetSummary> hits, Map<SearchFacet, List<FacetCount>> facets) {
}
