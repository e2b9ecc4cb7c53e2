package org.guildhall.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PreviewReaderTest {

    static final long FIFTY_MB = 50L * 1024 * 1024;
    static final Duration PROMPTLY = Duration.ofSeconds(10);

    static PreviewTable read(String path, String content, int maxRows) throws Exception {
        return read(path, content.getBytes(StandardCharsets.UTF_8), maxRows);
    }

    static PreviewTable read(String path, byte[] content, int maxRows) throws Exception {
        return PreviewReader.read(path, new ByteArrayInputStream(content), maxRows);
    }

    static String problem(String path, String content) {
        try {
            read(path, content, 100);
        } catch (PreviewUnavailableException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError("expected a PreviewUnavailableException", e);
        }
        throw new AssertionError("expected a PreviewUnavailableException");
    }

    // ---- formats ----

    @Test
    void csvKeepsQuotedCommasQuotesAndLineBreaksInsideOneValue() throws Exception {
        PreviewTable table = read("data/train.csv", """
                id,text,label
                1,"Hello, world",positive
                2,"She said \"\"no\"\"",negative
                3,"first line
                second line",neutral
                """, 100);
        assertThat(table.format()).isEqualTo("csv");
        assertThat(table.columns()).containsExactly("id", "text", "label");
        assertThat(table.rows()).containsExactly(
                List.of("1", "Hello, world", "positive"),
                List.of("2", "She said \"no\"", "negative"),
                List.of("3", "first line\nsecond line", "neutral"));
        assertThat(table.truncated()).isFalse();
    }

    @Test
    void csvWithWindowsLineEndingsAndBlankLinesReadsTheSame() throws Exception {
        PreviewTable table = read("a.csv", "a,b\r\n\r\n1,2\r\n3,4\r\n", 100);
        assertThat(table.columns()).containsExactly("a", "b");
        assertThat(table.rows()).containsExactly(List.of("1", "2"), List.of("3", "4"));
    }

    @Test
    void csvShowsSloppyQuotingAsWrittenInsteadOfRefusingIt() throws Exception {
        PreviewTable table = read("a.csv", "size,note\n5\" screen,\"quoted\" then more\n", 100);
        assertThat(table.rows()).containsExactly(List.of("5\" screen", "quoted then more"));
    }

    @Test
    void tsvSplitsOnTabsAndLeavesCommasAlone() throws Exception {
        PreviewTable table = read("data.TSV", "name\tnote\nAda\tcounts, computes\nAlan\t\"quoted\ttab\"\n", 100);
        assertThat(table.format()).isEqualTo("tsv");
        assertThat(table.columns()).containsExactly("name", "note");
        assertThat(table.rows()).containsExactly(List.of("Ada", "counts, computes"), List.of("Alan", "quoted\ttab"));
    }

    @Test
    void jsonLinesColumnsAreTheUnionOfKeysInTheOrderFirstSeen() throws Exception {
        PreviewTable table = read("chat.jsonl", """
                {"id": 1, "prompt": "hi"}
                {"id": 2, "answer": "hello", "prompt": "hey"}
                {"score": 0.5}
                """, 100);
        assertThat(table.format()).isEqualTo("jsonl");
        assertThat(table.columns()).containsExactly("id", "prompt", "answer", "score");
        assertThat(table.rows()).containsExactly(
                List.of("1", "hi", "", ""),
                List.of("2", "hey", "hello", ""),
                List.of("", "", "", "0.5"));
    }

    @Test
    void jsonLinesShowNestedValuesAsCompactJsonAndScalarsAsWritten() throws Exception {
        PreviewTable table = read("x.ndjson",
                "{\"meta\": {\"lang\": \"en\", \"tags\": [1, 2.50, true, null, \"a\\\"b\\n\"]}, \"n\": 1e3, \"ok\": false, \"none\": null}\n",
                100);
        assertThat(table.format()).isEqualTo("jsonl");
        assertThat(table.columns()).containsExactly("meta", "n", "ok", "none");
        assertThat(table.rows().get(0)).containsExactly(
                "{\"lang\":\"en\",\"tags\":[1,2.50,true,null,\"a\\\"b\\n\"]}", "1e3", "false", "null");
    }

    @Test
    void jsonLinesSkipBlankLinesButCountThemInLineNumbers() throws Exception {
        PreviewTable table = read("a.jsonl", "\n{\"a\": 1}\n\n   \n{\"a\": 2}\n\n", 100);
        assertThat(table.rows()).containsExactly(List.of("1"), List.of("2"));
        assertThat(problem("a.jsonl", "{\"a\": 1}\n\n[1, 2]\n")).isEqualTo("Line 3 of a.jsonl is not a JSON object; in JSON Lines every line holds one object.");
    }

    @Test
    void aJsonArrayOfObjectsIsReadLikeJsonLines() throws Exception {
        PreviewTable table = read("rows.json", "[ {\"a\": 1, \"b\": [1]}, {\"c\": \"x\"} ]", 100);
        assertThat(table.format()).isEqualTo("json");
        assertThat(table.columns()).containsExactly("a", "b", "c");
        assertThat(table.rows()).containsExactly(List.of("1", "[1]", ""), List.of("", "", "x"));
        assertThat(table.truncated()).isFalse();
    }

    @Test
    void aJsonFileHoldingJsonLinesIsReadAsJsonLines() throws Exception {
        PreviewTable table = read("rows.json", "{\"a\": 1}\n{\"a\": 2}\n", 100);
        assertThat(table.format()).isEqualTo("json");
        assertThat(table.rows()).containsExactly(List.of("1"), List.of("2"));
    }

    @Test
    void aJsonFileThatIsNeitherAnArrayOfObjectsNorJsonLinesSaysSo() {
        assertThat(problem("config.json", "{\n  \"a\": 1\n}\n")).isEqualTo("config.json is neither a JSON array of objects nor JSON Lines.");
        assertThat(problem("n.json", "42")).isEqualTo("n.json is neither a JSON array of objects nor JSON Lines.");
        assertThat(problem("a.json", "[{\"a\": 1}, 2]")).isEqualTo("Item 2 of the array in a.json is not a JSON object; a preview needs an array of objects.");
        assertThat(problem("b.json", "[{\"a\": 1},\n {\"a\" 2}]")).startsWith("b.json is not valid JSON (the error is at line 2,");
    }

    // ---- limits ----

    @Test
    void moreRowsThanTheLimitGiveExactlyTheLimitMarkedTruncated() throws Exception {
        String csv = "n\n" + IntStream.range(0, 150).mapToObj(Integer::toString).collect(Collectors.joining("\n"));
        String jsonl = IntStream.range(0, 150).mapToObj(i -> "{\"n\": " + i + "}").collect(Collectors.joining("\n"));
        String json = IntStream.range(0, 150).mapToObj(i -> "{\"n\": " + i + "}").collect(Collectors.joining(",", "[", "]"));
        for (PreviewTable table : List.of(read("a.csv", csv, 100), read("a.jsonl", jsonl, 100), read("a.json", json, 100))) {
            assertThat(table.rows()).hasSize(100);
            assertThat(table.rows().get(99)).containsExactly("99");
            assertThat(table.truncated()).isTrue();
        }
    }

    @Test
    void exactlyTheLimitIsNotTruncated() throws Exception {
        assertThat(read("a.csv", "n\n1\n2\n", 2).truncated()).isFalse();
        assertThat(read("a.jsonl", "{\"n\":1}\n{\"n\":2}\n\n", 2).truncated()).isFalse();
        assertThat(read("a.json", "[{\"n\":1},{\"n\":2}]", 2).truncated()).isFalse();
    }

    @Test
    void aLimitOfZeroRowsStillGivesTheColumns() throws Exception {
        PreviewTable table = read("a.csv", "a,b\n1,2\n", 0);
        assertThat(table.columns()).containsExactly("a", "b");
        assertThat(table.rows()).isEmpty();
        assertThat(table.truncated()).isTrue();
    }

    @Test
    void rowsShorterThanTheHeaderArePaddedAndLongerOnesAddNumberedColumns() throws Exception {
        PreviewTable table = read("a.csv", "a,b,c\n1\n1,2,3,4,5\n", 100);
        assertThat(table.columns()).containsExactly("a", "b", "c", "column_4", "column_5");
        assertThat(table.rows()).containsExactly(List.of("1", "", "", "", ""), List.of("1", "2", "3", "4", "5"));
    }

    @Test
    void blankColumnNamesAreNamedByTheirPosition() throws Exception {
        assertThat(read("a.csv", ",name\n0,x\n", 100).columns()).containsExactly("column_1", "name");
    }

    @Test
    void aCellLongerThanAThousandCharactersIsCutWithAnEllipsis() throws Exception {
        String longText = "x".repeat(5_000);
        for (PreviewTable table : List.of(read("a.csv", "a,b\n" + longText + ",short\n", 100),
                read("a.jsonl", "{\"a\": \"" + longText + "\", \"b\": \"short\"}", 100))) {
            String cell = table.rows().get(0).get(0);
            assertThat(cell).hasSize(1_000).startsWith("xxx").endsWith("…");
            assertThat(table.rows().get(0).get(1)).isEqualTo("short");
            assertThat(table.truncated()).isTrue();
        }
    }

    @Test
    void aNestedValueLongerThanACellIsCutToo() throws Exception {
        String big = IntStream.range(0, 2_000).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
        PreviewTable table = read("a.jsonl", "{\"v\": " + big + "}", 100);
        assertThat(table.rows().get(0).get(0)).hasSize(1_000).startsWith("[0,1,2,").endsWith("…");
        assertThat(table.truncated()).isTrue();
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "😀";
        String cut = PreviewReader.cut("a" + emoji.repeat(600));
        assertThat(cut).endsWith("…");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }

    @Test
    void onlyTheFirstTwoHundredColumnsAreKept() throws Exception {
        String header = IntStream.range(0, 300).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        String row = IntStream.range(0, 300).mapToObj(Integer::toString).collect(Collectors.joining(","));
        PreviewTable csv = read("wide.csv", header + "\n" + row + "\n", 100);
        assertThat(csv.columns()).hasSize(200).endsWith("c199");
        assertThat(csv.rows().get(0)).hasSize(200).endsWith("199");
        assertThat(csv.truncated()).isTrue();

        String object = IntStream.range(0, 300).mapToObj(i -> "\"k" + i + "\": " + i).collect(Collectors.joining(",", "{", "}"));
        PreviewTable jsonl = read("wide.jsonl", object, 100);
        assertThat(jsonl.columns()).hasSize(200).endsWith("k199");
        assertThat(jsonl.truncated()).isTrue();
    }

    // ---- bounded on huge and hostile input ----

    @Test
    void aFiftyMegabyteSingleLineCsvIsReadOnlyAsFarAsTheRecordLimit() {
        GeneratedStream stream = new GeneratedStream("", "value,", FIFTY_MB);
        PreviewTable table = assertTimeoutPreemptively(PROMPTLY, () -> PreviewReader.read("huge.csv", stream, 100));
        assertThat(table.columns()).hasSize(200).allMatch(c -> c.equals("value"));
        assertThat(table.rows()).isEmpty();
        assertThat(table.truncated()).isTrue();
        assertThat(stream.consumed()).isLessThan(2L * 1024 * 1024);
    }

    @Test
    void aQuoteThatNeverClosesIsReadOnlyAsFarAsTheRecordLimit() {
        GeneratedStream stream = new GeneratedStream("a,b\n1,\"", "never closed ", FIFTY_MB);
        PreviewTable table = assertTimeoutPreemptively(PROMPTLY, () -> PreviewReader.read("open.csv", stream, 100));
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).get(0)).isEqualTo("1");
        assertThat(table.rows().get(0).get(1)).hasSize(1_000).startsWith("never closed").endsWith("…");
        assertThat(table.truncated()).isTrue();
        assertThat(stream.consumed()).isLessThan(2L * 1024 * 1024);
    }

    @Test
    void aFiftyMegabyteJsonLineKeepsTheMembersBeforeTheLimit() {
        GeneratedStream stream = new GeneratedStream("{\"id\": 7}\n{\"id\": 8, \"text\": \"", "lorem ipsum ", FIFTY_MB);
        PreviewTable table = assertTimeoutPreemptively(PROMPTLY, () -> PreviewReader.read("huge.jsonl", stream, 100));
        assertThat(table.columns()).containsExactly("id", "text");
        assertThat(table.rows()).containsExactly(List.of("7", ""), List.of("8", "…"));
        assertThat(table.truncated()).isTrue();
        assertThat(stream.consumed()).isLessThan(2L * 1024 * 1024);
    }

    @Test
    void aFiftyMegabyteJsonArrayItemKeepsTheMembersBeforeTheLimit() {
        GeneratedStream stream = new GeneratedStream("[{\"id\": 7, \"v\": [", "1,", FIFTY_MB);
        PreviewTable table = assertTimeoutPreemptively(PROMPTLY, () -> PreviewReader.read("huge.json", stream, 100));
        assertThat(table.rows()).containsExactly(List.of("7", "…"));
        assertThat(table.truncated()).isTrue();
        assertThat(stream.consumed()).isLessThan(2L * 1024 * 1024);
    }

    @Test
    void rowsPastTheLimitAreNotRead() {
        long fourGigabytes = 4L * 1024 * 1024 * 1024;
        GeneratedStream csv = new GeneratedStream("a,b\n", "1,2\n", fourGigabytes);
        GeneratedStream jsonl = new GeneratedStream("", "{\"a\": 1}\n", fourGigabytes);
        PreviewTable fromCsv = assertTimeoutPreemptively(PROMPTLY, () -> PreviewReader.read("endless.csv", csv, 100));
        PreviewTable fromJsonl = assertTimeoutPreemptively(PROMPTLY, () -> PreviewReader.read("endless.jsonl", jsonl, 100));
        assertThat(fromCsv.rows()).hasSize(100);
        assertThat(fromJsonl.rows()).hasSize(100);
        assertThat(fromCsv.truncated()).isTrue();
        assertThat(fromJsonl.truncated()).isTrue();
        assertThat(csv.consumed()).isLessThan(64 * 1024);
        assertThat(jsonl.consumed()).isLessThan(64 * 1024);
    }

    @Test
    void aFileOfNothingButLineBreaksIsReadOnlyAsFarAsTheRecordLimit() {
        for (String path : List.of("blank.csv", "blank.jsonl", "blank.json")) {
            GeneratedStream stream = new GeneratedStream("", "\n", FIFTY_MB);
            PreviewTable table = assertTimeoutPreemptively(PROMPTLY, () -> PreviewReader.read(path, stream, 100));
            assertThat(table.columns()).isEmpty();
            assertThat(table.truncated()).isTrue();
            assertThat(stream.consumed()).isLessThan(2L * 1024 * 1024);
        }
    }

    @Test
    void jsonNestedDeeperThanTheParserAllowsIsAProblemNotACrash() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThat(problem("deep.jsonl", "{\"a\": " + deep + "}\n")).startsWith("Line 1 of deep.jsonl is not valid JSON");
        assertThat(problem("deep.json", "[{\"a\": " + deep + "}]")).startsWith("deep.json is not valid JSON");
    }

    @Test
    void aFiftyMegabyteLineOfOpeningBracketsStaysBounded() {
        GeneratedStream stream = new GeneratedStream("{\"id\": 1, \"v\": ", "[", FIFTY_MB);
        PreviewTable table = assertTimeoutPreemptively(PROMPTLY, () -> PreviewReader.read("deep.jsonl", stream, 100));
        assertThat(table.rows()).containsExactly(List.of("1", "…"));
        assertThat(stream.consumed()).isLessThan(2L * 1024 * 1024);
    }

    // ---- text ----

    @Test
    void aByteOrderMarkIsDropped() throws Exception {
        assertThat(read("a.csv", "\uFEFFid,name\n1,x\n", 100).columns()).containsExactly("id", "name");
        assertThat(read("a.jsonl", "\uFEFF{\"id\": 1}\n", 100).columns()).containsExactly("id");
        assertThat(read("a.json", "\uFEFF[{\"id\": 1}]", 100).columns()).containsExactly("id");
    }

    @Test
    void malformedUtf8BecomesReplacementCharactersInsteadOfFailing() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("name\ncaf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1 é, not UTF-8
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        PreviewTable table = read("latin1.csv", bytes.toByteArray(), 100);
        assertThat(table.rows()).containsExactly(List.of("caf\uFFFD"));
    }

    @Test
    void anEmptyFileIsAnEmptyTable() throws Exception {
        for (String path : List.of("empty.csv", "empty.tsv", "empty.jsonl", "empty.json")) {
            PreviewTable table = read(path, "", 100);
            assertThat(table.columns()).isEmpty();
            assertThat(table.rows()).isEmpty();
            assertThat(table.truncated()).isFalse();
        }
        assertThat(read("bom.csv", "\uFEFF", 100).columns()).isEmpty();
    }

    @Test
    void aCsvWithOnlyItsHeaderHasColumnsAndNoRows() throws Exception {
        PreviewTable table = read("a.csv", "a,b", 100);
        assertThat(table.columns()).containsExactly("a", "b");
        assertThat(table.rows()).isEmpty();
        assertThat(table.truncated()).isFalse();
    }

    // ---- problems ----

    @Test
    void anUnsupportedFileSaysWhatIsSupported() {
        assertThat(PreviewReader.supports("data.xlsx")).isFalse();
        assertThat(problem("data.xlsx", "whatever")).isEqualTo(
                "Preview is available for CSV, TSV, JSON Lines and JSON array files (.csv, .tsv, .jsonl, .ndjson, .json); data.xlsx is not one.");
        assertThat(problem("train.parquet", "PAR1")).startsWith("Parquet files such as train.parquet have no preview yet.");
    }

    @Test
    void theFormatFollowsTheExtensionWhateverItsCase() {
        assertThat(List.of("a.csv", "A.CSV", "dir/b.Tsv", "c.JSONL", "d.ndjson", "e.json")).allMatch(PreviewReader::supports);
        assertThat(List.of("a.csv.gz", "csv", "a.txt", "a.parquet")).noneMatch(PreviewReader::supports);
    }

    @Test
    void aJsonLineThatIsNotAnObjectIsNamedByItsLine() {
        assertThat(problem("data.jsonl", "{\"a\": 1}\n{\"a\": 2}\n\"text\"\n"))
                .isEqualTo("Line 3 of data.jsonl is not a JSON object; in JSON Lines every line holds one object.");
    }

    @Test
    void aJsonLineThatIsNotJsonIsNamedByItsLine() {
        assertThat(problem("data.jsonl", "{\"a\": 1}\n{\"a\": }\n")).startsWith("Line 2 of data.jsonl is not valid JSON (the error is at character ");
        assertThat(problem("data.jsonl", "{\"a\": 1} {\"a\": 2}\n")).startsWith("Line 1 of data.jsonl is not valid JSON");
    }

    @Test
    void theStreamIsLeftOpenForItsOwner() throws Exception {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        PreviewReader.read("a.csv", in, 100);
        PreviewReader.read("a.json", in, 100);
        assertThat(closed[0]).isFalse();
    }

    /** A prefix, then a pattern repeated up to a total length, made as it is read and never held whole. */
    static final class GeneratedStream extends InputStream {

        private final byte[] prefix;
        private final byte[] pattern;
        private final long total;
        private long position;

        GeneratedStream(String prefix, String pattern, long total) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.pattern = pattern.getBytes(StandardCharsets.UTF_8);
            this.total = total;
        }

        long consumed() {
            return position;
        }

        @Override
        public int read() {
            if (position >= total) {
                return -1;
            }
            return byteAt(position++) & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(length, total - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = byteAt(position + i);
            }
            position += n;
            return n;
        }

        private byte byteAt(long at) {
            return at < prefix.length ? prefix[(int) at] : pattern[(int) ((at - prefix.length) % pattern.length)];
        }
    }
}
