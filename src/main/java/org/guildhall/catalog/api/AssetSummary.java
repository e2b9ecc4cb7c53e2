package org.guildhall.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a result card shows of an asset, and what the search index keeps of it. {@code cardText} is the
 * card's Markdown body (searched, not shown); {@code recentDownloads} and {@code recentLikes} count the
 * last seven days and drive trending.
 */
public record AssetSummary(UUID id, AssetKind kind, String owner, String name, String summary, String task, String license,
        List<String> languages, List<String> tags, long downloads, long likes, long recentDownloads, long recentLikes,
        Instant updatedAt, String cardText) {

    public AssetSummary {
        languages = List.copyOf(languages);
        tags = List.copyOf(tags);
        summary = summary == null ? "" : summary;
        cardText = cardText == null ? "" : cardText;
    }

    /** {@code owner/name}, as on the Hub. */
    public String repoId() {
        return owner + "/" + name;
    }

    /** Recent downloads, with a like worth five downloads. */
    public long trendingScore() {
        return recentDownloads + 5 * recentLikes;
    }
}
