package org.guildhall.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.Lineage;
import org.guildhall.catalog.api.LineageEdge;
import org.junit.jupiter.api.Test;

class LineageGraphTest {

    static final AssetRef IRIS = new AssetRef(AssetKind.DATASET, "alice", "iris");
    static final AssetRef WINE = new AssetRef(AssetKind.DATASET, "alice", "wine");
    static final AssetRef MODEL = new AssetRef(AssetKind.MODEL, "carol", "flowers");
    static final AssetRef TUNED = new AssetRef(AssetKind.MODEL, "bob", "flowers-tuned");
    static final AssetRef EVIL = new AssetRef(AssetKind.DATASET, "mallory", "<script>x</script>\"&'");

    static final Map<AssetRef, Lineage> DECLARED = Map.of(
            MODEL, new Lineage(List.of(new LineageEdge("DATASET", MODEL, IRIS, true), new LineageEdge("DATASET", MODEL, WINE, true),
                    new LineageEdge("DATASET", MODEL, EVIL, false)), List.of(new LineageEdge("BASE_MODEL", TUNED, MODEL, true))),
            IRIS, new Lineage(List.of(), List.of(new LineageEdge("DATASET", MODEL, IRIS, true))),
            TUNED, new Lineage(List.of(new LineageEdge("BASE_MODEL", TUNED, MODEL, true)), List.of()));

    @Test
    void drawsDatasetsModelsAndDerivedModelsInLayersWithLinksForAssetsInTheCatalogue() {
        LineageGraph g = LineageGraph.walk(IRIS, r -> Optional.ofNullable(DECLARED.get(r)));
        // iris → flowers → flowers-tuned, two hops downstream
        assertThat(g.size()).isEqualTo(3);
        String svg = g.svg(IRIS, r -> "/p" + r.pagePath(), "Comes from", "Used by");
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("href=\"/p/carol/flowers\"").contains("href=\"/p/bob/flowers-tuned\"")
                .contains("gh-lg-self").doesNotContain("href=\"/p/datasets/alice/iris\"");

        LineageGraph fromModel = LineageGraph.walk(MODEL, r -> Optional.ofNullable(DECLARED.get(r)));
        assertThat(fromModel.size()).isEqualTo(5);
        String modelSvg = fromModel.svg(MODEL, r -> "/p" + r.pagePath(), "Comes from", "Used by");
        assertThat(modelSvg).contains("Comes from").contains("Used by").contains("gh-lg-elsewhere");
    }

    @Test
    void namesAreEscapedSoThatACardCannotInjectMarkup() {
        String svg = LineageGraph.walk(MODEL, r -> Optional.ofNullable(DECLARED.get(r))).svg(MODEL, r -> "/p" + r.pagePath(), "<b>up</b>", "down");
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script&gt;").contains("&quot;&amp;&#39;");
    }

    @Test
    void anAssetWithoutLineageHasNoGraph() {
        assertThat(LineageGraph.walk(WINE, r -> Optional.empty()).isEmpty()).isTrue();
    }
}
