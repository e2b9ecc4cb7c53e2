package org.guildhall.catalog.infrastructure;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The analysis of catalogue text and the query made from what a user types.
 *
 * <p>The analyzer is EnglishAnalyzer's chain (standard tokenizer, possessives, lower case, English stop
 * words, Porter stemming) with two additions: {@code - _ .} split words, because asset names join words
 * with them ({@code iris_flowers}, {@code llama-3.1-8b}) and the standard tokenizer keeps {@code _} and
 * {@code .} inside a word; and accents are folded. Stemming is chosen over StandardAnalyzer because cards
 * and summaries are English prose and people search with other forms of the same word ("translation
 * models" should find "translating model"). Stemming cuts some words shorter than a prefix the user has
 * typed ("runni" is no prefix of the stem "run"), so name and summary are indexed a second time
 * unstemmed for prefix matching.
 *
 * <p>User text is never parsed as Lucene syntax: it is split into words by the same analyzer, so quotes,
 * colons, brackets and operators are only punctuation and no input can fail to parse.
 */
final class TextQueries implements Closeable {

    static final float NAME_BOOST = 8f;
    static final float OWNER_BOOST = 4f;
    static final float SUMMARY_BOOST = 3f;
    static final float CARD_BOOST = 1f;
    // A prefix match scores a constant below most whole-word matches, so "bert" puts BERT above bertopic.
    static final float NAME_PREFIX_BOOST = 2f;
    static final float SUMMARY_PREFIX_BOOST = 0.5f;
    static final float EXACT_NAME_BOOST = 50f;
    /** Below this length a prefix expands to too many terms to be worth its cost or its noise. */
    static final int MIN_PREFIX_LENGTH = 2;
    /** Bounds the clause count, so that a pasted page cannot hit BooleanQuery's limit or cost seconds. */
    static final int MAX_WORDS = 32;

    private static final NormalizeCharMap WORD_JOINERS;

    static {
        NormalizeCharMap.Builder joiners = new NormalizeCharMap.Builder();
        joiners.add("_", " ");
        joiners.add(".", " ");
        joiners.add("-", " ");
        WORD_JOINERS = joiners.build();
    }

    private final Analyzer stemmed = new CatalogAnalyzer(true);
    private final Analyzer unstemmed = new CatalogAnalyzer(false);
    private final Analyzer indexing = new PerFieldAnalyzerWrapper(stemmed,
            Map.of(AssetDocuments.NAME_WORDS, unstemmed, AssetDocuments.SUMMARY_WORDS, unstemmed));

    /** The analyzer for IndexWriter: stemmed for full text, unstemmed for the prefix fields. */
    Analyzer indexAnalyzer() {
        return indexing;
    }

    /** Matches every word typed (in name, owner, summary or card), the last one also as a prefix; empty text matches all. */
    Query forText(String text) {
        List<String> words = analyze(unstemmed, text);
        if (words.size() > MAX_WORDS) {
            words = words.subList(0, MAX_WORDS);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean anyWord = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            List<String> stems = analyze(stemmed, word);
            String stem = stems.isEmpty() ? null : stems.get(0);
            boolean last = i == words.size() - 1;
            List<Query> alternatives = new ArrayList<>();
            if (stem != null) {
                alternatives.add(boosted(new TermQuery(new Term(AssetDocuments.NAME, stem)), NAME_BOOST));
                alternatives.add(boosted(new TermQuery(new Term(AssetDocuments.OWNER_TEXT, stem)), OWNER_BOOST));
                alternatives.add(boosted(new TermQuery(new Term(AssetDocuments.SUMMARY, stem)), SUMMARY_BOOST));
                alternatives.add(boosted(new TermQuery(new Term(AssetDocuments.CARD_TEXT, stem)), CARD_BOOST));
            }
            if (last && word.length() >= MIN_PREFIX_LENGTH) {
                alternatives.add(boosted(new PrefixQuery(new Term(AssetDocuments.NAME_WORDS, word)), NAME_PREFIX_BOOST));
                alternatives.add(boosted(new PrefixQuery(new Term(AssetDocuments.SUMMARY_WORDS, word)), SUMMARY_PREFIX_BOOST));
            }
            if (alternatives.isEmpty()) {
                continue;
            }
            // A stop word is not required, but as the last word it may be the start of another ("the" → "theory").
            query.add(new DisjunctionMaxQuery(alternatives, 0.1f), stem != null ? Occur.MUST : Occur.SHOULD);
            anyWord = true;
        }
        if (!anyWord) {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        String exact = text.strip().toLowerCase(Locale.ROOT);
        if (!exact.isEmpty()) {
            query.add(boosted(new ConstantScoreQuery(new TermQuery(new Term(AssetDocuments.EXACT_NAME, exact))), EXACT_NAME_BOOST),
                    Occur.SHOULD);
        }
        return query.build();
    }

    @Override
    public void close() {
        indexing.close();
        stemmed.close();
        unstemmed.close();
    }

    private static Query boosted(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }

    private static List<String> analyze(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Analysis reads from a String, so this cannot happen short of a bug in a filter.
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static final class CatalogAnalyzer extends Analyzer {

        private final boolean stem;

        CatalogAnalyzer(boolean stem) {
            this.stem = stem;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(WORD_JOINERS, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new ASCIIFoldingFilter(result);
            if (stem) {
                result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                result = new PorterStemFilter(result);
            }
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
