package org.guildhall.catalog.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.guildhall.platform.web.Messages;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a card as on the Hugging Face Hub: optional YAML front matter between two {@code ---} lines, then
 * Markdown. Problems are reported with the README line they are on, so that a contributor can fix them.
 */
public final class CardParser {

    private static final Pattern SPDX_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");
    private static final int MAX_FRONT_MATTER = 64 * 1024;

    private CardParser() {
    }

    public static ParsedCard parse(String readme) {
        String text = readme == null ? "" : readme.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            return new ParsedCard(CardMetadata.EMPTY, text, List.of());
        }
        int end = text.indexOf("\n---", 3);
        while (end >= 0 && !(end + 4 == text.length() || text.charAt(end + 4) == '\n')) {
            end = text.indexOf("\n---", end + 4);
        }
        if (end < 0) {
            return new ParsedCard(CardMetadata.EMPTY, text,
                    List.of(new CardProblem(1, text("catalog.card.unclosed"))));
        }
        String yaml = text.substring(4, end + 1);
        String body = end + 5 <= text.length() ? text.substring(Math.min(text.length(), end + 5)) : "";
        if (yaml.length() > MAX_FRONT_MATTER) {
            return new ParsedCard(CardMetadata.EMPTY, body, List.of(new CardProblem(1, text("catalog.card.tooLarge"))));
        }
        Object loaded;
        try {
            LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10)
                    .setCodePointLimit(MAX_FRONT_MATTER).build();
            loaded = new Load(settings).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 2).orElse(2);
            return new ParsedCard(CardMetadata.EMPTY, body, List.of(new CardProblem(line, text("catalog.card.yaml", e.getProblem()))));
        } catch (YamlEngineException e) {
            return new ParsedCard(CardMetadata.EMPTY, body, List.of(new CardProblem(2, text("catalog.card.yaml", e.getMessage()))));
        }
        if (loaded == null) {
            return new ParsedCard(CardMetadata.EMPTY, body, List.of());
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            return new ParsedCard(CardMetadata.EMPTY, body,
                    List.of(new CardProblem(2, text("catalog.card.notMapping"))));
        }
        List<CardProblem> problems = new ArrayList<>();
        String[] lines = yaml.split("\n", -1);
        CardMetadata metadata = new CardMetadata(
                single(map, "license", SPDX_ID, "catalog.card.license", lines, problems),
                single(map, "pipeline_tag", NAME, "catalog.card.task", lines, problems)
                        .or(() -> single(map, "task", NAME, "catalog.card.task", lines, problems)),
                list(map, "tags", NAME, lines, problems),
                list(map, "language", NAME, lines, problems),
                list(map, "datasets", NAME, lines, problems),
                list(map, "base_model", NAME, lines, problems),
                list(map, "metrics", NAME, lines, problems));
        return new ParsedCard(metadata, body, List.copyOf(problems));
    }

    private static Optional<String> single(Map<?, ?> map, String key, Pattern pattern, String whatKey, String[] lines,
            List<CardProblem> problems) {
        Object value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s) || !pattern.matcher(s).matches()) {
            problems.add(new CardProblem(lineOf(key, lines), text("catalog.card.single", key, text(whatKey))));
            return Optional.empty();
        }
        return Optional.of(s);
    }

    private static List<String> list(Map<?, ?> map, String key, Pattern pattern, String[] lines, List<CardProblem> problems) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> l ? l : List.of(value);
        List<String> result = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s) || !pattern.matcher(s).matches()) {
                problems.add(new CardProblem(lineOf(key, lines), text("catalog.card.list", key, describe(item))));
                return List.of();
            }
            result.add(s);
        }
        return List.copyOf(result);
    }

    private static String describe(Object item) {
        if (item instanceof Map) {
            return text("catalog.card.nestedMapping");
        }
        if (item instanceof List) {
            return text("catalog.card.nestedList");
        }
        String s = String.valueOf(item);
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }

    private static String text(String key, Object... args) {
        return Messages.format(Locale.ENGLISH, key, args);
    }

    /** The README line (front matter starts on line 2) on which the key is written. */
    private static int lineOf(String key, String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 2;
            }
        }
        return 2;
    }
}
