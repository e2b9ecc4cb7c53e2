package org.guildhall.catalog.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hub's URL scheme on Guildhall: {@code /{owner}/{name}} (models) and {@code /datasets/{owner}/{name}}
 * are asset pages, {@code …/resolve/{rev}/{path}} downloads a file, {@code /api/models/…} and
 * {@code /api/datasets/…} answer repository info, and {@code /{user}} is a profile. Each is forwarded to the
 * page or REST endpoint that serves it, so that authorisation stays with that endpoint.
 */
@WebFilter(filterName = "hubRoutes", urlPatterns = "/*")
public class HubRoutes extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private static final String SEG = "([^/]+)";
    private static final Pattern API_INFO = Pattern.compile("/api/(models|datasets)/" + SEG + "/" + SEG + "(/revision/" + SEG + ")?/?");
    private static final Pattern RESOLVE = Pattern.compile("/(datasets/)?" + SEG + "/" + SEG + "/(?:resolve|raw)/" + SEG + "/(.+)");
    private static final Pattern DATASET_PAGE = Pattern.compile("/datasets/" + SEG + "/" + SEG + "/?");
    private static final Pattern MODEL_PAGE = Pattern.compile("/" + SEG + "/" + SEG + "/?");
    private static final Pattern PROFILE = Pattern.compile("/([A-Za-z0-9][A-Za-z0-9._@~-]{0,254})/?");
    /** First path segments that belong to Guildhall itself and never name an owner. */
    private static final Set<String> RESERVED = Set.of("api", "datasets", "models", "errors", "resources",
            "jakarta.faces.resource", "javax.faces.resource", "openapi", "health", "metrics", "ibm", "WEB-INF", "META-INF",
            "admin", "signin", "signout", "Callback", "error", "search", "me", "new", "upload", "ledger", "verify", "dao", "favicon.ico", "robots.txt");

    private final ConcurrentHashMap<String, Boolean> pages = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String target = route(path);
        if (target == null) {
            chain.doFilter(request, response);
        } else {
            // a forward's query string is the target's: carry the client's (such as ?blobs=true) over
            String query = request.getQueryString();
            request.getRequestDispatcher(query == null ? target : target + (target.contains("?") ? "&" : "?") + query)
                    .forward(request, response);
        }
    }

    /** Where a Hub-style path is served, or null when it is not one. Paths arrive still percent-encoded. */
    String route(String path) {
        if (path.endsWith(".xhtml") || path.startsWith("/api/v1/")) {
            return null;
        }
        Matcher m = API_INFO.matcher(path);
        if (m.matches()) {
            return "/api/v1/hub/" + m.group(1) + "/" + m.group(2) + "/" + m.group(3)
                    + (m.group(5) != null ? "/revision/" + m.group(5) : "") ;
        }
        m = RESOLVE.matcher(path);
        if (m.matches() && !reserved(m.group(1) != null ? "" : m.group(2))) {
            String kinds = m.group(1) != null ? "datasets" : "models";
            return "/api/v1/" + kinds + "/" + m.group(2) + "/" + m.group(3) + "/versions/" + m.group(4) + "/files/" + m.group(5);
        }
        m = DATASET_PAGE.matcher(path);
        if (m.matches()) {
            return page("DATASET", m.group(1), m.group(2));
        }
        m = MODEL_PAGE.matcher(path);
        if (m.matches() && !reserved(m.group(1))) {
            return page("MODEL", m.group(1), m.group(2));
        }
        m = PROFILE.matcher(path);
        if (m.matches() && !reserved(m.group(1)) && !isPage(m.group(1))) {
            return "/profile.xhtml?user=" + m.group(1);
        }
        return null;
    }

    private static String page(String kind, String owner, String name) {
        return "/asset.xhtml?kind=" + kind + "&owner=" + owner + "&name=" + name;
    }

    private static boolean reserved(String first) {
        return RESERVED.contains(first);
    }

    /**
     * Whether {@code /{name}} belongs to Guildhall itself: a Faces page, a static file, or a servlet mapped
     * there (sign-in, the error servlet, a test runner, anything registered later).
     */
    private boolean isPage(String name) {
        return pages.computeIfAbsent(name, n -> {
            try {
                return getServletContext().getResource("/" + n + ".xhtml") != null
                        || getServletContext().getResource("/" + n) != null
                        || getServletContext().getServletRegistrations().values().stream()
                                .flatMap(r -> r.getMappings().stream())
                                .anyMatch(m -> m.equals("/" + n) || m.startsWith("/" + n + "/"));
            } catch (java.net.MalformedURLException e) {
                return true;
            }
        });
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
