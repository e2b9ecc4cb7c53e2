package org.guildhall.catalog.api;

import java.util.List;

/**
 * The first rows of a dataset file as a table, or the reason there is none ({@code problem}, a sentence
 * for the user: an unsupported format, or a line that cannot be read).
 */
public record DatasetPreview(String path, String format, List<String> columns, List<List<String>> rows, boolean truncated,
        String problem) {

    public boolean available() {
        return problem == null;
    }
}
