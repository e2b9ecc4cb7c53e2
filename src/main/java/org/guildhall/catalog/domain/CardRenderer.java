package org.guildhall.catalog.domain;

import org.guildhall.platform.web.SafeMarkdown;

/**
 * Markdown of a card to HTML that is safe to show (see {@link SafeMarkdown}): scripts, event handlers, styles,
 * iframes, SVG and {@code javascript:} links never survive.
 */
public final class CardRenderer {

    private CardRenderer() {
    }

    public static String toSafeHtml(String markdown) {
        return SafeMarkdown.toSafeHtml(markdown);
    }
}
