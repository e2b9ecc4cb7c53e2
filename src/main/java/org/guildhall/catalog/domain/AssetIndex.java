package org.guildhall.catalog.domain;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.guildhall.catalog.api.AssetSummary;
import org.guildhall.catalog.api.SearchQuery;
import org.guildhall.catalog.api.SearchResult;

/**
 * The search index of the catalogue. Embedded Lucene by default; a search cluster can implement the same
 * contract. The database is the truth: the index can always be rebuilt from it.
 */
public interface AssetIndex extends AutoCloseable {

    /** Adds or replaces these assets; visible to the next search. */
    void upsert(Collection<AssetSummary> assets) throws IOException;

    void remove(UUID assetId) throws IOException;

    SearchResult search(SearchQuery query) throws IOException;

    /** Replaces the whole index by these assets, then commits with the given watermark. */
    void rebuild(Stream<AssetSummary> all, Instant watermark) throws IOException;

    /** Makes changes durable and records the newest change time they include. */
    void commit(Instant watermark) throws IOException;

    /** The watermark of the last commit, or empty when the index is new or unreadable. */
    Optional<Instant> watermark() throws IOException;

    long size() throws IOException;

    @Override
    void close() throws IOException;
}
