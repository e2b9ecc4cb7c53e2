package org.guildhall.catalog.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.Lineage;
import org.guildhall.catalog.api.LineageEdge;

/**
 * An asset's lineage as a layered graph (upstream to the left, downstream to the right, up to {@link #DEPTH}
 * hops each way), drawn as SVG on the server: datasets → models → derived models. Every label is escaped; a
 * node links to its asset's page when the asset is in the catalogue.
 */
public final class LineageGraph {

    static final int DEPTH = 3;
    static final int MAX_NODES = 60;
    static final int W = 200;
    static final int H = 40;
    static final int GAP_X = 70;
    static final int GAP_Y = 18;

    record Node(AssetRef ref, boolean exists, int layer) {
    }

    record Edge(AssetRef from, AssetRef to, String relation) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<Edge> edges = new LinkedHashSet<>();

    private LineageGraph() {
    }

    /** Walks the lineage breadth-first from {@code start}; {@code lineage} answers for one asset (empty when unseen). */
    public static LineageGraph walk(AssetRef start, Function<AssetRef, Optional<Lineage>> lineage) {
        LineageGraph g = new LineageGraph();
        g.nodes.put(key(start), new Node(start, true, 0));
        List<Node> frontier = List.of(g.nodes.get(key(start)));
        for (int hop = 1; hop <= DEPTH && !frontier.isEmpty(); hop++) {
            List<Node> next = new ArrayList<>();
            for (Node n : frontier) {
                if (!n.exists()) {
                    continue;
                }
                Optional<Lineage> l = lineage.apply(n.ref());
                if (l.isEmpty()) {
                    continue;
                }
                if (n.layer() <= 0) {
                    for (LineageEdge e : l.get().upstream()) {
                        g.add(e.to(), e.exists(), n.layer() - 1, next);
                        g.edges.add(new Edge(e.to(), n.ref(), e.relation()));
                    }
                }
                if (n.layer() >= 0) {
                    for (LineageEdge e : l.get().downstream()) {
                        g.add(e.from(), true, n.layer() + 1, next);
                        g.edges.add(new Edge(n.ref(), e.from(), e.relation()));
                    }
                }
            }
            frontier = next;
        }
        return g;
    }

    private void add(AssetRef ref, boolean exists, int layer, List<Node> next) {
        if (nodes.size() >= MAX_NODES || nodes.containsKey(key(ref))) {
            return;
        }
        Node n = new Node(ref, exists, layer);
        nodes.put(key(ref), n);
        next.add(n);
    }

    static String key(AssetRef r) {
        return r.kind() + ":" + r.repoId().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isEmpty() {
        return edges.isEmpty();
    }

    public int size() {
        return nodes.size();
    }

    /** The graph as an SVG element; {@code href} gives a node's page link. */
    public String svg(AssetRef current, Function<AssetRef, String> href, String upstreamLabel, String downstreamLabel) {
        Map<Integer, List<Node>> layers = new java.util.TreeMap<>();
        nodes.values().forEach(n -> layers.computeIfAbsent(n.layer(), k -> new ArrayList<>()).add(n));
        int minLayer = layers.keySet().stream().min(Integer::compare).orElse(0);
        int rows = layers.values().stream().mapToInt(List::size).max().orElse(1);
        int width = layers.size() * (W + GAP_X) - GAP_X + 20;
        int height = rows * (H + GAP_Y) - GAP_Y + 50;
        Map<String, int[]> at = new HashMap<>();
        for (var layer : layers.entrySet()) {
            List<Node> col = layer.getValue();
            int x = 10 + (layer.getKey() - minLayer) * (W + GAP_X);
            int top = 40 + (rows - col.size()) * (H + GAP_Y) / 2;
            for (int i = 0; i < col.size(); i++) {
                at.put(key(col.get(i).ref()), new int[] {x, top + i * (H + GAP_Y)});
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gh-lineage-graph\" id=\"lineage-graph\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height).append("\">");
        s.append("<defs><marker id=\"gh-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#7a869a\"/></marker></defs>");
        if (minLayer < 0) {
            s.append("<text x=\"10\" y=\"18\" class=\"gh-lg-caption\">").append(esc(upstreamLabel)).append("</text>");
        }
        if (layers.keySet().stream().anyMatch(l -> l > 0)) {
            s.append("<text x=\"").append(width - 10).append("\" y=\"18\" text-anchor=\"end\" class=\"gh-lg-caption\">")
                    .append(esc(downstreamLabel)).append("</text>");
        }
        for (Edge e : edges) {
            int[] a = at.get(key(e.from()));
            int[] b = at.get(key(e.to()));
            if (a == null || b == null) {
                continue;
            }
            int x1 = a[0] + W;
            int y1 = a[1] + H / 2;
            int x2 = b[0];
            int y2 = b[1] + H / 2;
            int mid = (x1 + x2) / 2;
            s.append("<path class=\"gh-lg-edge gh-lg-").append(esc(e.relation())).append("\" d=\"M").append(x1).append(',').append(y1)
                    .append(" C").append(mid).append(',').append(y1).append(' ').append(mid).append(',').append(y2).append(' ')
                    .append(x2).append(',').append(y2).append("\" marker-end=\"url(#gh-arrow)\"/>");
        }
        for (Node n : nodes.values()) {
            int[] p = at.get(key(n.ref()));
            boolean self = key(n.ref()).equals(key(current));
            String cls = "gh-lg-node gh-lg-" + (n.ref().kind() == AssetKind.MODEL ? "model" : "dataset") + (self ? " gh-lg-self" : "")
                    + (n.exists() ? "" : " gh-lg-elsewhere");
            if (n.exists() && !self) {
                s.append("<a href=\"").append(esc(href.apply(n.ref()))).append("\">");
            }
            s.append("<g class=\"").append(cls).append("\" data-asset=\"").append(esc(n.ref().repoId())).append("\">");
            s.append("<rect x=\"").append(p[0]).append("\" y=\"").append(p[1]).append("\" width=\"").append(W).append("\" height=\"").append(H)
                    .append("\" rx=\"8\"/>");
            s.append("<text x=\"").append(p[0] + 10).append("\" y=\"").append(p[1] + 16).append("\" class=\"gh-lg-kind\">")
                    .append(n.ref().kind() == AssetKind.MODEL ? "model" : "dataset").append("</text>");
            s.append("<text x=\"").append(p[0] + 10).append("\" y=\"").append(p[1] + 32).append("\" class=\"gh-lg-name\">")
                    .append(esc(shorten(n.ref().repoId()))).append("<title>").append(esc(n.ref().repoId())).append("</title></text>");
            s.append("</g>");
            if (n.exists() && !self) {
                s.append("</a>");
            }
        }
        return s.append("</svg>").toString();
    }

    static String shorten(String s) {
        return s.length() <= 28 ? s : s.substring(0, 27) + "…";
    }

    /** XML text and attribute escaping (the five predefined entities). */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
