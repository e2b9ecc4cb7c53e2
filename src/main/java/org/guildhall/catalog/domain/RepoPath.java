package org.guildhall.catalog.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guildhall.platform.web.Messages;

/**
 * The path of a file inside an asset version ({@code data/train.csv}): relative, forward slashes, no empty,
 * {@code .} or {@code ..} segment, no control characters, no backslash. Checked once here so that no
 * layer above can be tricked into leaving the asset.
 */
public record RepoPath(String value) {

    public static final int MAX_LENGTH = 1024;
    public static final int MAX_SEGMENT = 255;

    public RepoPath {
        List<String> problems = problems(value);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
    }

    /** Every rule the text breaks, in words a user can act on; empty when it is a valid path. */
    public static List<String> problems(String value) {
        List<String> problems = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            problems.add(text("catalog.path.empty"));
            return problems;
        }
        if (value.length() > MAX_LENGTH) {
            problems.add(text("catalog.path.tooLong", MAX_LENGTH));
        }
        if (value.indexOf('\\') >= 0) {
            problems.add(text("catalog.path.backslash"));
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add(text("catalog.path.control"));
        }
        if (value.startsWith("/") || value.matches("^[A-Za-z]:.*")) {
            problems.add(text("catalog.path.absolute"));
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty() && !value.startsWith("/")) {
                problems.add(text("catalog.path.emptySegment"));
                break;
            }
            if (segment.equals(".") || segment.equals("..")) {
                problems.add(text("catalog.path.dotSegment"));
                break;
            }
            if (segment.length() > MAX_SEGMENT) {
                problems.add(text("catalog.path.segmentTooLong", MAX_SEGMENT));
                break;
            }
        }
        return problems;
    }

    private static String text(String key, Object... args) {
        return Messages.format(Locale.ENGLISH, key, args);
    }

    public String fileName() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
