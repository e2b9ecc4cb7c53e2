package org.guildhall.catalog.infrastructure;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.IOUtils;
import org.guildhall.catalog.api.AssetSummary;
import org.guildhall.catalog.api.FacetCount;
import org.guildhall.catalog.api.SearchFacet;
import org.guildhall.catalog.api.SearchQuery;
import org.guildhall.catalog.api.SearchResult;
import org.guildhall.catalog.domain.AssetIndex;

/**
 * The catalogue's search index in an embedded Lucene index on local disk.
 *
 * <p>One {@link IndexWriter} takes all writes; searches go through a near-real-time
 * {@link SearcherManager} that is refreshed after every write, so a change is visible to the next search
 * without a commit. Commits are only for durability and carry the watermark. Searches never wait for
 * writes, and see a rebuild only once it is complete and committed. A rebuild that fails rolls the index
 * back to its last commit, losing the changes made since, which the watermark tells the caller to replay.
 *
 * <p>The directory belongs to the index: when what is there cannot be read as an index, its files are
 * deleted and the index starts empty, with no watermark, so that the caller rebuilds it from the database.
 */
public class LuceneAssetIndex implements AssetIndex {

    /** Values shown per facet. */
    private static final int FACET_VALUES = 30;

    private static final Logger LOG = Logger.getLogger(LuceneAssetIndex.class.getName());
    private static final String WATERMARK = "guildhall.watermark";
    private static final double RAM_BUFFER_MB = 64;
    private static final double NRT_CACHE_MAX_SEGMENT_MB = 5;
    private static final double NRT_CACHE_MAX_MB = 60;

    private final Path path;
    private final Directory directory;
    private final AssetDocuments documents = new AssetDocuments();
    private final TextQueries textQueries = new TextQueries();

    /*
     * Upserts, removes and commits share the lock, since IndexWriter is thread-safe; a rebuild takes it
     * alone, so that no change lands in the middle of one and nothing is lost if it is rolled back.
     */
    private final ReadWriteLock writes = new ReentrantReadWriteLock();
    private final Object commits = new Object();
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile Optional<Instant> watermark = Optional.empty();
    private volatile boolean closed;

    public LuceneAssetIndex(Path path) throws IOException {
        this.path = path;
        // Every write refreshes the searcher and so flushes a tiny segment; keeping those in memory until
        // they are merged or committed makes a refresh several times cheaper than writing files for each.
        this.directory = new NRTCachingDirectory(FSDirectory.open(path), NRT_CACHE_MAX_SEGMENT_MB, NRT_CACHE_MAX_MB);
        try {
            try {
                open(OpenMode.CREATE_OR_APPEND);
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | EOFException
                    | NoSuchFileException e) {
                LOG.log(Level.WARNING, e, () -> "The search index in " + path + " cannot be read; it starts empty and must be rebuilt");
                deleteAllFiles();
                open(OpenMode.CREATE);
            }
        } catch (IOException | RuntimeException | Error e) {
            IOUtils.closeWhileHandlingException(textQueries, directory);
            throw e;
        }
    }

    private void open(OpenMode mode) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(textQueries.indexAnalyzer())
                .setOpenMode(mode)
                .setRAMBufferSizeMB(RAM_BUFFER_MB);
        IndexWriter opened = new IndexWriter(directory, config);
        try {
            SearcherManager manager = new SearcherManager(opened, new FacetedSearcherFactory(documents.facetsConfig()));
            writer = opened;
            searchers = manager;
            watermark = watermarkOf(opened);
        } catch (IOException | RuntimeException | Error e) {
            IOUtils.closeWhileHandlingException(opened);
            throw e;
        }
    }

    private static Optional<Instant> watermarkOf(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> entry : data) {
            if (WATERMARK.equals(entry.getKey())) {
                try {
                    return Optional.of(Instant.parse(entry.getValue()));
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Holding the write lock keeps another process from opening the index while its files go. */
    private void deleteAllFiles() throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
        }
    }

    @Override
    public void upsert(Collection<AssetSummary> assets) throws IOException {
        writes.readLock().lock();
        try {
            ensureOpen();
            for (AssetSummary asset : assets) {
                writer.updateDocument(AssetDocuments.idTerm(asset.id()), documents.toDocument(asset));
            }
            searchers.maybeRefreshBlocking();
        } finally {
            writes.readLock().unlock();
        }
    }

    @Override
    public void remove(UUID assetId) throws IOException {
        writes.readLock().lock();
        try {
            ensureOpen();
            writer.deleteDocuments(AssetDocuments.idTerm(assetId));
            searchers.maybeRefreshBlocking();
        } finally {
            writes.readLock().unlock();
        }
    }

    @Override
    public void rebuild(Stream<AssetSummary> all, Instant watermark) throws IOException {
        Objects.requireNonNull(watermark, "watermark");
        writes.writeLock().lock();
        try {
            ensureOpen();
            try {
                writer.deleteAll();
                for (Iterator<AssetSummary> it = all.iterator(); it.hasNext();) {
                    AssetSummary asset = it.next();
                    // update, not add: a duplicate in the stream must not become a duplicate hit
                    writer.updateDocument(AssetDocuments.idTerm(asset.id()), documents.toDocument(asset));
                }
                commitWith(watermark);
            } catch (IOException | RuntimeException | Error e) {
                discardUncommitted(e);
                throw e;
            }
            searchers.maybeRefreshBlocking();
        } finally {
            writes.writeLock().unlock();
        }
    }

    /**
     * A half-done rebuild must never be searched or committed: roll back to the last commit, which the
     * watermark describes, and reopen on it.
     */
    private void discardUncommitted(Throwable cause) {
        SearcherManager old = searchers;
        try {
            writer.rollback();
            open(OpenMode.CREATE_OR_APPEND);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            if (old != searchers) {
                IOUtils.closeWhileHandlingException(old);
            }
        }
    }

    @Override
    public void commit(Instant watermark) throws IOException {
        Objects.requireNonNull(watermark, "watermark");
        writes.readLock().lock();
        try {
            ensureOpen();
            commitWith(watermark);
        } finally {
            writes.readLock().unlock();
        }
    }

    private void commitWith(Instant newWatermark) throws IOException {
        // Setting the data and committing must not interleave with another commit, or one would record the other's watermark.
        synchronized (commits) {
            writer.setLiveCommitData(Map.of(WATERMARK, newWatermark.toString()).entrySet());
            writer.commit();
            watermark = Optional.of(newWatermark);
        }
    }

    @Override
    public Optional<Instant> watermark() throws IOException {
        ensureOpen();
        return watermark;
    }

    @Override
    public long size() throws IOException {
        SearcherManager manager = ensureOpen();
        IndexSearcher searcher = acquire(manager);
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            manager.release(searcher);
        }
    }

    @Override
    public SearchResult search(SearchQuery query) throws IOException {
        SearcherManager manager = ensureOpen();
        Sort sort = AssetDocuments.sortFor(query.sort());
        int wanted = (int) Math.min((long) query.offset() + query.limit(), Integer.MAX_VALUE);
        FacetedSearcher searcher = acquire(manager);
        try {
            // browsing (no text) repeats a few pages, /models above all: a reader answers each once
            String pageKey = query.text().isEmpty()
                    ? browseKey(query.filters()) + '|' + query.sort() + '|' + query.offset() + '|' + query.limit() : null;
            SearchResult kept = pageKey == null ? null : searcher.browsePages.get(pageKey);
            if (kept != null) {
                return kept;
            }
            SearchResult result = searchOn(searcher, query, sort, wanted);
            if (pageKey != null && searcher.browsePages.size() < FacetedSearcher.MAX_BROWSE_COUNTS) {
                // shared by every request that asks the same: nothing in it may change
                result = new SearchResult(result.total(), List.copyOf(result.hits()), Map.copyOf(result.facets()));
                searcher.browsePages.put(pageKey, result);
            }
            return result;
        } finally {
            manager.release(searcher);
        }
    }

    private SearchResult searchOn(FacetedSearcher searcher, SearchQuery query, Sort sort, int wanted) throws IOException {
        {
            if (query.text().isEmpty() && query.filters().isEmpty()) {
                TopDocs top = searcher.search(new MatchAllDocsQuery(), firstDocs(searcher, sort, wanted));
                return new SearchResult(searcher.getIndexReader().numDocs(), hits(searcher, top.scoreDocs, query.offset()),
                        searcher.countsOfAll());
            }
            DrillDownQuery drillDown = new DrillDownQuery(documents.facetsConfig(), textQueries.forText(query.text()));
            query.filters().forEach((facet, values) -> documents.addFilter(drillDown, facet, values));
            // browsing (filters, no text) repeats a few filter sets, such as /models: their counts hold until the reader changes
            String browseKey = query.text().isEmpty() ? browseKey(query.filters()) : null;
            Map<SearchFacet, List<FacetCount>> known = browseKey == null ? null : searcher.browseCounts.get(browseKey);
            if (known != null) {
                TopDocs top = searcher.search(drillDown, firstDocs(searcher, sort, wanted));
                long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : searcher.count(drillDown);
                return new SearchResult(total, hits(searcher, top.scoreDocs, query.offset()), known);
            }
            if (searcher.facetStates.isEmpty()) {
                // No document has a facet value yet, and DrillSideways needs one to count.
                TopDocs top = searcher.search(drillDown, topDocs(searcher, sort, wanted));
                return new SearchResult(top.totalHits.value, hits(searcher, top.scoreDocs, query.offset()), counts(null, Map.of()));
            }
            DrillSideways.DrillSidewaysResult result = new PerFacetDrillSideways(searcher, documents.facetsConfig(),
                    searcher.facetStates).search(drillDown, null, null, wanted, sort, false);
            Map<SearchFacet, List<FacetCount>> counts = counts(result.facets, searcher.facetStates);
            if (browseKey != null && searcher.browseCounts.size() < FacetedSearcher.MAX_BROWSE_COUNTS) {
                searcher.browseCounts.put(browseKey, counts);
            }
            return new SearchResult(result.hits.totalHits.value, hits(searcher, result.hits.scoreDocs, query.offset()), counts);
        }
    }

    /** The filter set as a key: facets in their order, values sorted. */
    private static String browseKey(Map<SearchFacet, java.util.Set<String>> filters) {
        StringBuilder key = new StringBuilder();
        new java.util.TreeMap<>(filters).forEach((facet, values) -> {
            if (!values.isEmpty()) {
                key.append(facet.name()).append('=').append(String.join("\u0000", new java.util.TreeSet<>(values))).append('\u0001');
            }
        });
        return key.toString();
    }

    /**
     * The first results only: the total may be a lower bound, so the caller counts separately (cheaper than
     * comparing every match by the sort keys, which the points of the sort fields let Lucene skip).
     */
    private static TopFieldCollectorManager firstDocs(IndexSearcher searcher, Sort sort, int wanted) {
        int numHits = Math.max(1, Math.min(wanted, searcher.getIndexReader().maxDoc()));
        return new TopFieldCollectorManager(sort, numHits, null, numHits, false);
    }

    /** Counts every match, not just the first thousand, so that the total shown is exact. */
    private static TopFieldCollectorManager topDocs(IndexSearcher searcher, Sort sort, int wanted) {
        int numHits = Math.max(1, Math.min(wanted, searcher.getIndexReader().maxDoc()));
        return new TopFieldCollectorManager(sort, numHits, null, Integer.MAX_VALUE, false);
    }

    private List<AssetSummary> hits(IndexSearcher searcher, ScoreDoc[] scoreDocs, int offset) throws IOException {
        if (offset >= scoreDocs.length) {
            return List.of();
        }
        StoredFields stored = searcher.storedFields();
        List<AssetSummary> hits = new ArrayList<>(scoreDocs.length - offset);
        for (int i = offset; i < scoreDocs.length; i++) {
            hits.add(documents.fromDocument(stored.document(scoreDocs[i].doc)));
        }
        return List.copyOf(hits);
    }

    /** The top values of every facet; a facet no document has gets an empty list. */
    private static Map<SearchFacet, List<FacetCount>> counts(Facets facets, Map<SearchFacet, ?> indexedFacets) throws IOException {
        EnumMap<SearchFacet, List<FacetCount>> counts = new EnumMap<>(SearchFacet.class);
        for (SearchFacet facet : SearchFacet.values()) {
            FacetResult result = indexedFacets.containsKey(facet)
                    ? facets.getTopChildren(FACET_VALUES, AssetDocuments.dim(facet))
                    : null;
            counts.put(facet, countsOf(result));
        }
        return Collections.unmodifiableMap(counts);
    }

    private static List<FacetCount> countsOf(FacetResult result) {
        List<FacetCount> values = new ArrayList<>();
        if (result != null) {
            for (LabelAndValue lv : result.labelValues) {
                values.add(new FacetCount(lv.label, lv.value.longValue()));
            }
        }
        // Lucene already orders by count and breaks ties by ordinal; sorting again states the contract.
        values.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
        return List.copyOf(values);
    }

    /** Retries once the rebuild that swapped the manager under us is done, unless the index itself is closed. */
    private FacetedSearcher acquire(SearcherManager manager) throws IOException {
        SearcherManager current = manager;
        while (true) {
            try {
                return (FacetedSearcher) current.acquire();
            } catch (AlreadyClosedException e) {
                if (closed || current == searchers) {
                    throw e;
                }
                current = searchers;
            }
        }
    }

    private SearcherManager ensureOpen() {
        if (closed) {
            throw new AlreadyClosedException("the search index in " + path + " is closed");
        }
        return searchers;
    }

    @Override
    public void close() throws IOException {
        writes.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            IOUtils.close(searchers, writer, directory, textQueries);
        } finally {
            writes.writeLock().unlock();
        }
    }

    /**
     * A searcher that carries the facet ordinals of its own reader, built once per refresh rather than per
     * search, and the facet counts over all assets, which the unfiltered catalogue page shows and which
     * only change with the reader.
     */
    private static final class FacetedSearcher extends IndexSearcher {

        static final int MAX_BROWSE_COUNTS = 256;
        final Map<SearchFacet, SortedSetDocValuesReaderState> facetStates;
        /** Facet counts of filter-only searches on this reader (bounded; gone with the reader). */
        final Map<String, Map<SearchFacet, List<FacetCount>>> browseCounts = new java.util.concurrent.ConcurrentHashMap<>();
        /** Whole result pages of searches without text on this reader (bounded; gone with the reader). */
        final Map<String, SearchResult> browsePages = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile Map<SearchFacet, List<FacetCount>> countsOfAll;

        FacetedSearcher(IndexReader reader, Map<SearchFacet, SortedSetDocValuesReaderState> facetStates) {
            super(reader);
            this.facetStates = facetStates;
        }

        /** Two searches may both compute it at first; the result is the same, so no lock is needed. */
        Map<SearchFacet, List<FacetCount>> countsOfAll() throws IOException {
            Map<SearchFacet, List<FacetCount>> counts = countsOfAll;
            if (counts == null) {
                EnumMap<SearchFacet, List<FacetCount>> computed = new EnumMap<>(SearchFacet.class);
                for (SearchFacet facet : SearchFacet.values()) {
                    SortedSetDocValuesReaderState state = facetStates.get(facet);
                    computed.put(facet, countsOf(state == null ? null
                            : new SortedSetDocValuesFacetCounts(state).getTopChildren(FACET_VALUES, AssetDocuments.dim(facet))));
                }
                counts = Collections.unmodifiableMap(computed);
                countsOfAll = counts;
            }
            return counts;
        }
    }

    private static final class FacetedSearcherFactory extends SearcherFactory {

        private final FacetsConfig config;

        FacetedSearcherFactory(FacetsConfig config) {
            this.config = config;
        }

        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
            EnumMap<SearchFacet, SortedSetDocValuesReaderState> states = new EnumMap<>(SearchFacet.class);
            for (SearchFacet facet : SearchFacet.values()) {
                String field = AssetDocuments.facetField(facet);
                if (fields.fieldInfo(field) != null) {
                    states.put(facet, new DefaultSortedSetDocValuesReaderState(reader, field, config));
                }
            }
            return new FacetedSearcher(reader, Collections.unmodifiableMap(states));
        }
    }

    /**
     * DrillSideways counts every facet from one doc-values field; with a field per facet, each count
     * reads only the field of the facet it counts.
     */
    private static final class PerFacetDrillSideways extends DrillSideways {

        private final Map<SearchFacet, SortedSetDocValuesReaderState> states;

        PerFacetDrillSideways(IndexSearcher searcher, FacetsConfig config, Map<SearchFacet, SortedSetDocValuesReaderState> states) {
            super(searcher, config, null, null, null);
            this.states = states;
        }

        @Override
        protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] drillSidewaysDims)
                throws IOException {
            Map<String, FacetsCollector> sideways = new HashMap<>();
            for (int i = 0; drillSideways != null && i < drillSideways.length; i++) {
                sideways.put(drillSidewaysDims[i], drillSideways[i]);
            }
            Map<String, Facets> byDim = new HashMap<>();
            for (Map.Entry<SearchFacet, SortedSetDocValuesReaderState> e : states.entrySet()) {
                String dim = AssetDocuments.dim(e.getKey());
                FacetsCollector matches = sideways.getOrDefault(dim, drillDowns);
                if (matches != null) {
                    byDim.put(dim, new SortedSetDocValuesFacetCounts(e.getValue(), matches));
                }
            }
            return new MultiFacets(byDim);
        }
    }
}
