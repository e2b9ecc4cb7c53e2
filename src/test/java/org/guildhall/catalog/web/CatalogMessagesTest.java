package org.guildhall.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.SearchFacet;
import org.guildhall.catalog.api.SearchSort;
import org.guildhall.platform.web.Messages;
import org.junit.jupiter.api.Test;

/** The keys that the catalogue's pages build from enum names exist for every value. */
class CatalogMessagesTest {

    static final ResourceBundle BUNDLE = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH);

    @Test
    void everyFacetSortKindAndLineageRelationHasItsText() {
        for (SearchFacet f : SearchFacet.values()) {
            assertThat(BUNDLE.containsKey("search.facet." + f.param())).as(f.name()).isTrue();
        }
        for (SearchSort s : SearchSort.values()) {
            assertThat(BUNDLE.containsKey("search.sort." + s.name().toLowerCase(Locale.ROOT))).as(s.name()).isTrue();
        }
        for (AssetKind k : AssetKind.values()) {
            assertThat(BUNDLE.containsKey("catalog.kind." + k.name())).as(k.name()).isTrue();
        }
        for (String relation : new String[] {"DATASET", "BASE_MODEL"}) {
            assertThat(BUNDLE.containsKey("asset.lineage." + relation)).isTrue();
            assertThat(BUNDLE.containsKey("asset.lineage.used." + relation)).isTrue();
        }
    }
}
