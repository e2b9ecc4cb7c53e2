package org.guildhall.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesAndHashesTest {

    @Test
    void assetNamesFollowTheHubsRules() {
        assertThat(AssetName.problem("iris-flowers_v2.1")).isEmpty();
        assertThat(AssetName.problem("x".repeat(96))).isEmpty();
        assertThat(AssetName.problem("x".repeat(97))).get().asString().contains("96");
        assertThat(AssetName.problem("")).isPresent();
        assertThat(AssetName.problem("a b")).get().asString().contains("letters, digits");
        assertThat(AssetName.problem("a/b")).isPresent();
        assertThat(AssetName.problem("..")).isPresent();
        assertThat(AssetName.problem("héllo")).isPresent();
    }

    @Test
    void tagsCannotLookLikeRevisionsOrHashes() {
        assertThat(AssetName.tagProblem("v1.0")).isEmpty();
        assertThat(AssetName.tagProblem("main")).isPresent();
        assertThat(AssetName.tagProblem("r12")).isPresent();
        assertThat(AssetName.tagProblem("a".repeat(40))).isPresent();
        assertThat(AssetName.tagProblem("-x")).isPresent();
    }

    @Test
    void lookupKeysIgnoreCase() {
        assertThat(AssetName.lookupKey("MODEL", "Alice", "Net")).isEqualTo(AssetName.lookupKey("MODEL", "alice", "NET"));
        assertThat(AssetName.lookupKey("MODEL", "a", "n")).isNotEqualTo(AssetName.lookupKey("DATASET", "a", "n"));
    }

    @Test
    void theContentHashIsSha256OfTheSortedSha256sumManifest() throws Exception {
        Sha256 a = new Sha256("a".repeat(64));
        Sha256 b = new Sha256("b".repeat(64));
        String manifest = b.hex() + "  README.md\n" + a.hex() + "  data/x.csv\n" + a.hex() + "  data/\u00e9.csv\n";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest.getBytes(StandardCharsets.UTF_8)));
        assertThat(ContentHash.of(List.of(new ContentHash.Entry("data/\u00e9.csv", a), new ContentHash.Entry("data/x.csv", a),
                new ContentHash.Entry("README.md", b))).hex()).isEqualTo(expected);
    }

    @Test
    void theContentHashChangesWithAnyPathOrContent() {
        Sha256 a = new Sha256("a".repeat(64));
        Sha256 b = new Sha256("b".repeat(64));
        Sha256 base = ContentHash.of(List.of(new ContentHash.Entry("x", a)));
        assertThat(ContentHash.of(List.of(new ContentHash.Entry("y", a)))).isNotEqualTo(base);
        assertThat(ContentHash.of(List.of(new ContentHash.Entry("x", b)))).isNotEqualTo(base);
        assertThat(ContentHash.of(List.of(new ContentHash.Entry("x", a)))).isEqualTo(base);
    }
}
