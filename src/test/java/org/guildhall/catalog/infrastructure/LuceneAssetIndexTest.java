package org.guildhall.catalog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetSummary;
import org.guildhall.catalog.api.FacetCount;
import org.guildhall.catalog.api.SearchFacet;
import org.guildhall.catalog.api.SearchQuery;
import org.guildhall.catalog.api.SearchResult;
import org.guildhall.catalog.api.SearchSort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneAssetIndexTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private LuceneAssetIndex index;

    @BeforeEach
    void open() throws IOException {
        index = new LuceneAssetIndex(dir);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    // --- full text ---------------------------------------------------------------------------------

    @Test
    void textIsFoundInNameSummaryAndCardWithNameMatchesFirst() throws IOException {
        index.upsert(List.of(
                asset("tulip-photos").summary("Pictures of flowers").card("Collected in spring. Related to iris studies.").build(),
                asset("iris-flowers").summary("The classic measurements").build(),
                asset("petal-lengths").summary("Iris petals measured by hand").build(),
                asset("unrelated").summary("Nothing here").card("Weather in Lisbon").build()));

        assertThat(names(search("iris"))).containsExactly("iris-flowers", "petal-lengths", "tulip-photos");
    }

    @Test
    void namesAreSplitOnDashUnderscoreAndDot() throws IOException {
        index.upsert(List.of(asset("iris-flowers").build(), asset("iris_petals").build(), asset("iris.sepals").build(),
                asset("irises").build()));

        assertThat(names(search("petals"))).containsExactly("iris_petals");
        assertThat(names(search("sepals"))).containsExactly("iris.sepals");
        assertThat(names(search("iris"))).contains("iris-flowers", "iris_petals", "iris.sepals");
    }

    @Test
    void theLastWordAlsoMatchesAsAPrefix() throws IOException {
        index.upsert(List.of(asset("iris-flowers").build(), asset("running-shoes").summary("Shoes for running").build(),
                asset("tulips").build()));

        assertThat(names(search("iri"))).containsExactly("iris-flowers");
        assertThat(names(search("runni"))).containsExactly("running-shoes");
        assertThat(names(search("flowers iri"))).containsExactly("iris-flowers");
        // only the last word is a prefix: a finished word must match as a word
        assertThat(names(search("iris flow"))).containsExactly("iris-flowers");
        assertThat(names(search("flow iris"))).isEmpty();
    }

    @Test
    void otherFormsOfAnEnglishWordMatch() throws IOException {
        index.upsert(List.of(asset("opus").summary("Translation model for Dutch").build()));

        assertThat(names(search("translations models"))).containsExactly("opus");
        assertThat(names(search("translating"))).containsExactly("opus");
    }

    @Test
    void everyWordMustMatchButStopWordsAreNotRequired() throws IOException {
        index.upsert(List.of(asset("iris-flowers").summary("measurements of flowers").build(),
                asset("iris-eyes").summary("photos of eyes").build()));

        assertThat(names(search("iris flowers"))).containsExactly("iris-flowers");
        assertThat(names(search("the iris of flowers"))).containsExactly("iris-flowers");
    }

    @Test
    void anExactNameOrRepoIdRanksFirst() throws IOException {
        index.upsert(List.of(asset("bert-base-uncased-finetuned").summary("bert base uncased").build(),
                asset("bert-base-uncased").build()));

        assertThat(names(search("bert-base-uncased")).get(0)).isEqualTo("bert-base-uncased");
        assertThat(names(search("acme/bert-base-uncased")).get(0)).isEqualTo("bert-base-uncased");
    }

    @Test
    void luceneSyntaxInTheTextIsOnlyPunctuation() throws IOException {
        index.upsert(List.of(asset("iris-flowers").build(), asset("other").build()));

        for (String text : List.of("a:b (c\" AND ~", "\"", "(", ")", "*", "?", "~2", "^3", "[a TO z]", "{", "}", "\\", "/",
                "+iris -other", "!", "&&", "||", "iris:", ":", "AND", "OR NOT", "iris*", "*iris", "\u0000", "\u001f")) {
            SearchResult result = index.search(query(text));
            assertThat(result).as(text).isNotNull();
        }
        assertThat(names(search("(iris) AND \"flowers"))).containsExactly("iris-flowers");
        assertThat(names(search("iris:"))).containsExactly("iris-flowers");
    }

    @Test
    void emptyOrPunctuationOnlyTextMatchesEverything() throws IOException {
        index.upsert(List.of(asset("a1").build(), asset("a2").build(), asset("a3").build()));

        assertThat(search("").total()).isEqualTo(3);
        assertThat(search("  ()!  ").total()).isEqualTo(3);
    }

    @Test
    void aVeryLongTextDoesNotFail() throws IOException {
        index.upsert(List.of(asset("iris-flowers").build()));
        String text = String.join(" ", Collections.nCopies(3000, "iris flowers petal"));

        assertThat(search(text).total()).isZero();
    }

    @Test
    void hitsAreRebuiltFromTheIndexWithoutTheCardText() throws IOException {
        AssetSummary original = new AssetSummary(UUID.randomUUID(), AssetKind.MODEL, "acme", "iris-net", "Classifies irises",
                "image-classification", "apache-2.0", List.of("en", "fr"), List.of("vision", "flowers"), 1234, 56, 78, 9,
                Instant.parse("2025-03-04T05:06:07.123456789Z"), "A long card about irises");
        index.upsert(List.of(original));

        AssetSummary hit = search("iris").hits().get(0);

        assertThat(hit).isEqualTo(new AssetSummary(original.id(), original.kind(), original.owner(), original.name(),
                original.summary(), original.task(), original.license(), original.languages(), original.tags(),
                original.downloads(), original.likes(), original.recentDownloads(), original.recentLikes(),
                original.updatedAt(), ""));
    }

    @Test
    void anAssetWithoutOptionalValuesRoundTrips() throws IOException {
        AssetSummary bare = new AssetSummary(UUID.randomUUID(), AssetKind.DATASET, "acme", "bare", null, null, null,
                List.of(), List.of(), 0, 0, 0, 0, T0, null);
        index.upsert(List.of(bare));

        assertThat(search("").hits()).containsExactly(bare);
        assertThat(search("").facets().get(SearchFacet.TASK)).isEmpty();
    }

    // --- facets ------------------------------------------------------------------------------------

    @Test
    void facetsCountEveryValueIncludingEachOfSeveralLanguagesAndTags() throws IOException {
        index.upsert(List.of(
                asset("a").kind(AssetKind.MODEL).owner("ann").task("translation").license("mit").languages("en", "fr").tags("nlp", "small").build(),
                asset("b").kind(AssetKind.MODEL).owner("ann").task("translation").license("apache-2.0").languages("en").tags("nlp").build(),
                asset("c").kind(AssetKind.DATASET).owner("bob").task("summarization").license("mit").languages("de").tags("news").build()));

        Map<SearchFacet, List<FacetCount>> facets = search("").facets();

        assertThat(facets).containsOnlyKeys(SearchFacet.values());
        assertThat(facets.get(SearchFacet.KIND)).containsExactly(new FacetCount("MODEL", 2), new FacetCount("DATASET", 1));
        assertThat(facets.get(SearchFacet.OWNER)).containsExactly(new FacetCount("ann", 2), new FacetCount("bob", 1));
        assertThat(facets.get(SearchFacet.TASK)).containsExactly(new FacetCount("translation", 2), new FacetCount("summarization", 1));
        assertThat(facets.get(SearchFacet.LICENSE)).containsExactly(new FacetCount("mit", 2), new FacetCount("apache-2.0", 1));
        assertThat(facets.get(SearchFacet.LANGUAGE)).containsExactly(new FacetCount("en", 2), new FacetCount("de", 1),
                new FacetCount("fr", 1));
        assertThat(facets.get(SearchFacet.TAG)).containsExactly(new FacetCount("nlp", 2), new FacetCount("news", 1),
                new FacetCount("small", 1));
    }

    @Test
    void aFacetsCountsIgnoreItsOwnFilterButFollowTheOthers() throws IOException {
        index.upsert(List.of(
                asset("a").task("translation").license("mit").build(),
                asset("b").task("translation").license("apache-2.0").build(),
                asset("c").task("summarization").license("apache-2.0").build(),
                asset("d").task("summarization").license("mit").build(),
                asset("e").task("summarization").license("gpl-3.0").build()));

        SearchResult result = index.search(filtered(Map.of(SearchFacet.LICENSE, Set.of("mit"))));

        assertThat(names(result)).containsExactlyInAnyOrder("a", "d");
        assertThat(result.total()).isEqualTo(2);
        assertThat(result.facets().get(SearchFacet.LICENSE)).containsExactly(new FacetCount("apache-2.0", 2),
                new FacetCount("mit", 2), new FacetCount("gpl-3.0", 1));
        assertThat(result.facets().get(SearchFacet.TASK)).containsExactly(new FacetCount("summarization", 1),
                new FacetCount("translation", 1));
    }

    @Test
    void browsingCountsAreKeptForTheReaderAndFollowEveryChange() throws IOException {
        index.upsert(List.of(asset("a").task("translation").license("mit").build(), asset("b").task("summarization").license("mit").build()));
        Map<SearchFacet, Set<String>> mit = Map.of(SearchFacet.LICENSE, Set.of("mit"));
        assertThat(index.search(filtered(mit)).facets().get(SearchFacet.TASK)).containsExactly(new FacetCount("summarization", 1),
                new FacetCount("translation", 1));
        // the same filter again, served from the kept counts, gives the same answer
        assertThat(index.search(filtered(mit)).facets().get(SearchFacet.TASK)).containsExactly(new FacetCount("summarization", 1),
                new FacetCount("translation", 1));
        assertThat(names(index.search(filtered(mit)))).containsExactlyInAnyOrder("a", "b");
        // a change makes a new reader: the pages and counts follow it
        index.upsert(List.of(asset("c").task("translation").license("mit").build()));
        SearchResult after = index.search(filtered(mit));
        assertThat(after.total()).isEqualTo(3);
        assertThat(names(after)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(after.facets().get(SearchFacet.TASK)).containsExactly(new FacetCount("translation", 2), new FacetCount("summarization", 1));
    }

    @Test
    void valuesOfOneFacetAreOredAndFacetsAreAnded() throws IOException {
        index.upsert(List.of(
                asset("a").task("translation").license("mit").build(),
                asset("b").task("translation").license("apache-2.0").build(),
                asset("c").task("summarization").license("apache-2.0").build(),
                asset("d").task("summarization").license("gpl-3.0").build()));

        assertThat(names(index.search(filtered(Map.of(SearchFacet.LICENSE, Set.of("mit", "apache-2.0"))))))
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(names(index.search(filtered(Map.of(SearchFacet.LICENSE, Set.of("mit", "apache-2.0"),
                SearchFacet.TASK, Set.of("summarization")))))).containsExactly("c");
    }

    @Test
    void textAndFiltersCombine() throws IOException {
        index.upsert(List.of(asset("iris-a").license("mit").build(), asset("iris-b").license("apache-2.0").build(),
                asset("rose").license("mit").build()));

        SearchResult result = index.search(new SearchQuery("iris", Map.of(SearchFacet.LICENSE, Set.of("mit")), null, 0, 10));

        assertThat(names(result)).containsExactly("iris-a");
        assertThat(result.facets().get(SearchFacet.LICENSE)).containsExactly(new FacetCount("apache-2.0", 1),
                new FacetCount("mit", 1));
    }

    @Test
    void aFilterWithThousandsOfValuesDoesNotFail() throws IOException {
        index.upsert(List.of(asset("a").tags("t7").build(), asset("b").tags("other").build()));
        Set<String> tags = new java.util.HashSet<>();
        IntStream.range(0, 5000).forEach(i -> tags.add("t" + i));

        assertThat(names(index.search(filtered(Map.of(SearchFacet.TAG, tags))))).containsExactly("a");
    }

    @Test
    void anAbsurdlyLongValueIsKeptButNeitherCountedNorMatchedExactly() throws IOException {
        String huge = "x".repeat(40_000);
        index.upsert(List.of(asset(huge).tags(huge, "ok").build()));

        SearchResult result = search("");

        assertThat(result.hits()).singleElement().satisfies(hit -> assertThat(hit.tags()).containsExactly(huge, "ok"));
        assertThat(result.facets().get(SearchFacet.TAG)).containsExactly(new FacetCount("ok", 1));
    }

    @Test
    void multiValuedFacetsFilterOnAnyOfTheirValues() throws IOException {
        index.upsert(List.of(asset("a").languages("en", "fr").tags("nlp").build(), asset("b").languages("de").tags("vision").build()));

        assertThat(names(index.search(filtered(Map.of(SearchFacet.LANGUAGE, Set.of("fr")))))).containsExactly("a");
        assertThat(names(index.search(filtered(Map.of(SearchFacet.TAG, Set.of("vision")))))).containsExactly("b");
    }

    @Test
    void kindIsFilteredByItsEnumNameOrPlural() throws IOException {
        index.upsert(List.of(asset("m").kind(AssetKind.MODEL).build(), asset("d").kind(AssetKind.DATASET).build()));

        assertThat(names(index.search(filtered(Map.of(SearchFacet.KIND, Set.of("DATASET")))))).containsExactly("d");
        assertThat(names(index.search(filtered(Map.of(SearchFacet.KIND, Set.of("models")))))).containsExactly("m");
    }

    @Test
    void anUnknownOrEmptyFilterValueMatchesNothing() throws IOException {
        index.upsert(List.of(asset("a").license("mit").build()));

        assertThat(index.search(filtered(Map.of(SearchFacet.LICENSE, Set.of("nope")))).total()).isZero();
        assertThat(index.search(filtered(Map.of(SearchFacet.LICENSE, Set.of("")))).total()).isZero();
        assertThat(index.search(filtered(Map.of(SearchFacet.LICENSE, Set.of("", "mit")))).total()).isEqualTo(1);
    }

    @Test
    void aFacetShowsItsThirtyMostFrequentValuesWithTiesInValueOrder() throws IOException {
        List<AssetSummary> assets = new ArrayList<>();
        for (int owner = 0; owner < 40; owner++) {
            for (int n = 0; n < (owner < 5 ? 3 : 1); n++) {
                assets.add(asset("x" + owner + "-" + n).owner(String.format("owner%02d", owner)).build());
            }
        }
        index.upsert(assets);

        List<FacetCount> owners = search("").facets().get(SearchFacet.OWNER);

        assertThat(owners).hasSize(30);
        assertThat(owners.subList(0, 5)).extracting(FacetCount::count).containsOnly(3L);
        assertThat(owners).extracting(FacetCount::value).startsWith("owner00", "owner01", "owner02", "owner03", "owner04", "owner05")
                .endsWith("owner29");
    }

    @Test
    void theCountsOfTheWholeCatalogueFollowEveryWrite() throws IOException {
        AssetSummary a = asset("a").license("mit").build();
        index.upsert(List.of(a));
        assertThat(search("").facets().get(SearchFacet.LICENSE)).containsExactly(new FacetCount("mit", 1));

        index.upsert(List.of(asset("b").license("mit").build(), new Builder(a.id(), "a").license("apache-2.0").build()));
        assertThat(search("").facets().get(SearchFacet.LICENSE)).containsExactly(new FacetCount("apache-2.0", 1),
                new FacetCount("mit", 1));

        index.remove(a.id());
        assertThat(search("").facets().get(SearchFacet.LICENSE)).containsExactly(new FacetCount("mit", 1));
    }

    @Test
    void anEmptyIndexAnswersWithNoHitsAndEmptyFacets() throws IOException {
        for (SearchQuery query : List.of(SearchQuery.all(10),
                new SearchQuery("iris", Map.of(SearchFacet.TAG, Set.of("x")), SearchSort.TRENDING, 0, 10))) {
            SearchResult result = index.search(query);

            assertThat(result.total()).isZero();
            assertThat(result.hits()).isEmpty();
            assertThat(result.facets()).containsOnlyKeys(SearchFacet.values()).allSatisfy((facet, counts) -> assertThat(counts).isEmpty());
        }
    }

    // --- sorts and paging --------------------------------------------------------------------------

    @Test
    void trendingOrdersByTrendingScoreThenLikesThenNewest() throws IOException {
        index.upsert(List.of(
                asset("score10-likes1").recent(5, 1).likes(1).build(),
                asset("score10-likes9").recent(10, 0).likes(9).build(),
                asset("score30").recent(0, 6).build(),
                asset("score0-new").updatedAt(T0.plusSeconds(60)).build(),
                asset("score0-old").updatedAt(T0).build()));

        assertThat(names(sorted(SearchSort.TRENDING))).containsExactly("score30", "score10-likes9", "score10-likes1",
                "score0-new", "score0-old");
    }

    @Test
    void downloadsLikesAndUpdatedSortDescending() throws IOException {
        index.upsert(List.of(
                asset("a").downloads(10).likes(3).updatedAt(T0.plusSeconds(1)).build(),
                asset("b").downloads(30).likes(1).updatedAt(T0.plusSeconds(3)).build(),
                asset("c").downloads(20).likes(2).updatedAt(T0.plusSeconds(2)).build()));

        assertThat(names(sorted(SearchSort.DOWNLOADS))).containsExactly("b", "c", "a");
        assertThat(names(sorted(SearchSort.LIKES))).containsExactly("a", "c", "b");
        assertThat(names(sorted(SearchSort.UPDATED))).containsExactly("b", "c", "a");
    }

    @Test
    void relevanceBreaksEqualScoresByNewest() throws IOException {
        index.upsert(List.of(asset("iris-old").updatedAt(T0).build(), asset("iris-new").updatedAt(T0.plusSeconds(5)).build()));

        assertThat(names(index.search(new SearchQuery("iris", Map.of(), SearchSort.RELEVANCE, 0, 10))))
                .containsExactly("iris-new", "iris-old");
    }

    @Test
    void equalSortKeysAreOrderedById() throws IOException {
        List<AssetSummary> assets = IntStream.range(0, 20).mapToObj(i -> asset("same" + i).build()).toList();
        index.upsert(assets);
        List<UUID> byId = assets.stream().map(AssetSummary::id).sorted().toList();

        for (SearchSort sort : SearchSort.values()) {
            assertThat(sorted(sort).hits()).extracting(AssetSummary::id).as(sort.name()).containsExactlyElementsOf(byId);
        }
    }

    @Test
    void pagesFollowEachOtherAndTheTotalCountsAllMatches() throws IOException {
        index.upsert(IntStream.range(0, 25).mapToObj(i -> asset("a" + i).downloads(i).build()).toList());

        SearchResult first = index.search(new SearchQuery("", Map.of(), SearchSort.DOWNLOADS, 0, 10));
        SearchResult third = index.search(new SearchQuery("", Map.of(), SearchSort.DOWNLOADS, 20, 10));
        SearchResult beyond = index.search(new SearchQuery("", Map.of(), SearchSort.DOWNLOADS, 1000, 10));

        assertThat(first.total()).isEqualTo(25);
        assertThat(names(first)).containsExactly("a24", "a23", "a22", "a21", "a20", "a19", "a18", "a17", "a16", "a15");
        assertThat(third.total()).isEqualTo(25);
        assertThat(names(third)).containsExactly("a4", "a3", "a2", "a1", "a0");
        assertThat(beyond.total()).isEqualTo(25);
        assertThat(beyond.hits()).isEmpty();
    }

    @Test
    void theTotalIsExactForManyMatches() throws IOException {
        index.upsert(IntStream.range(0, 2500).mapToObj(i -> asset("iris-" + i).build()).toList());

        assertThat(search("iris").total()).isEqualTo(2500);
    }

    // --- writes ------------------------------------------------------------------------------------

    @Test
    void upsertReplacesTheAssetWithTheSameIdAndIsVisibleWithoutCommit() throws IOException {
        AssetSummary first = asset("old-name").build();
        index.upsert(List.of(first));
        index.upsert(List.of(new Builder(first.id(), "new-name").build()));

        assertThat(index.size()).isEqualTo(1);
        assertThat(search("old").total()).isZero();
        assertThat(names(search("new"))).containsExactly("new-name");
    }

    @Test
    void removeDeletesTheAsset() throws IOException {
        AssetSummary a = asset("iris").build();
        index.upsert(List.of(a, asset("rose").build()));

        index.remove(a.id());
        index.remove(UUID.randomUUID());

        assertThat(index.size()).isEqualTo(1);
        assertThat(search("iris").total()).isZero();
    }

    @Test
    void rebuildReplacesEverythingAndSetsTheWatermark() throws IOException {
        index.upsert(List.of(asset("stale").build()));
        Instant watermark = T0.plusSeconds(3600);

        index.rebuild(Stream.of(asset("fresh-1").build(), asset("fresh-2").build()), watermark);

        assertThat(index.size()).isEqualTo(2);
        assertThat(search("stale").total()).isZero();
        assertThat(index.watermark()).contains(watermark);
    }

    @Test
    void aFailedRebuildLeavesTheLastCommitInPlace() throws IOException {
        index.rebuild(Stream.of(asset("kept").build()), T0);
        Stream<AssetSummary> failing = Stream.concat(Stream.of(asset("partial").build()), Stream.<AssetSummary>generate(() -> {
            throw new IllegalStateException("database went away");
        }));

        assertThatThrownBy(() -> index.rebuild(failing, T0.plusSeconds(60))).hasMessageContaining("database went away");

        assertThat(names(search(""))).containsExactly("kept");
        assertThat(index.watermark()).contains(T0);
        index.upsert(List.of(asset("after").build()));
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void aNewIndexHasNoWatermark() throws IOException {
        assertThat(index.watermark()).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void theWatermarkAndCommittedAssetsSurviveCloseAndReopen() throws IOException {
        index.upsert(List.of(asset("iris").build()));
        index.commit(T0.plusSeconds(42));
        index.close();

        index = new LuceneAssetIndex(dir);

        assertThat(index.watermark()).contains(T0.plusSeconds(42));
        assertThat(names(search("iris"))).containsExactly("iris");
    }

    @Test
    void aCorruptIndexOpensEmptyWithoutWatermark() throws IOException {
        index.upsert(List.of(asset("iris").build()));
        index.commit(T0);
        index.close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path segments : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.writeString(segments, "this is not a Lucene commit", StandardCharsets.UTF_8);
            }
        }

        index = new LuceneAssetIndex(dir);

        assertThat(index.size()).isZero();
        assertThat(index.watermark()).isEmpty();
        index.rebuild(Stream.of(asset("rose").build()), T0);
        assertThat(names(search(""))).containsExactly("rose");
    }

    @Test
    void aClosedIndexRefusesWork() throws IOException {
        index.close();

        assertThatThrownBy(() -> index.search(query("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.upsert(List.of(asset("x").build()))).isInstanceOf(IllegalStateException.class);
        index.close();
    }

    @Test
    void concurrentSearchesDuringWritesDoNotFail() throws Exception {
        index.rebuild(IntStream.range(0, 500).mapToObj(i -> asset("iris-" + i).license(i % 2 == 0 ? "mit" : "apache-2.0").build()), T0);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    started.countDown();
                    int n = 0;
                    while (writing.get() || n < 20) {
                        try {
                            SearchQuery q = new SearchQuery(n % 2 == 0 ? "iris" : "", Map.of(SearchFacet.LICENSE, Set.of("mit")),
                                    SearchSort.values()[n % SearchSort.values().length], n % 30, 10);
                            SearchResult result = index.search(q);
                            assertThat(result.hits()).allSatisfy(h -> assertThat(h.license()).isEqualTo("mit"));
                        } catch (Throwable t) {
                            failures.add(t);
                        }
                        n++;
                    }
                }));
            }
            started.await();
            for (int i = 0; i < 60; i++) {
                AssetSummary a = asset("rose-" + i).license("mit").build();
                index.upsert(List.of(a));
                if (i % 3 == 0) {
                    index.remove(a.id());
                }
                if (i % 20 == 0) {
                    index.commit(T0.plusSeconds(i));
                }
                if (i == 30) {
                    index.rebuild(IntStream.range(0, 300).mapToObj(j -> asset("tulip-" + j).license("mit").build()), T0.plusSeconds(i));
                }
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
        // 300 from the rebuild, then roses 31 to 59 less every third one removed
        assertThat(index.size()).isEqualTo(300 + 29 - 9);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private SearchResult search(String text) throws IOException {
        return index.search(query(text));
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(text, Map.of(), null, 0, SearchQuery.MAX_LIMIT);
    }

    private static SearchQuery filtered(Map<SearchFacet, Set<String>> filters) {
        return new SearchQuery("", filters, null, 0, SearchQuery.MAX_LIMIT);
    }

    private SearchResult sorted(SearchSort sort) throws IOException {
        return index.search(new SearchQuery("", Map.of(), sort, 0, SearchQuery.MAX_LIMIT));
    }

    private static List<String> names(SearchResult result) {
        return result.hits().stream().map(AssetSummary::name).toList();
    }

    private static Builder asset(String name) {
        return new Builder(UUID.randomUUID(), name);
    }

    private static final class Builder {
        private final UUID id;
        private final String name;
        private AssetKind kind = AssetKind.DATASET;
        private String owner = "acme";
        private String summary = "";
        private String card = "";
        private String task = "text-classification";
        private String license = "mit";
        private List<String> languages = List.of("en");
        private List<String> tags = List.of();
        private long downloads;
        private long likes;
        private long recentDownloads;
        private long recentLikes;
        private Instant updatedAt = T0;

        Builder(UUID id, String name) {
            this.id = id;
            this.name = name;
        }

        Builder kind(AssetKind v) { kind = v; return this; }
        Builder owner(String v) { owner = v; return this; }
        Builder summary(String v) { summary = v; return this; }
        Builder card(String v) { card = v; return this; }
        Builder task(String v) { task = v; return this; }
        Builder license(String v) { license = v; return this; }
        Builder languages(String... v) { languages = List.of(v); return this; }
        Builder tags(String... v) { tags = List.of(v); return this; }
        Builder downloads(long v) { downloads = v; return this; }
        Builder likes(long v) { likes = v; return this; }
        Builder recent(long downloads, long likes) { recentDownloads = downloads; recentLikes = likes; return this; }
        Builder updatedAt(Instant v) { updatedAt = v; return this; }

        AssetSummary build() {
            return new AssetSummary(id, kind, owner, name, summary, task, license, languages, tags, downloads, likes,
                    recentDownloads, recentLikes, updatedAt, card);
        }
    }
}
