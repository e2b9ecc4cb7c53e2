package org.guildhall.platform.web;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import java.util.Set;
import java.util.TreeSet;
import org.owasp.html.HtmlChangeListener;

/**
 * Markdown to HTML that is safe to show: CommonMark with tables, then an allow-list sanitiser. Scripts, event
 * handlers, styles, iframes, SVG and {@code javascript:} links never survive; {@link #unsafeParts} names what the
 * sanitiser would remove, for inputs that must be refused rather than quietly cleaned.
 */
public final class SafeMarkdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS).and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "del", "details", "summary")
                    .allowAttributes("class").matching(java.util.regex.Pattern.compile("language-[A-Za-z0-9_+-]{1,32}"))
                    .onElements("code")
                    .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
                    .toFactory());

    private SafeMarkdown() {
    }

    public static String toSafeHtml(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }

    /** The elements ({@code <script>}) and attributes ({@code onclick on <img>}) the sanitiser removes; empty when nothing is unsafe. */
    public static Set<String> unsafeParts(String markdown) {
        Set<String> found = new TreeSet<>();
        POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)), new HtmlChangeListener<Set<String>>() {
            @Override
            public void discardedTag(Set<String> into, String elementName) {
                into.add("<" + elementName + ">");
            }

            @Override
            public void discardedAttributes(Set<String> into, String tagName, String... attributeNames) {
                for (String a : attributeNames) {
                    into.add(a + " on <" + tagName + ">");
                }
            }
        }, found);
        return found;
    }
}
