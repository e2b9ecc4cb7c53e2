package org.guildhall.catalog.api;

/** The facets of catalogue search; each has counts and can filter results. */
public enum SearchFacet {
    KIND("kind"),
    TASK("task"),
    LICENSE("license"),
    LANGUAGE("language"),
    TAG("tag"),
    OWNER("owner");

    private final String param;

    SearchFacet(String param) {
        this.param = param;
    }

    /** The query parameter name in URLs and the API. */
    public String param() {
        return param;
    }
}
