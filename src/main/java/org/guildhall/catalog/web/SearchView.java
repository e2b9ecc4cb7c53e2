package org.guildhall.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.AssetSummary;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.api.FacetCount;
import org.guildhall.catalog.api.SearchFacet;
import org.guildhall.catalog.api.SearchQuery;
import org.guildhall.catalog.api.SearchResult;
import org.guildhall.catalog.api.SearchSort;

/**
 * The search pages ({@code /search}, {@code /models}, {@code /datasets}): everything is in the URL, so a
 * result page can be bookmarked and shared, and every facet, order and page is a plain link.
 */
@Named
@RequestScoped
public class SearchView {

    public static final int PAGE_SIZE = 20;
    /** Values per facet in the sidebar; the search box finds the others. */
    public static final int FACET_VALUES_SHOWN = 10;
    private static final int MAX_PAGE = 500;

    /** A facet value as a link that adds or removes it. */
    public record FacetLink(String value, long count, boolean selected, String href) {
    }

    /** A facet's heading key and its values. */
    public record FacetGroup(String param, String titleKey, List<FacetLink> values) {
    }

    /** An order or page as a link. */
    public record Link(String label, String href, boolean selected) {
    }

    @Inject
    CatalogService catalog;

    private String basePath;
    private AssetKind fixedKind;
    private String q;
    private Map<SearchFacet, Set<String>> filters;
    private SearchSort sort;
    private int page;
    private SearchResult result;

    private void read() {
        if (filters != null) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        fixedKind = uri.startsWith("/models") ? AssetKind.MODEL : uri.startsWith("/datasets") ? AssetKind.DATASET : null;
        basePath = request.getContextPath() + (fixedKind == null ? "/search" : "/" + fixedKind.plural());
        Map<String, String[]> params = faces.getExternalContext().getRequestParameterValuesMap();
        q = first(params, "q");
        if (q.length() > 200) {
            q = q.substring(0, 200);
        }
        filters = new EnumMap<>(SearchFacet.class);
        for (SearchFacet f : SearchFacet.values()) {
            Set<String> values = new LinkedHashSet<>();
            for (String v : params.getOrDefault(f.param(), new String[0])) {
                if (v != null && !v.isBlank() && v.length() <= 200 && values.size() < 20) {
                    values.add(f == SearchFacet.KIND ? AssetKind.parse(v).map(Enum::name).orElse(v) : v);
                }
            }
            filters.put(f, values);
        }
        if (fixedKind != null) {
            filters.put(SearchFacet.KIND, Set.of(fixedKind.name()));
        }
        String s = first(params, "sort").toUpperCase(Locale.ROOT);
        sort = Arrays.stream(SearchSort.values()).filter(x -> x.name().equals(s)).findFirst()
                .orElse(q.isEmpty() ? SearchSort.TRENDING : SearchSort.RELEVANCE);
        try {
            page = Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(first(params, "p").isEmpty() ? "1" : first(params, "p"))));
        } catch (NumberFormatException e) {
            page = 1;
        }
    }

    public SearchResult getResult() {
        read();
        if (result == null) {
            result = catalog.search(new SearchQuery(q, filters, sort, (page - 1) * PAGE_SIZE, PAGE_SIZE));
        }
        return result;
    }

    public String getQ() {
        read();
        return q;
    }

    public AssetKind getFixedKind() {
        read();
        return fixedKind;
    }

    public String getBasePath() {
        read();
        return basePath;
    }

    public List<AssetSummary> getHits() {
        return getResult().hits();
    }

    public List<FacetGroup> getFacets() {
        SearchResult r = getResult();
        List<FacetGroup> groups = new ArrayList<>();
        for (SearchFacet f : SearchFacet.values()) {
            if (f == SearchFacet.KIND && fixedKind != null) {
                continue;
            }
            List<FacetLink> links = new ArrayList<>();
            Set<String> selected = filters.get(f);
            List<FacetCount> counts = r.facets().getOrDefault(f, List.of());
            int shown = 0;
            for (FacetCount c : counts) {
                boolean on = selected.contains(c.value());
                // the most frequent values, as on the Hub; a selected one always shows, so that it can be removed
                if (on || shown < FACET_VALUES_SHOWN) {
                    links.add(new FacetLink(c.value(), c.count(), on, href(toggle(f, c.value()), sort, 1)));
                    shown += on ? 0 : 1;
                }
            }
            // a selected value without matches still shows, so that it can be removed
            for (String s : selected) {
                if (counts.stream().noneMatch(c -> c.value().equals(s))) {
                    links.add(new FacetLink(s, 0, true, href(toggle(f, s), sort, 1)));
                }
            }
            if (!links.isEmpty()) {
                groups.add(new FacetGroup(f.param(), "search.facet." + f.param(), links));
            }
        }
        return groups;
    }

    public List<Link> getSorts() {
        read();
        List<Link> links = new ArrayList<>();
        for (SearchSort s : SearchSort.values()) {
            if (s == SearchSort.RELEVANCE && q.isEmpty()) {
                continue;
            }
            links.add(new Link("search.sort." + s.name().toLowerCase(Locale.ROOT), href(filters, s, 1), s == sort));
        }
        return links;
    }

    public List<Link> getPages() {
        long total = getResult().total();
        int last = (int) Math.min(MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Link> links = new ArrayList<>();
        if (last <= 1) {
            return links;
        }
        for (int p = Math.max(1, page - 3); p <= Math.min(last, page + 3); p++) {
            links.add(new Link(Integer.toString(p), href(filters, sort, p), p == page));
        }
        return links;
    }

    public boolean isFiltered() {
        read();
        return !q.isEmpty() || filters.entrySet().stream()
                .anyMatch(e -> !e.getValue().isEmpty() && !(e.getKey() == SearchFacet.KIND && fixedKind != null));
    }

    public String getClearHref() {
        read();
        return basePath;
    }

    public String pagePath(AssetSummary a) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + new AssetRef(a.kind(), a.owner(), a.name()).pagePath();
    }

    private Map<SearchFacet, Set<String>> toggle(SearchFacet f, String value) {
        Map<SearchFacet, Set<String>> copy = new EnumMap<>(SearchFacet.class);
        filters.forEach((k, v) -> copy.put(k, new LinkedHashSet<>(v)));
        if (!copy.get(f).remove(value)) {
            copy.get(f).add(value);
        }
        return copy;
    }

    private String href(Map<SearchFacet, Set<String>> f, SearchSort s, int p) {
        StringBuilder sb = new StringBuilder(basePath);
        char sep = '?';
        if (!q.isEmpty()) {
            sb.append(sep).append("q=").append(enc(q));
            sep = '&';
        }
        for (var e : f.entrySet()) {
            if (e.getKey() == SearchFacet.KIND && fixedKind != null) {
                continue;
            }
            for (String v : e.getValue()) {
                sb.append(sep).append(e.getKey().param()).append('=').append(enc(v));
                sep = '&';
            }
        }
        if (s != (q.isEmpty() ? SearchSort.TRENDING : SearchSort.RELEVANCE)) {
            sb.append(sep).append("sort=").append(s.name().toLowerCase(Locale.ROOT));
            sep = '&';
        }
        if (p > 1) {
            sb.append(sep).append("p=").append(p);
        }
        return sb.toString();
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 || v[0] == null ? "" : v[0].strip();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
