package org.guildhall.catalog.api;

/** Orders of search results. With text, RELEVANCE is the default; without, TRENDING. */
public enum SearchSort {
    RELEVANCE, TRENDING, DOWNLOADS, LIKES, UPDATED
}
