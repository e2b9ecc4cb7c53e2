package org.guildhall.platform.rest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP {@code Range} header (RFC 9110 §14): {@code bytes=first-last},
 * {@code bytes=first-} or {@code bytes=-suffix}. Several ranges in one header are answered with the whole
 * content, which the RFC allows.
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** What a Range header asks of a representation of {@code size} bytes. */
    public sealed interface Request permits Whole, Partial, Unsatisfiable {
    }

    /** Send everything (no header, a header that is not a single byte range, or several ranges). */
    public record Whole() implements Request {
    }

    public record Partial(ByteRange range) implements Request {
    }

    /** 416: the range starts beyond the end. */
    public record Unsatisfiable() implements Request {
    }

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    public static Request parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches()) {
            return new Whole();
        }
        String a = m.group(1);
        String b = m.group(2);
        try {
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return new Whole();
                }
                long suffix = Long.parseLong(b);
                if (suffix == 0 || size == 0) {
                    return new Unsatisfiable();
                }
                return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (!b.isEmpty() && Long.parseLong(b) < first) {
                return new Whole();
            }
            if (first >= size) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(first, last));
        } catch (NumberFormatException tooLong) {
            return new Unsatisfiable();
        }
    }

    /** Whether an {@code If-Range} validator still matches, so that the range may be served. */
    public static boolean ifRangeHolds(Optional<String> ifRange, String etag) {
        return ifRange.map(v -> v.strip().equals(etag)).orElse(true);
    }
}
