package org.guildhall.catalog.domain;

import java.util.ArrayList;
import java.util.List;

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
            problems.add("The file path is empty.");
            return problems;
        }
        if (value.length() > MAX_LENGTH) {
            problems.add("The file path is longer than " + MAX_LENGTH + " characters.");
        }
        if (value.indexOf('\\') >= 0) {
            problems.add("Use forward slashes (/) in file paths, not backslashes.");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add("The file path contains a control character (such as NUL or a line break).");
        }
        if (value.startsWith("/") || value.matches("^[A-Za-z]:.*")) {
            problems.add("The file path must be relative to the asset, not absolute.");
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty() && !value.startsWith("/")) {
                problems.add("The file path has an empty folder name (// or a trailing /).");
                break;
            }
            if (segment.equals(".") || segment.equals("..")) {
                problems.add("The file path may not contain . or .. as a folder name.");
                break;
            }
            if (segment.length() > MAX_SEGMENT) {
                problems.add("A folder or file name is longer than " + MAX_SEGMENT + " characters.");
                break;
            }
        }
        return problems;
    }

    public String fileName() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
