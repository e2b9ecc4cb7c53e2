package org.guildhall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text the pages and the code ask for is in the one messages bundle. */
class MessagesBundleTest {

    static final ResourceBundle BUNDLE = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH);
    static final Pattern PAGE_KEY = Pattern.compile("msg\\['([a-zA-Z0-9_.]+)'\\]");
    /** A literal that names a key; a prefix that code completes ("search.sort.") ends with a dot and is checked where it is completed. */
    static final Pattern CODE_KEY = Pattern.compile("\"((?:profile|error|nav|home|search|role|catalog|asset|upload|new|ledger|verify|market|governance|dao)\\.[a-zA-Z0-9_.]*[a-zA-Z0-9_](?<!\\.properties))\"");

    @Test
    void everyKeyUsedByAPageExists() throws IOException {
        assertThat(missing(Path.of("src/main/webapp"), ".xhtml", PAGE_KEY)).isEmpty();
    }

    @Test
    void everyKeyUsedByTheCodeExists() throws IOException {
        // the ledger's entry types ("asset.registered") are identifiers on the wire, not texts
        assertThat(missing(Path.of("src/main/java"), ".java", CODE_KEY)).filteredOn(m -> !m.contains("EntryTypes.java")).isEmpty();
    }

    @Test
    void pagesContainNoLiteralFacesMessages() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).matches("(?s).*new FacesMessage\\([^)]*\"[^\"]+\".*");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static List<String> missing(Path root, String suffix, Pattern pattern) throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(p));
                while (m.find()) {
                    if (!BUNDLE.containsKey(m.group(1))) {
                        missing.add(p + ": " + m.group(1));
                    }
                }
            }
        }
        return missing;
    }
}
