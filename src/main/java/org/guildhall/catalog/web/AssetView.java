package org.guildhall.catalog.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.guildhall.catalog.api.AssetDetails;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.api.DatasetPreview;
import org.guildhall.catalog.api.FileInfo;
import org.guildhall.catalog.api.Lineage;
import org.guildhall.catalog.api.VersionDetails;
import org.guildhall.catalog.api.VersionInfo;
import org.guildhall.catalog.application.Actors;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.web.Messages;

/**
 * The asset page: card, files, versions, preview and lineage of one version ({@code rev}, default main).
 * Reached as {@code /{owner}/{name}} or {@code /datasets/{owner}/{name}} through {@link HubRoutes}.
 */
@Named
@ViewScoped
public class AssetView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final List<String> TABS = List.of("card", "files", "versions", "preview", "lineage", "provenance", "offers");

    @Inject
    CatalogService catalog;

    @Inject
    Actors actors;

    private String kind;
    private String owner;
    private String name;
    private String rev;
    private String tab;
    private String file;

    private AssetRef ref;
    private AssetDetails asset;
    private transient VersionDetails version;
    private transient List<VersionInfo> versions;
    private transient Lineage lineage;
    private transient String cardHtml;
    private transient List<String> previewFiles;
    private transient DatasetPreview preview;

    /** Loads the asset for the view parameters; an unknown or invisible asset is a 404 page. */
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.isPostback() && asset != null) {
            return;
        }
        Optional<AssetKind> k = AssetKind.parse(kind);
        if (k.isEmpty() || owner == null || name == null) {
            notFound(faces);
            return;
        }
        ref = new AssetRef(k.get(), owner, name);
        Optional<AssetDetails> found = catalog.find(ref, actors.viewer());
        if (found.isEmpty()) {
            notFound(faces);
            return;
        }
        asset = found.get();
        ref = asset.ref();
        if (tab == null || !TABS.contains(tab)) {
            tab = "card";
        }
    }

    /** The page shows "not found" in place with status 404 (see not-found.xhtml for why not sendError). */
    private void notFound(FacesContext faces) {
        asset = null;
        faces.getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
    }

    public AssetDetails getAsset() {
        return asset;
    }

    public AssetRef getRef() {
        return ref;
    }

    /** The version shown: {@code rev}, or main, or the owner's draft when nothing is published yet. */
    public VersionDetails getVersion() {
        if (version == null && asset != null) {
            String wanted = rev != null && !rev.isBlank() ? rev : asset.published() ? "main" : "draft";
            try {
                version = catalog.version(ref, wanted, actors.viewer());
            } catch (RejectedException e) {
                version = null;
            }
        }
        return version;
    }

    public boolean isVersionMissing() {
        return getVersion() == null;
    }

    public List<VersionInfo> getVersions() {
        if (versions == null && asset != null) {
            versions = catalog.versions(ref, actors.viewer());
        }
        return versions;
    }

    public Lineage getLineage() {
        if (lineage == null && asset != null) {
            lineage = catalog.lineage(ref, actors.viewer());
        }
        return lineage;
    }

    /** The card's Markdown body as sanitised HTML (no script, no event handlers, no javascript: links). */
    public String getCardHtml() {
        if (cardHtml == null) {
            VersionDetails v = getVersion();
            cardHtml = v == null || v.cardMarkdown().isEmpty() ? "" : catalog.render(v.cardMarkdown()).html();
        }
        return cardHtml;
    }

    public List<String> getPreviewFiles() {
        if (previewFiles == null) {
            VersionDetails v = getVersion();
            previewFiles = v == null ? List.of() : catalog.previewable(ref, v.version().draft() ? "draft" : "r" + v.version().revision(),
                    actors.viewer());
        }
        return previewFiles;
    }

    /** The preview of the chosen file ({@code file}), or of the first file that has one. */
    public DatasetPreview getPreview() {
        if (preview == null) {
            VersionDetails v = getVersion();
            String path = file != null && !file.isBlank() ? file : getPreviewFiles().stream().findFirst().orElse(null);
            if (v == null || path == null) {
                return null;
            }
            try {
                preview = catalog.preview(ref, v.version().draft() ? "draft" : "r" + v.version().revision(), path, actors.viewer());
            } catch (RejectedException e) {
                preview = new DatasetPreview(path, null, List.of(), List.of(), false, e.getMessage());
            }
        }
        return preview;
    }

    public String previewHref(String path) {
        return tabHref("preview") + "&file=" + enc(path);
    }

    public void toggleLike() {
        if (actors.viewer().isPresent()) {
            asset = catalog.like(actors.actor(), ref, !asset.liked());
        }
    }

    /** The lineage as an SVG graph (datasets → models → derived models), or empty when nothing is declared. */
    public String getLineageSvg() {
        if (lineageSvg == null) {
            lineageSvg = asset == null ? "" : drawLineage();
        }
        return lineageSvg;
    }

    private transient String lineageSvg;

    private String drawLineage() {
        LineageGraph graph = LineageGraph.walk(ref, r -> {
            try {
                return java.util.Optional.of(catalog.lineage(r, actors.viewer()));
            } catch (RejectedException notVisible) {
                return java.util.Optional.empty();
            }
        });
        if (graph.isEmpty()) {
            return "";
        }
        java.util.Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return graph.svg(ref, this::pagePath, Messages.format(locale, "asset.lineage.upstream"),
                Messages.format(locale, "asset.lineage.downstream"));
    }

    public String pagePath(AssetRef r) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + r.pagePath();
    }

    public String tabHref(String t) {
        return pagePath(ref) + "?tab=" + t + (rev != null && !rev.isBlank() ? "&rev=" + enc(rev) : "");
    }

    public String versionHref(VersionInfo v) {
        return pagePath(ref) + "?tab=files&rev=" + (v.draft() ? "draft" : "r" + v.revision());
    }

    /** The Hub-style download URL of a file of the shown version. */
    public String downloadHref(FileInfo f) {
        VersionInfo v = getVersion().version();
        String r = v.draft() ? "draft" : "r" + v.revision();
        String path = Arrays.stream(f.path().split("/")).map(AssetView::enc).collect(Collectors.joining("/"));
        return pagePath(ref) + "/resolve/" + r + "/" + path;
    }

    public String getCloneSnippet() {
        String type = ref.kind() == AssetKind.DATASET ? ", repo_type=\"dataset\"" : "";
        return "from huggingface_hub import snapshot_download\nsnapshot_download(\"" + ref.repoId() + "\"" + type
                + ", endpoint=\"<this server's address>\")";
    }

    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int i = -1;
        do {
            v /= 1024;
            i++;
        } while (v >= 1024 && i < units.length - 1);
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[i]);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRev() {
        return rev;
    }

    public void setRev(String rev) {
        this.rev = rev;
    }

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }
}
