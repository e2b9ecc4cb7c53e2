package org.guildhall.catalog.domain;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.guildhall.platform.web.Messages;

/**
 * Reads the first rows of a data file into a {@link PreviewTable}. The format follows the file name:
 * {@code .csv} (RFC 4180, first record = column names), {@code .tsv} (the same with tabs), {@code .jsonl} and
 * {@code .ndjson} (one JSON object per line; the columns are the union of the top-level keys in the order
 * first seen; nested values are shown as compact JSON), and {@code .json} holding an array of objects (or,
 * as the Hub also accepts, JSON Lines). Parquet is not read: the libraries that read it need Hadoop or
 * shims of it, and its footer sits at the end of the file, so it cannot be previewed from a stream without
 * reading the whole file.
 *
 * <p>A file may be many gigabytes and written to hurt, so the work is bounded by the preview, never by the
 * file:
 * <ul>
 * <li>only as much is read as the rows asked for need, plus one more record to tell whether more exist;</li>
 * <li>a record (a CSV record, a JSON line, an array item; blank lines before it included) may take about
 * {@value #MAX_RECORD_CHARS} characters. A longer one ends the preview: what was read of it is shown, the
 * value being read when the limit struck ends in "…", and the table is marked truncated. Reading on to
 * find the next record could mean reading the rest of a file that is one giant line;</li>
 * <li>a cell or column name keeps at most {@value #MAX_CELL_CHARS} characters (cut with "…"), and a table
 * at most {@value #MAX_COLUMNS} columns; anything cut marks the table truncated.</li>
 * </ul>
 * Text is decoded as UTF-8; malformed bytes become U+FFFD rather than failing, and a byte order mark is
 * dropped. The stream is not closed: whoever opened it closes it.
 */
public final class PreviewReader {

    /** One provider for every builder: {@code Json.create…} looks the provider up again on each call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    static final int MAX_RECORD_CHARS = 1 << 20;
    static final int MAX_CELL_CHARS = 1_000;
    static final int MAX_COLUMNS = 200;
    static final String ELLIPSIS = "…";

    private enum Format {
        CSV("csv", "CSV"), TSV("tsv", "TSV"), JSON_LINES("jsonl", "JSON Lines"), JSON("json", "JSON");

        final String id;
        final String label;

        Format(String id, String label) {
            this.id = id;
            this.label = label;
        }
    }

    private PreviewReader() {
    }

    /** Whether {@link #read} knows the file's format by its name; its content may still disappoint. */
    public static boolean supports(String path) {
        return path != null && formatOf(path) != null;
    }

    /**
     * @param path    the file's path in the asset; it picks the format and names the file in messages
     * @param maxRows how many rows to show at most (the column names of CSV and TSV are not a row)
     * @throws PreviewUnavailableException when the format has no preview or the content does not fit it
     * @throws IOException                 when reading the stream fails
     */
    public static PreviewTable read(String path, InputStream in, int maxRows) throws IOException, PreviewUnavailableException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(in, "in");
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows is negative: " + maxRows);
        }
        Format format = formatOf(path);
        if (format == null) {
            boolean parquet = path.toLowerCase(Locale.ROOT).endsWith(".parquet");
            throw new PreviewUnavailableException(text(parquet ? "catalog.preview.parquet" : "catalog.preview.unsupported", path));
        }
        RecordBudget input = new RecordBudget(in);
        return switch (format) {
            case CSV, TSV -> readDelimited(format, path, input, maxRows);
            case JSON_LINES -> readJsonLines(format, path, input, maxRows);
            case JSON -> readJson(path, input, maxRows);
        };
    }

    private static Format formatOf(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".tsv")) {
            return Format.TSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Format.JSON_LINES;
        }
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        return null;
    }

    // ---- CSV and TSV ----------------------------------------------------------------------------------

    private static PreviewTable readDelimited(Format format, String path, RecordBudget input, int maxRows)
            throws IOException, PreviewUnavailableException {
        // Lenient about a quote left open at the end and about text after a closing quote: a preview should
        // show a sloppy file as its author's tools would, and an open quote at the budget's end is expected.
        // TSV keeps RFC 4180 quoting as pandas and the Hub's viewer do.
        CSVFormat csv = CSVFormat.RFC4180.builder()
                .setDelimiter(format == Format.TSV ? '\t' : ',')
                .setIgnoreEmptyLines(true)
                .setLenientEof(true)
                .setTrailingData(true)
                .get();
        TableBuilder table = new TableBuilder(format.id);
        try (CSVParser parser = CSVParser.builder().setReader(input).setFormat(csv).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            boolean header = true;
            int rows = 0;
            while (true) {
                input.allow(MAX_RECORD_CHARS);
                CSVRecord record;
                try {
                    // hasNext() reads the whole next record, so the budget above bounds it
                    record = records.hasNext() ? records.next() : null;
                } catch (UncheckedIOException e) {
                    if (input.exhausted()) {
                        table.markTruncated();
                        break;
                    }
                    if (e.getCause() instanceof CSVException) {
                        throw new PreviewUnavailableException(
                                text("catalog.preview.invalidDelimited", parser.getCurrentLineNumber(), path, format.label));
                    }
                    throw e.getCause();
                }
                if (record == null) {
                    if (input.exhausted()) {
                        table.markTruncated();
                    }
                    break;
                }
                if (!header && rows == maxRows) {
                    table.markTruncated();
                    break;
                }
                // one past the column limit is enough for the table to notice that columns were dropped
                int kept = Math.min(record.size(), MAX_COLUMNS + 1);
                List<String> cells = new ArrayList<>(kept);
                for (int i = 0; i < kept; i++) {
                    cells.add(record.get(i));
                }
                boolean cut = input.exhausted();
                if (cut && kept == record.size() && kept > 0) {
                    // the value the budget interrupted may go on in the file: say so even when it is short
                    cells.set(cells.size() - 1, cells.get(cells.size() - 1) + ELLIPSIS);
                }
                if (header) {
                    table.header(cells);
                    header = false;
                } else {
                    table.positionalRow(cells);
                    rows++;
                }
                if (cut) {
                    table.markTruncated();
                    break;
                }
            }
        }
        return table.build();
    }

    // ---- JSON Lines -----------------------------------------------------------------------------------

    private static PreviewTable readJsonLines(Format format, String path, RecordBudget input, int maxRows)
            throws IOException, PreviewUnavailableException {
        TableBuilder table = new TableBuilder(format.id);
        readJsonLines(table, path, input, maxRows, false);
        return table.build();
    }

    /** @param shapeUnknown the file only might be JSON Lines: a first line that is not JSON is reported as such */
    private static void readJsonLines(TableBuilder table, String path, RecordBudget input, int maxRows, boolean shapeUnknown)
            throws IOException, PreviewUnavailableException {
        BufferedReader lines = new BufferedReader(input);
        int lineNumber = 0;
        int rows = 0;
        while (true) {
            input.allow(MAX_RECORD_CHARS);
            String line;
            do {
                line = lines.readLine();
                lineNumber++;
            } while (line != null && line.isBlank() && !input.exhausted());
            if (line == null || line.isBlank()) {
                if (input.exhausted()) {
                    table.markTruncated();
                }
                return;
            }
            if (rows == maxRows) {
                table.markTruncated();
                return;
            }
            boolean cut = input.exhausted();
            Map<String, String> members = new LinkedHashMap<>();
            try (JsonParser parser = Jsonp.FACTORY.createParser(new StringReader(line))) {
                Event first = next(parser);
                if (first != Event.START_OBJECT) {
                    throw new PreviewUnavailableException(text("catalog.preview.notObject", lineNumber, path));
                }
                readMembers(parser, members, () -> cut);
                if (!cut && parser.hasNext()) {
                    // Parsson reports text after the object from hasNext(); this covers any other provider
                    throw new PreviewUnavailableException(text("catalog.preview.invalidJsonLine", lineNumber, path,
                            line.length()));
                }
            } catch (JsonParsingException e) {
                if (shapeUnknown && rows == 0) {
                    throw new PreviewUnavailableException(text("catalog.preview.jsonShape", path));
                }
                throw new PreviewUnavailableException(text("catalog.preview.invalidJsonLine", lineNumber, path,
                        column(e.getLocation())));
            }
            table.namedRow(members);
            rows++;
            if (cut) {
                table.markTruncated();
                return;
            }
        }
    }

    // ---- JSON -----------------------------------------------------------------------------------------

    private static PreviewTable readJson(String path, RecordBudget input, int maxRows)
            throws IOException, PreviewUnavailableException {
        TableBuilder table = new TableBuilder(Format.JSON.id);
        input.allow(MAX_RECORD_CHARS);
        int first = input.peekSignificant();
        if (first == '{') {
            readJsonLines(table, path, input, maxRows, true);
            return table.build();
        }
        if (first != '[') {
            if (first == -1) {
                if (input.exhausted()) {
                    table.markTruncated();
                }
                return table.build();
            }
            throw new PreviewUnavailableException(text("catalog.preview.jsonShape", path));
        }
        try (JsonParser parser = Jsonp.FACTORY.createParser(input)) {
            next(parser);
            int rows = 0;
            while (true) {
                input.allow(MAX_RECORD_CHARS);
                Event event = next(parser);
                if (event == Event.END_ARRAY) {
                    break;
                }
                if (rows == maxRows) {
                    table.markTruncated();
                    break;
                }
                if (event != Event.START_OBJECT) {
                    throw new PreviewUnavailableException(text("catalog.preview.notArrayItem", rows + 1, path));
                }
                Map<String, String> members = new LinkedHashMap<>();
                boolean cut = readMembers(parser, members, input::exhausted);
                table.namedRow(members);
                rows++;
                if (cut) {
                    table.markTruncated();
                    break;
                }
            }
        } catch (JsonParsingException | NoSuchElementException e) {
            if (!input.exhausted()) {
                JsonLocation at = e instanceof JsonParsingException p ? p.getLocation() : null;
                throw new PreviewUnavailableException(text("catalog.preview.invalidJson", path,
                        at == null ? 1 : Math.max(1, at.getLineNumber()), column(at)));
            }
            table.markTruncated();
        } catch (JsonException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
        return table.build();
    }

    /**
     * Reads an object's members, its START_OBJECT already consumed, into {@code members}. When the parser fails
     * because the text was cut ({@code wasCut} says so once it has failed), that is no error: the members read
     * so far are kept and the one being read shows "…".
     *
     * @return whether the object was cut short
     */
    private static boolean readMembers(JsonParser parser, Map<String, String> members, BooleanSupplier wasCut) {
        String key = null;
        try {
            while (true) {
                Event event = next(parser);
                if (event == Event.END_OBJECT) {
                    return false;
                }
                if (event == Event.KEY_NAME) {
                    key = parser.getString();
                } else {
                    members.put(key, render(parser, event));
                    key = null;
                }
            }
        } catch (JsonParsingException | NoSuchElementException e) {
            if (!wasCut.getAsBoolean()) {
                throw e;
            }
            if (key != null) {
                members.put(key, ELLIPSIS);
            }
            return true;
        }
    }

    /** A scalar as its text (numbers as written), a nested value as compact JSON of at most a cell's length. */
    private static String render(JsonParser parser, Event event) {
        return switch (event) {
            case VALUE_STRING, VALUE_NUMBER -> parser.getString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            case START_OBJECT, START_ARRAY -> compact(parser, event);
            default -> throw new IllegalStateException("Unexpected JSON event " + event);
        };
    }

    /**
     * Writes the nested value as compact JSON, walking the events rather than building a JsonValue, so that a
     * large nested value holds no more memory than the cell it fills.
     */
    private static String compact(JsonParser parser, Event first) {
        CappedText out = new CappedText();
        int depth = 0;
        boolean comma = false;
        Event event = first;
        while (true) {
            switch (event) {
                case START_OBJECT, START_ARRAY -> {
                    out.append(comma ? "," : "").append(event == Event.START_OBJECT ? "{" : "[");
                    depth++;
                    comma = false;
                }
                case END_OBJECT, END_ARRAY -> {
                    out.append(event == Event.END_OBJECT ? "}" : "]");
                    depth--;
                    comma = true;
                }
                case KEY_NAME -> {
                    out.append(comma ? "," : "").quoted(parser.getString()).append(":");
                    comma = false;
                }
                case VALUE_STRING -> {
                    out.append(comma ? "," : "").quoted(parser.getString());
                    comma = true;
                }
                default -> {
                    out.append(comma ? "," : "").append(render(parser, event));
                    comma = true;
                }
            }
            if (depth == 0) {
                return out.toString();
            }
            event = next(parser);
        }
    }

    /**
     * The parser's next event. Parsson reports nesting deeper than its limit with a bare RuntimeException;
     * that is the file's fault like any other syntax error, so it is reported as one.
     */
    private static Event next(JsonParser parser) {
        try {
            return parser.next();
        } catch (JsonException | NoSuchElementException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JsonParsingException(String.valueOf(e.getMessage()), e, parser.getLocation());
        }
    }

    private static long column(JsonLocation at) {
        return at == null ? 1 : Math.max(1, at.getColumnNumber());
    }

    // ---- shared ---------------------------------------------------------------------------------------

    /** A value cut to a cell's length, ending in "…" when something was left out. */
    static String cut(String value) {
        if (value.length() <= MAX_CELL_CHARS) {
            return value;
        }
        int end = MAX_CELL_CHARS - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + ELLIPSIS;
    }

    private static String text(String key, Object... args) {
        return Messages.format(Locale.ENGLISH, key, args);
    }

    /** Collects rows within the column and cell limits and squares them up at the end. */
    private static final class TableBuilder {

        private final String format;
        private final List<String> columns = new ArrayList<>();
        private final Map<String, Integer> columnByKey = new HashMap<>();
        private final List<List<String>> rows = new ArrayList<>();
        private boolean truncated;

        TableBuilder(String format) {
            this.format = format;
        }

        void markTruncated() {
            truncated = true;
        }

        /** CSV column names; a blank one is named by its position, as a column a longer row adds would be. */
        void header(List<String> names) {
            for (int i = 0; i < names.size(); i++) {
                if (i == MAX_COLUMNS) {
                    truncated = true;
                    break;
                }
                String name = cell(names.get(i));
                columns.add(name.isBlank() ? positionalName(i) : name);
            }
        }

        void positionalRow(List<String> cells) {
            List<String> row = new ArrayList<>(Math.min(cells.size(), MAX_COLUMNS));
            for (int i = 0; i < cells.size(); i++) {
                if (i == MAX_COLUMNS) {
                    truncated = true;
                    break;
                }
                if (i == columns.size()) {
                    columns.add(positionalName(i));
                }
                row.add(cell(cells.get(i)));
            }
            rows.add(row);
        }

        void namedRow(Map<String, String> members) {
            List<String> row = new ArrayList<>();
            for (Map.Entry<String, String> member : members.entrySet()) {
                String name = cell(member.getKey());
                Integer index = columnByKey.get(name);
                if (index == null) {
                    if (columns.size() == MAX_COLUMNS) {
                        truncated = true;
                        continue;
                    }
                    index = columns.size();
                    columns.add(name);
                    columnByKey.put(name, index);
                }
                while (row.size() <= index) {
                    row.add("");
                }
                row.set(index, cell(member.getValue()));
            }
            rows.add(row);
        }

        PreviewTable build() {
            for (List<String> row : rows) {
                while (row.size() < columns.size()) {
                    row.add("");
                }
            }
            return new PreviewTable(format, columns, rows, truncated);
        }

        private String cell(String value) {
            if (value.length() > MAX_CELL_CHARS) {
                truncated = true;
            }
            return cut(value);
        }

        private static String positionalName(int index) {
            return "column_" + (index + 1);
        }
    }

    /** Text that stops growing just past a cell's length, so that {@link #cut} can finish it. */
    private static final class CappedText {

        private final StringBuilder text = new StringBuilder();

        CappedText append(String s) {
            int room = MAX_CELL_CHARS + 1 - text.length();
            if (room > 0) {
                text.append(s, 0, Math.min(room, s.length()));
            }
            return this;
        }

        CappedText quoted(String s) {
            append("\"");
            for (int i = 0; i < s.length() && text.length() <= MAX_CELL_CHARS; i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> append("\\\"");
                    case '\\' -> append("\\\\");
                    case '\n' -> append("\\n");
                    case '\r' -> append("\\r");
                    case '\t' -> append("\\t");
                    default -> append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return append("\"");
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * The decoded file, handed out one record's budget at a time: once the budget is spent it reports the end
     * of the text, so that no parser above it, however it buffers, can take more than a record's worth.
     * Closing it leaves the caller's stream open.
     */
    private static final class RecordBudget extends Reader {

        private static final int BOM = '\uFEFF';

        private final Reader decoded;
        private boolean started;
        private int pending = -1;
        private long remaining;
        private boolean exhausted;

        RecordBudget(InputStream in) {
            this.decoded = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
        }

        void allow(int chars) {
            remaining = chars;
            exhausted = false;
        }

        /** Whether the text ended because the budget ran out, not because the file did. */
        boolean exhausted() {
            return exhausted;
        }

        /** The first character that is not JSON white space, left unread; -1 at the end of the text. */
        int peekSignificant() throws IOException {
            char[] one = new char[1];
            while (read(one, 0, 1) == 1) {
                char c = one[0];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    pending = c;
                    return c;
                }
            }
            return -1;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!started) {
                started = true;
                int first = decoded.read();
                if (first != BOM) {
                    pending = first;
                }
            }
            if (remaining <= 0) {
                exhausted = true;
                return -1;
            }
            int n;
            if (pending >= 0) {
                buffer[offset] = (char) pending;
                pending = -1;
                n = 1;
            } else {
                n = decoded.read(buffer, offset, (int) Math.min(length, remaining));
            }
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() {
        }
    }

    /** Looked up once, and only when JSON is read, so that CSV previews do not need a JSON provider. */
    private static final class Jsonp {
        static final JsonParserFactory FACTORY = Json.createParserFactory(Map.of());
    }
}
