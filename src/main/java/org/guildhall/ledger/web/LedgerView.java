package org.guildhall.ledger.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.identity.api.AccountProfile;
import org.guildhall.identity.api.AccountService;
import org.guildhall.ledger.api.BatchRecord;
import org.guildhall.ledger.api.EntryPage;
import org.guildhall.ledger.api.EntryQuery;
import org.guildhall.ledger.api.EntryTypes;
import org.guildhall.ledger.api.LedgerRecord;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.ledger.api.LedgerStats;

/**
 * The public ledger page ({@code /ledger}): the latest batches with their roots and chain transactions, and an
 * entry browser whose filters (type, account, asset) and pages are plain links.
 */
@Named
@RequestScoped
public class LedgerView {

    public static final int PAGE_SIZE = 25;
    public static final List<String> TYPES = List.of(EntryTypes.ACCOUNT_JOINED, EntryTypes.WALLET_LINKED, EntryTypes.ASSET_REGISTERED,
            EntryTypes.VERSION_PUBLISHED, EntryTypes.LINEAGE_DECLARED);

    @Inject
    LedgerService ledger;

    @Inject
    AccountService accounts;

    @Inject
    CatalogService catalog;

    private String type = "";
    private String account = "";
    private String asset = "";
    private int page;
    private String filterProblem;
    private EntryPage entries;
    private final Map<UUID, String> names = new HashMap<>();

    private void load() {
        if (entries != null) {
            return;
        }
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        type = clean(params.get("type"), 64);
        account = clean(params.get("account"), 255);
        asset = clean(params.get("asset"), 400);
        try {
            page = Math.max(0, Math.min(10_000, Integer.parseInt(clean(params.get("page"), 6))));
        } catch (NumberFormatException e) {
            page = 0;
        }
        UUID actor = null;
        UUID assetId = null;
        if (!account.isEmpty()) {
            actor = accounts.findByUsername(account).map(AccountProfile::id).orElse(null);
            if (actor == null) {
                filterProblem = "ledger.filter.noAccount";
            }
        }
        if (!asset.isEmpty() && filterProblem == null) {
            assetId = assetId(asset).orElse(null);
            if (assetId == null) {
                filterProblem = "ledger.filter.noAsset";
            }
        }
        entries = filterProblem != null ? new EntryPage(0, 0, PAGE_SIZE, List.of())
                : ledger.entries(new EntryQuery(type.isEmpty() ? null : type, actor, assetId, page * PAGE_SIZE, PAGE_SIZE));
    }

    /** {@code datasets/alice/iris} or {@code models/alice/iris-classifier}. */
    private Optional<UUID> assetId(String text) {
        String[] parts = text.split("/");
        if (parts.length != 3) {
            return Optional.empty();
        }
        return AssetKind.parse(parts[0]).flatMap(k -> catalog.find(new AssetRef(k, parts[1], parts[2]), Optional.empty())).map(a -> a.id());
    }

    private static String clean(String value, int max) {
        String v = value == null ? "" : value.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    private LedgerStats stats;

    public LedgerStats getStats() {
        if (stats == null) {
            stats = ledger.stats();
        }
        return stats;
    }

    private List<BatchRecord> recentBatches;

    /** The latest forty batches, newest first, read once for the chart and the table. */
    private List<BatchRecord> recent() {
        if (recentBatches == null) {
            recentBatches = ledger.batches(0, 40);
        }
        return recentBatches;
    }

    public List<BatchRecord> getBatches() {
        return recent().subList(0, Math.min(10, recent().size()));
    }

    /**
     * The latest batches as a bar chart (SVG drawn here, no script): one bar per batch, its height the entry
     * count, its colour the anchoring state. Only numbers and state names go into it.
     */
    public String getBatchChart() {
        List<BatchRecord> recent = new ArrayList<>(recent());
        if (recent.isEmpty()) {
            return "";
        }
        java.util.Collections.reverse(recent);
        int w = 14;
        int gap = 4;
        int h = 90;
        long max = recent.stream().mapToLong(BatchRecord::entryCount).max().orElse(1);
        int width = recent.size() * (w + gap) + 40;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gh-batch-chart\" id=\"batch-chart\" role=\"img\" ")
                .append("viewBox=\"0 0 ").append(width).append(' ').append(h + 30).append("\" width=\"").append(width)
                .append("\" height=\"").append(h + 30).append("\">");
        svg.append("<text x=\"0\" y=\"10\" class=\"gh-bc-axis\">").append(max).append("</text>");
        svg.append("<line x1=\"34\" y1=\"").append(h + 10).append("\" x2=\"").append(width).append("\" y2=\"").append(h + 10)
                .append("\" class=\"gh-bc-base\"/>");
        int x = 38;
        for (BatchRecord b : recent) {
            int bar = (int) Math.max(2, Math.round((double) b.entryCount() * h / max));
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(h + 10 - bar).append("\" width=\"").append(w)
                    .append("\" height=\"").append(bar).append("\" class=\"gh-bc-").append(b.state()).append("\" data-batch=\"")
                    .append(b.batchNo()).append("\"><title>").append(b.batchNo()).append(": ").append(b.entryCount()).append(" · ")
                    .append(b.state()).append("</title></rect>");
            x += w + gap;
        }
        svg.append("<text x=\"38\" y=\"").append(h + 26).append("\" class=\"gh-bc-axis\">").append(recent.get(0).batchNo())
                .append("</text><text x=\"").append(x - gap).append("\" y=\"").append(h + 26).append("\" text-anchor=\"end\" class=\"gh-bc-axis\">")
                .append(recent.get(recent.size() - 1).batchNo()).append("</text>");
        return svg.append("</svg>").toString();
    }

    public EntryPage getEntries() {
        load();
        return entries;
    }

    public String getType() {
        load();
        return type;
    }

    public String getAccount() {
        load();
        return account;
    }

    public String getAsset() {
        load();
        return asset;
    }

    public String getFilterProblem() {
        load();
        return filterProblem;
    }

    /**
     * The type filter's options, the chosen one selected. (A Facelets attribute that evaluates to null still
     * renders, so {@code selected} cannot be written conditionally in the page.) The types are constants.
     */
    public String getTypeOptions() {
        load();
        StringBuilder b = new StringBuilder();
        for (String t : TYPES) {
            b.append("<option value=\"").append(t).append('"').append(t.equals(type) ? " selected=\"selected\"" : "").append('>')
                    .append(t).append("</option>");
        }
        return b.toString();
    }

    /** The user name of an entry's actor, for display (the ledger itself keeps only the account id). */
    public String actorName(LedgerRecord e) {
        return e.actor() == null ? "" : names.computeIfAbsent(e.actor(),
                id -> accounts.findById(id).map(AccountProfile::username).orElse(id.toString().substring(0, 8)));
    }

    public String pageHref(int p) {
        load();
        StringBuilder href = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()).append("/ledger?");
        List<String> parts = new ArrayList<>();
        if (!type.isEmpty()) {
            parts.add("type=" + enc(type));
        }
        if (!account.isEmpty()) {
            parts.add("account=" + enc(account));
        }
        if (!asset.isEmpty()) {
            parts.add("asset=" + enc(asset));
        }
        if (p > 0) {
            parts.add("page=" + p);
        }
        return href.append(String.join("&", parts)).toString();
    }

    public int getPage() {
        load();
        return page;
    }

    public boolean isHasNext() {
        load();
        return (long) (page + 1) * PAGE_SIZE < entries.total();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static String shortHash(String hex) {
        return hex == null ? "" : hex.length() <= 14 ? hex : hex.substring(0, 10) + "…" + hex.substring(hex.length() - 4);
    }

    public String hash(String hex) {
        return shortHash(hex);
    }
}
