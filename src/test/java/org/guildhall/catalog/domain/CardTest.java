package org.guildhall.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardTest {

    static final String IRIS_CARD = """
            ---
            license: cc0-1.0
            pipeline_tag: tabular-classification
            tags:
              - iris
              - botany
            language: en
            datasets:
              - guildhall/iris
            metrics: [accuracy]
            ---
            # Iris

            | feature | unit |
            |---|---|
            | sepal_length | cm |

            ```python
            print("hello")
            ```
            """;

    @Test
    void readsTheHubsFrontMatter() {
        ParsedCard card = CardParser.parse(IRIS_CARD);
        assertThat(card.problems()).isEmpty();
        CardMetadata m = card.metadata();
        assertThat(m.license()).contains("cc0-1.0");
        assertThat(m.task()).contains("tabular-classification");
        assertThat(m.tags()).containsExactly("iris", "botany");
        assertThat(m.languages()).containsExactly("en");
        assertThat(m.datasets()).containsExactly("guildhall/iris");
        assertThat(m.metrics()).containsExactly("accuracy");
        assertThat(card.body()).startsWith("# Iris");
    }

    @Test
    void aCardWithoutFrontMatterIsAllBody() {
        ParsedCard card = CardParser.parse("# Just text\n");
        assertThat(card.isValid()).isTrue();
        assertThat(card.metadata()).isEqualTo(CardMetadata.EMPTY);
        assertThat(card.body()).isEqualTo("# Just text\n");
    }

    @Test
    void reportsYamlErrorsWithTheirReadmeLine() {
        ParsedCard card = CardParser.parse("---\nlicense: mit\ntags: [a, b\n---\nbody\n");
        assertThat(card.problems()).hasSize(1);
        assertThat(card.problems().get(0).reason()).startsWith("YAML:");
        assertThat(card.problems().get(0).line()).isBetween(3, 5);
    }

    @Test
    void reportsWrongTypesAtTheKeysLine() {
        ParsedCard card = CardParser.parse("---\nlicense: mit\ntags:\n  nested: map\nlicense_name: x\n---\n");
        assertThat(card.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("tags").contains("nested mapping");
        });
        assertThat(CardParser.parse("---\nlicense: \"<script>\"\n---\n").problems())
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("SPDX"));
    }

    @Test
    void refusesDuplicateKeysAndAnUnclosedFrontMatter() {
        assertThat(CardParser.parse("---\nlicense: mit\nlicense: gpl-3.0\n---\n").problems()).isNotEmpty();
        assertThat(CardParser.parse("---\nlicense: mit\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("no closing"));
    }

    @Test
    void rendersTablesAndCode() {
        String html = CardRenderer.toSafeHtml(CardParser.parse(IRIS_CARD).body());
        assertThat(html).contains("<table>").contains("<td>sepal_length</td>")
                .contains("<code class=\"language-python\">").contains("print(&#34;hello&#34;)");
    }

    @Test
    void neutralisesScriptsHandlersJavascriptLinksAndSvg() {
        String html = CardRenderer.toSafeHtml("""
                <script>alert(1)</script>

                <img src="x.png" onerror="alert(2)">

                [click](javascript:alert(3))

                <a href="JaVaScRiPt:alert(4)">x</a>

                <svg onload="alert(5)"><circle/></svg>

                <iframe src="https://evil.example"></iframe>

                <p style="background:url(javascript:alert(6))">styled</p>

                [fine](https://huggingface.co)
                """);
        String lower = html.toLowerCase();
        assertThat(lower).doesNotContain("<script").doesNotContain("onerror").doesNotContain("href=\"javascript")
                .doesNotContain("<svg").doesNotContain("onload").doesNotContain("<iframe").doesNotContain("style=")
                .doesNotContain("alert(1)");
        assertThat(html).contains("<img src=\"x.png\" />").contains(">click<").contains("<p>styled</p>");
        assertThat(html).contains("href=\"https://huggingface.co\"").contains("rel=\"nofollow\"");
    }
}
