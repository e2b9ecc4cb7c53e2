package org.guildhall.catalog.infrastructure;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetSummary;
import org.guildhall.catalog.api.SearchFacet;
import org.guildhall.catalog.api.SearchSort;

/**
 * How an {@link AssetSummary} is laid out in a Lucene document, and back. Everything a result card shows
 * is stored, so that a page of hits needs no database; the card body is searched but not stored, since
 * it is by far the largest field and no result shows it.
 */
final class AssetDocuments {

    static final String ID = "id";
    /** The id's two halves as numbers: a cheap, total tie-break for sorting (a string sort costs ~5x on deep pages). */
    static final String ID_HIGH = "idHigh";
    static final String ID_LOW = "idLow";
    static final String KIND = "kind";
    static final String OWNER = "owner";
    static final String NAME = "name";
    /** The owner as words, so that {@code owner/name} as typed finds the asset. */
    static final String OWNER_TEXT = "ownerText";
    static final String SUMMARY = "summary";
    static final String CARD_TEXT = "cardText";
    static final String TASK = "task";
    static final String LICENSE = "license";
    static final String LANGUAGES = "languages";
    static final String TAGS = "tags";
    static final String DOWNLOADS = "downloads";
    static final String LIKES = "likes";
    static final String RECENT_DOWNLOADS = "recentDownloads";
    static final String RECENT_LIKES = "recentLikes";
    static final String TRENDING = "trending";
    static final String UPDATED_AT = "updatedAt";
    /** Name and summary without stemming, so that the prefix of a word typed so far can match. */
    static final String NAME_WORDS = "nameWords";
    static final String SUMMARY_WORDS = "summaryWords";
    /** The whole name and the whole {@code owner/name}, lower-cased, so that an exact name wins. */
    static final String EXACT_NAME = "exactName";

    /** Four bytes a character at most in UTF-8, so well below Lucene's term limit with the facet prefix. */
    static final int MAX_KEYWORD_CHARS = 1_000;

    /*
     * No phrase queries are made, so positions would only cost disk; term frequencies and norms stay
     * because BM25 needs them to prefer a short name over a long card.
     */
    private static final FieldType STORED_TEXT = textType(true);
    private static final FieldType TEXT = textType(false);
    private static final FieldType WORDS;

    static {
        WORDS = new FieldType();
        WORDS.setTokenized(true);
        WORDS.setIndexOptions(IndexOptions.DOCS);
        WORDS.setOmitNorms(true);
        WORDS.freeze();
    }

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private final FacetsConfig facetsConfig;

    AssetDocuments() {
        facetsConfig = new FacetsConfig();
        // One doc-values field per facet, so that a drill-sideways count reads only its own facet's values
        // instead of all six facets' values of every document.
        for (SearchFacet facet : SearchFacet.values()) {
            facetsConfig.setIndexFieldName(dim(facet), facetField(facet));
        }
        facetsConfig.setMultiValued(dim(SearchFacet.LANGUAGE), true);
        facetsConfig.setMultiValued(dim(SearchFacet.TAG), true);
    }

    static String facetField(SearchFacet facet) {
        return "$facet." + facet.param();
    }

    FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    static String dim(SearchFacet facet) {
        return facet.param();
    }

    static Term idTerm(UUID id) {
        return new Term(ID, id.toString());
    }

    /**
     * Filters on one facet: any of the values (OR). A set of terms rather than one clause per value, so
     * that no number of values can hit BooleanQuery's clause limit. KIND accepts the plural too.
     */
    void addFilter(DrillDownQuery query, SearchFacet facet, Set<String> values) {
        String field = facetsConfig.getDimConfig(dim(facet)).indexFieldName;
        List<BytesRef> terms = new ArrayList<>();
        for (String value : values) {
            String v = facet == SearchFacet.KIND ? AssetKind.parse(value).map(Enum::name).orElse(value) : value;
            // no asset has an empty value, and Lucene refuses to build the term for one
            if (!v.isEmpty()) {
                terms.add(DrillDownQuery.term(field, dim(facet), v).bytes());
            }
        }
        Query filter = switch (terms.size()) {
            case 0 -> new MatchNoDocsQuery();
            case 1 -> new TermQuery(new Term(field, terms.get(0)));
            default -> new TermInSetQuery(field, terms);
        };
        query.add(dim(facet), filter);
    }

    Document toDocument(AssetSummary a) throws IOException {
        Document doc = new Document();
        String id = a.id().toString();
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new NumericDocValuesField(ID_HIGH, a.id().getMostSignificantBits()));
        doc.add(new NumericDocValuesField(ID_LOW, a.id().getLeastSignificantBits()));

        storeAndFacet(doc, KIND, SearchFacet.KIND, a.kind() == null ? null : a.kind().name());
        storeAndFacet(doc, OWNER, SearchFacet.OWNER, a.owner());
        if (a.owner() != null) {
            doc.add(new Field(OWNER_TEXT, a.owner(), TEXT));
        }
        storeAndFacet(doc, TASK, SearchFacet.TASK, a.task());
        storeAndFacet(doc, LICENSE, SearchFacet.LICENSE, a.license());
        for (String language : a.languages()) {
            storeAndFacet(doc, LANGUAGES, SearchFacet.LANGUAGE, language);
        }
        for (String tag : a.tags()) {
            storeAndFacet(doc, TAGS, SearchFacet.TAG, tag);
        }

        if (a.name() != null) {
            doc.add(new Field(NAME, a.name(), STORED_TEXT));
            doc.add(new Field(NAME_WORDS, a.name(), WORDS));
            if (fitsAKeyword(a.repoId())) {
                doc.add(new StringField(EXACT_NAME, a.name().toLowerCase(Locale.ROOT), Field.Store.NO));
                doc.add(new StringField(EXACT_NAME, a.repoId().toLowerCase(Locale.ROOT), Field.Store.NO));
            }
        }
        doc.add(new Field(SUMMARY, a.summary(), STORED_TEXT));
        doc.add(new Field(SUMMARY_WORDS, a.summary(), WORDS));
        doc.add(new Field(CARD_TEXT, a.cardText(), TEXT));

        storeAndSort(doc, DOWNLOADS, a.downloads());
        storeAndSort(doc, LIKES, a.likes());
        doc.add(new StoredField(RECENT_DOWNLOADS, a.recentDownloads()));
        doc.add(new StoredField(RECENT_LIKES, a.recentLikes()));
        sortable(doc, TRENDING, a.trendingScore());
        if (a.updatedAt() != null) {
            doc.add(new StoredField(UPDATED_AT, a.updatedAt().toString()));
            sortable(doc, UPDATED_AT, a.updatedAt().toEpochMilli());
        }
        return facetsConfig.build(doc);
    }

    private void storeAndFacet(Document doc, String field, SearchFacet facet, String value) {
        if (value == null) {
            return;
        }
        doc.add(new StoredField(field, value));
        // A blank value is kept on the card but counted as no value (Lucene rejects an empty label).
        if (!value.isBlank() && fitsAKeyword(value)) {
            doc.add(new SortedSetDocValuesFacetField(dim(facet), value));
        }
    }

    /**
     * Lucene refuses a whole document with a term over 32,766 bytes; an absurd value is rather stored
     * and left out of facets and exact matching.
     */
    private static boolean fitsAKeyword(String value) {
        return value.length() <= MAX_KEYWORD_CHARS;
    }

    private static void storeAndSort(Document doc, String field, long value) {
        doc.add(new StoredField(field, value));
        sortable(doc, field, value);
    }

    /**
     * Doc values to sort by, and points of the same name: with them a sorted search skips the documents that
     * cannot enter the top results instead of comparing every match.
     */
    private static void sortable(Document doc, String field, long value) {
        doc.add(new NumericDocValuesField(field, value));
        doc.add(new org.apache.lucene.document.LongPoint(field, value));
    }

    AssetSummary fromDocument(Document doc) {
        String kind = doc.get(KIND);
        String updatedAt = doc.get(UPDATED_AT);
        return new AssetSummary(UUID.fromString(doc.get(ID)), kind == null ? null : AssetKind.valueOf(kind), doc.get(OWNER),
                doc.get(NAME), doc.get(SUMMARY), doc.get(TASK), doc.get(LICENSE), List.of(doc.getValues(LANGUAGES)),
                List.of(doc.getValues(TAGS)), longOf(doc, DOWNLOADS), longOf(doc, LIKES), longOf(doc, RECENT_DOWNLOADS),
                longOf(doc, RECENT_LIKES), updatedAt == null ? null : Instant.parse(updatedAt), "");
    }

    private static long longOf(Document doc, String field) {
        IndexableField f = doc.getField(field);
        return f == null ? 0 : f.numericValue().longValue();
    }

    static Sort sortFor(SearchSort sort) {
        List<SortField> fields = new ArrayList<>();
        switch (sort) {
            case RELEVANCE -> {
                fields.add(SortField.FIELD_SCORE);
                fields.add(newestFirst());
            }
            case TRENDING -> {
                fields.add(descending(TRENDING));
                fields.add(descending(LIKES));
                fields.add(newestFirst());
            }
            case DOWNLOADS -> {
                fields.add(descending(DOWNLOADS));
                fields.add(newestFirst());
            }
            case LIKES -> {
                fields.add(descending(LIKES));
                fields.add(newestFirst());
            }
            case UPDATED -> fields.add(newestFirst());
        }
        // Equal keys would otherwise come back in index order, which changes as segments merge, and a
        // result could then move from one page to the next. The halves compared as signed longs give
        // UUID's own order.
        fields.add(new SortField(ID_HIGH, SortField.Type.LONG));
        fields.add(new SortField(ID_LOW, SortField.Type.LONG));
        return new Sort(fields.toArray(SortField[]::new));
    }

    private static SortField descending(String field) {
        return new SortField(field, SortField.Type.LONG, true);
    }

    private static SortField newestFirst() {
        SortField field = descending(UPDATED_AT);
        field.setMissingValue(Long.MIN_VALUE);
        return field;
    }
}
