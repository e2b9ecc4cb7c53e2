package org.guildhall.catalog.api;

/** One value of a facet and how many assets have it. */
public record FacetCount(String value, long count) {
}
