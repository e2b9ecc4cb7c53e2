package org.guildhall.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetSummary;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.api.SearchFacet;
import org.guildhall.catalog.api.SearchQuery;
import org.guildhall.catalog.api.SearchSort;

/** The home page's catalogue: trending models and datasets, and what was updated last. */
@Named
@RequestScoped
public class HomeView {

    private static final int SHOWN = 6;

    @Inject
    CatalogService catalog;

    public List<AssetSummary> getTrendingModels() {
        return trending(AssetKind.MODEL);
    }

    public List<AssetSummary> getTrendingDatasets() {
        return trending(AssetKind.DATASET);
    }

    public List<AssetSummary> getRecentlyUpdated() {
        return catalog.search(new SearchQuery("", Map.of(), SearchSort.UPDATED, 0, SHOWN)).hits();
    }

    private List<AssetSummary> trending(AssetKind kind) {
        return catalog.search(new SearchQuery("", Map.of(SearchFacet.KIND, Set.of(kind.name())), SearchSort.TRENDING, 0, SHOWN))
                .hits();
    }
}
