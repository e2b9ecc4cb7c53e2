package org.guildhall.catalog.domain;

import java.util.List;
import java.util.Objects;

/**
 * The first rows of a data file as a table of text, for the catalogue's dataset preview.
 *
 * @param format    {@code csv}, {@code tsv}, {@code jsonl} or {@code json}
 * @param columns   the column names; every row has exactly this many cells
 * @param rows      at most the number of rows asked for
 * @param truncated the file holds more than is shown: more rows past the limit, or a cell, a column or a
 *                  record that was cut to stay within the preview's bounds
 */
public record PreviewTable(String format, List<String> columns, List<List<String>> rows, boolean truncated) {

    public PreviewTable {
        Objects.requireNonNull(format, "format");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("A row has " + row.size() + " cells for " + columns.size() + " columns.");
            }
        }
    }
}
