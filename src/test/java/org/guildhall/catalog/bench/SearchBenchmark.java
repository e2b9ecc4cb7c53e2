package org.guildhall.catalog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetSummary;
import org.guildhall.catalog.api.SearchFacet;
import org.guildhall.catalog.api.SearchQuery;
import org.guildhall.catalog.api.SearchSort;
import org.guildhall.catalog.infrastructure.LuceneAssetIndex;

/**
 * Measures the embedded search index at catalogue scale: rebuilds it from N synthetic assets (100,000 by
 * default), then times a mix of searches shaped like the portal's (free text, the prefix of a word being
 * typed, browsing by each order, facet filters, text with filters, deep pages) and single upserts with
 * their near-real-time refresh. Prints the figures and writes them to {@code target/bench/search.json}.
 * Targets in-process: p50 &lt; 15 ms, p99 &lt; 60 ms.
 *
 * <p>The data is synthetic but shaped like the Hub's: names joined with {@code - _ .} from word lists,
 * about 10 tasks, 15 licences, 20 languages, 200 tags and 2,000 owners with Zipf-like popularity, card
 * text of a few hundred words drawn Zipf-like from a vocabulary, heavy-tailed downloads. A fixed seed
 * makes runs comparable.
 *
 * <p>Not a test; run it offline from the project directory (arguments optional: assets, measured searches):
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt \
 *   &amp;&amp; java -Xmx1g -cp target/classes:target/test-classes:$(cat target/bench/classpath.txt) \
 *      org.guildhall.catalog.bench.SearchBenchmark 100000 3000
 * </pre>
 */
public final class SearchBenchmark {

    private static final long SEED = 20250101L;
    private static final int WARM_UP_SEARCHES = 500;
    private static final int UPSERTS = 200;
    private static final int PAGE = 30;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int searches = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        Path out = Paths.get("target", "bench");
        Path indexDir = out.resolve("index");
        deleteRecursively(indexDir);
        Files.createDirectories(indexDir);

        Catalogue catalogue = new Catalogue(new Random(SEED));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("assets", assets);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("java", System.getProperty("java.version"));
        report.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));

        long t = System.nanoTime();
        long generated = new Catalogue(new Random(SEED)).assets(assets).count();
        report.put("generateOnlySeconds", seconds(System.nanoTime() - t));

        try (LuceneAssetIndex index = new LuceneAssetIndex(indexDir)) {
            t = System.nanoTime();
            index.rebuild(catalogue.assets(assets), Instant.parse("2025-06-01T00:00:00Z"));
            long rebuildNanos = System.nanoTime() - t;
            report.put("rebuildSeconds", seconds(rebuildNanos));
            report.put("rebuildAssetsPerSecond", Math.round(generated / (rebuildNanos / 1e9)));
            report.put("indexSize", index.size());
            report.put("indexBytesOnDisk", sizeOnDisk(indexDir));

            Random queries = new Random(SEED + 1);
            for (int i = 0; i < WARM_UP_SEARCHES; i++) {
                index.search(catalogue.query(queries).query());
            }

            Map<String, List<Long>> byShape = new LinkedHashMap<>();
            List<Long> all = new ArrayList<>(searches);
            long totalHits = 0;
            for (int i = 0; i < searches; i++) {
                Shaped shaped = catalogue.query(queries);
                long start = System.nanoTime();
                totalHits += index.search(shaped.query()).total();
                long took = System.nanoTime() - start;
                all.add(took);
                byShape.computeIfAbsent(shaped.shape(), k -> new ArrayList<>()).add(took);
            }
            report.put("searches", searches);
            report.put("meanHitsPerSearch", totalHits / Math.max(1, searches));
            report.put("searchMs", percentiles(all));
            Map<String, Object> shapes = new LinkedHashMap<>();
            byShape.forEach((shape, times) -> shapes.put(shape, percentiles(times)));
            report.put("searchMsByShape", shapes);

            List<Long> upserts = new ArrayList<>(UPSERTS);
            for (int i = 0; i < UPSERTS; i++) {
                AssetSummary asset = catalogue.asset();
                long start = System.nanoTime();
                index.upsert(List.of(asset));
                upserts.add(System.nanoTime() - start);
            }
            report.put("upsertWithRefreshMs", percentiles(upserts));
        }

        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("p50Ms", 15);
        targets.put("p99Ms", 60);
        report.put("targets", targets);
        String json = toJson(report, "");
        Files.createDirectories(out);
        Files.writeString(out.resolve("search.json"), json + "\n", StandardCharsets.UTF_8);
        System.out.println(json);
    }

    // --- the synthetic catalogue ---------------------------------------------------------------------

    private record Shaped(String shape, SearchQuery query) {
    }

    static final class Catalogue {

        private static final String[] NAME_WORDS = ("bert roberta llama mistral gemma phi qwen falcon bloom gpt t5 bart "
                + "whisper wav2vec clip vit resnet yolo detr segformer stable diffusion sdxl opus marian deberta electra "
                + "distil mini tiny nano small base large xl instruct chat coder math vision audio speech sentiment emotion "
                + "toxic news legal medical clinical bio chem finance code wiki squad imdb iris mnist cifar coco pile c4 "
                + "alpaca dolly orca ultra open red pajama slim hermes zephyr vicuna wizard starling neural magic fast "
                + "flash long short multi lingual cross encoder decoder embed rerank retrieval qa ner pos summarize "
                + "translate caption detect segment classify tabular time series forecast weather satellite crop plant "
                + "bird flower animal face pose depth ocr receipt invoice tweet reddit review product").split(" ");
        private static final String[] NAME_SUFFIXES = "v1 v2 v3 v0.1 v1.5 7b 13b 70b 1b 3b 125m 350m uncased cased ft sft dpo gguf awq int8 4bit en de fr multilingual"
                .split(" ");
        private static final String[] TASKS = ("text-classification token-classification translation summarization "
                + "question-answering text-generation image-classification object-detection automatic-speech-recognition "
                + "tabular-regression").split(" ");
        private static final String[] LICENSES = ("apache-2.0 mit cc-by-4.0 cc-by-sa-4.0 cc-by-nc-4.0 cc0-1.0 openrail "
                + "llama2 llama3 gpl-3.0 bsd-3-clause mpl-2.0 agpl-3.0 other unknown").split(" ");
        private static final String[] LANGUAGES = "en zh fr de es ja ru pt it ko ar hi nl pl tr vi sv id uk fa".split(" ");
        private static final String[] SYLLABLES = ("ka ri to mo na lu ve sa pe di ro ga bu te fi zo la ne mi ko ta re "
                + "so vi da li nu po he ma ke ju").split(" ");
        private static final String[] DOMAIN_WORDS = ("model dataset training trained fine tuned tuning evaluation "
                + "accuracy benchmark language languages text image images audio speech token tokens tokenizer corpus "
                + "license licence data samples examples split train test validation labels label classification "
                + "translation translations summaries summary question answer answers english french german spanish "
                + "chinese japanese multilingual transformer transformers attention layer layers parameters weights "
                + "quantized inference gpu cpu batch epoch epochs learning rate optimizer loss results metrics bleu rouge "
                + "f1 precision recall bias limitations intended use citation authors paper github hub card version "
                + "release released contributors community open source research commercial noncommercial safety").split(" ");

        private final Random random;
        private final List<String> vocabulary = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private final List<String> owners = new ArrayList<>();
        private final Zipf vocabularyRank;
        private final Zipf tagRank;
        private final Zipf ownerRank;
        private final Zipf languageRank;
        private final Zipf licenseRank;
        private final Zipf taskRank;
        private final Instant newest = Instant.parse("2025-06-01T00:00:00Z");

        Catalogue(Random random) {
            this.random = random;
            vocabulary.addAll(Arrays.asList(DOMAIN_WORDS));
            Set<String> seen = new HashSet<>(vocabulary);
            while (vocabulary.size() < 5_000) {
                String word = pseudoWord(2 + random.nextInt(3));
                if (seen.add(word)) {
                    vocabulary.add(word);
                }
            }
            Set<String> tagSet = new java.util.LinkedHashSet<>(List.of(DOMAIN_WORDS).subList(0, 60));
            while (tagSet.size() < 200) {
                tagSet.add(NAME_WORDS[random.nextInt(NAME_WORDS.length)] + "-" + DOMAIN_WORDS[random.nextInt(DOMAIN_WORDS.length)]);
            }
            tags.addAll(tagSet);
            Set<String> ownerSet = new java.util.LinkedHashSet<>();
            while (ownerSet.size() < 2_000) {
                String owner = pseudoWord(2 + random.nextInt(3)) + (random.nextInt(4) == 0 ? "-" + pseudoWord(2) : "")
                        + (random.nextInt(5) == 0 ? String.valueOf(random.nextInt(100)) : "");
                ownerSet.add(owner);
            }
            owners.addAll(ownerSet);
            vocabularyRank = new Zipf(vocabulary.size(), 1.0);
            tagRank = new Zipf(tags.size(), 1.0);
            ownerRank = new Zipf(owners.size(), 0.8);
            languageRank = new Zipf(LANGUAGES.length, 1.2);
            licenseRank = new Zipf(LICENSES.length, 1.0);
            taskRank = new Zipf(TASKS.length, 0.7);
        }

        private String pseudoWord(int syllables) {
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            return word.toString();
        }

        Stream<AssetSummary> assets(int n) {
            return Stream.generate(this::asset).limit(n);
        }

        AssetSummary asset() {
            AssetKind kind = random.nextInt(3) == 0 ? AssetKind.DATASET : AssetKind.MODEL;
            String name = name();
            int languageCount = random.nextInt(10) == 0 ? 2 + random.nextInt(4) : 1;
            List<String> languages = distinct(languageCount, () -> LANGUAGES[languageRank.next(random)]);
            List<String> assetTags = distinct(random.nextInt(7), () -> tags.get(tagRank.next(random)));
            long downloads = (long) Math.exp(random.nextGaussian() * 2.5 + 4);
            long likes = (long) (downloads / (20 + random.nextInt(200)));
            long recentDownloads = (long) (downloads * random.nextDouble() * 0.2);
            long recentLikes = (long) (likes * random.nextDouble() * 0.2);
            Instant updatedAt = newest.minus(Duration.ofMinutes(random.nextInt(3 * 365 * 24 * 60)));
            return new AssetSummary(new UUID(random.nextLong(), random.nextLong()), kind, owners.get(ownerRank.next(random)), name,
                    words(8 + random.nextInt(13)), TASKS[taskRank.next(random)], LICENSES[licenseRank.next(random)], languages,
                    assetTags, downloads, likes, recentDownloads, recentLikes, updatedAt, card(name));
        }

        private String name() {
            int parts = 1 + random.nextInt(3);
            String joiner = switch (random.nextInt(10)) {
                case 0 -> "_";
                case 1 -> ".";
                default -> "-";
            };
            List<String> words = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                words.add(NAME_WORDS[random.nextInt(NAME_WORDS.length)]);
            }
            if (random.nextBoolean()) {
                words.add(NAME_SUFFIXES[random.nextInt(NAME_SUFFIXES.length)]);
            }
            if (random.nextInt(4) == 0) {
                words.add(vocabulary.get(vocabularyRank.next(random)));
            }
            return String.join(joiner, words);
        }

        private String card(String name) {
            StringBuilder card = new StringBuilder("# ").append(name).append("\n\n");
            int words = 150 + random.nextInt(350);
            for (int i = 0; i < words; i++) {
                card.append(vocabulary.get(vocabularyRank.next(random))).append(i % 15 == 14 ? ".\n" : " ");
            }
            return card.toString();
        }

        private String words(int n) {
            return Stream.generate(() -> vocabulary.get(vocabularyRank.next(random))).limit(n).collect(Collectors.joining(" "));
        }

        private static <T> List<T> distinct(int n, java.util.function.Supplier<T> next) {
            Set<T> values = new java.util.LinkedHashSet<>();
            for (int tries = 0; values.size() < n && tries < n * 5; tries++) {
                values.add(next.get());
            }
            return List.copyOf(values);
        }

        /** A search as the portal would send it, tagged with its shape. */
        Shaped query(Random r) {
            int roll = r.nextInt(100);
            if (roll < 25) {
                return new Shaped("text", new SearchQuery(queryText(r), Map.of(), null, 0, PAGE));
            }
            if (roll < 35) {
                String word = NAME_WORDS[r.nextInt(NAME_WORDS.length)];
                String prefix = word.substring(0, Math.min(word.length(), 2 + r.nextInt(3)));
                return new Shaped("prefix", new SearchQuery(prefix, Map.of(), null, 0, PAGE));
            }
            if (roll < 50) {
                return new Shaped("browse", new SearchQuery("", Map.of(), browseSort(r), 0, PAGE));
            }
            if (roll < 65) {
                return new Shaped("filters", new SearchQuery("", filters(r), browseSort(r), 0, PAGE));
            }
            if (roll < 80) {
                return new Shaped("text+filters", new SearchQuery(queryText(r), filters(r), null, 0, PAGE));
            }
            if (roll < 90) {
                SearchSort sort = SearchSort.values()[r.nextInt(SearchSort.values().length)];
                return new Shaped("text+sort", new SearchQuery(queryText(r), Map.of(), sort, 0, PAGE));
            }
            int offset = new int[] {60, 300, 1_000, 3_000}[r.nextInt(4)];
            String text = r.nextBoolean() ? "" : NAME_WORDS[r.nextInt(NAME_WORDS.length)];
            return new Shaped("deep-page", new SearchQuery(text, Map.of(), null, offset, PAGE));
        }

        private String queryText(Random r) {
            int words = 1 + (r.nextInt(10) < 6 ? 0 : r.nextInt(3));
            List<String> text = new ArrayList<>();
            for (int i = 0; i < words; i++) {
                text.add(r.nextInt(3) == 0 ? vocabulary.get(vocabularyRank.next(r)) : NAME_WORDS[r.nextInt(NAME_WORDS.length)]);
            }
            return String.join(" ", text);
        }

        private static SearchSort browseSort(Random r) {
            SearchSort[] sorts = {SearchSort.TRENDING, SearchSort.DOWNLOADS, SearchSort.LIKES, SearchSort.UPDATED};
            return sorts[r.nextInt(sorts.length)];
        }

        private Map<SearchFacet, Set<String>> filters(Random r) {
            Map<SearchFacet, Set<String>> filters = new EnumMap<>(SearchFacet.class);
            int facets = 1 + r.nextInt(3);
            for (int i = 0; i < facets; i++) {
                SearchFacet facet = SearchFacet.values()[r.nextInt(SearchFacet.values().length)];
                int values = r.nextInt(4) == 0 ? 2 : 1;
                Set<String> chosen = new HashSet<>();
                for (int v = 0; v < values; v++) {
                    chosen.add(switch (facet) {
                        case KIND -> (r.nextBoolean() ? AssetKind.MODEL : AssetKind.DATASET).name();
                        case TASK -> TASKS[taskRank.next(r)];
                        case LICENSE -> LICENSES[licenseRank.next(r)];
                        case LANGUAGE -> LANGUAGES[languageRank.next(r)];
                        case TAG -> tags.get(tagRank.next(r));
                        case OWNER -> owners.get(ownerRank.next(r));
                    });
                }
                filters.put(facet, chosen);
            }
            return filters;
        }
    }

    /** Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^s. */
    private static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1 / Math.pow(k + 1, s);
                cumulative[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int next(Random random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
        }
    }

    // --- figures -------------------------------------------------------------------------------------

    private static Map<String, Object> percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n", sorted.length);
        p.put("p50", millis(sorted, 0.50));
        p.put("p90", millis(sorted, 0.90));
        p.put("p99", millis(sorted, 0.99));
        p.put("max", round(sorted[sorted.length - 1] / 1e6));
        p.put("mean", round(Arrays.stream(sorted).average().orElse(0) / 1e6));
        return p;
    }

    /** Nearest-rank percentile. */
    private static double millis(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return round(sorted[Math.max(0, rank - 1)] / 1e6);
    }

    private static double seconds(long nanos) {
        return round(nanos / 1e9);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static long sizeOnDisk(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String toJson(Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            String inner = indent + "  ";
            return map.entrySet().stream()
                    .map(e -> inner + "\"" + e.getKey() + "\": " + toJson(e.getValue(), inner))
                    .collect(Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.format(Locale.ROOT, "%s", value);
    }
}
