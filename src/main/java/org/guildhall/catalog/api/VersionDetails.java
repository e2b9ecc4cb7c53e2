package org.guildhall.catalog.api;

import java.util.List;

/**
 * A version with its files (sorted by path), its card's Markdown (empty when it has no README.md), the
 * card's metadata, and the card's problems (only a draft can have any: a version with problems is never
 * published).
 */
public record VersionDetails(AssetDetails asset, VersionInfo version, List<FileInfo> files, String cardMarkdown,
        CardInfo card, List<String> cardProblems) {
}
