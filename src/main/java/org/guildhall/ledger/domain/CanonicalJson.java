package org.guildhall.ledger.domain;

import jakarta.json.JsonValue;
import java.io.IOException;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * JSON Canonicalization Scheme (RFC 8785): sorted keys, no white space, ECMAScript number and string forms.
 * Whatever hashes JSON hashes these bytes, so that anyone can recompute the hash from the JSON alone.
 *
 * <p>RFC 8785 writes numbers as IEEE 754 doubles: integers beyond 2<sup>53</sup> would lose digits, so the
 * ledger's payloads carry larger numbers (amounts of money, for example) as strings.
 */
public final class CanonicalJson {

    /** The largest integer a canonical number keeps exactly. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private CanonicalJson() {
    }

    public static String of(JsonValue value) {
        return of(value.toString());
    }

    /** Canonicalises JSON text; IllegalArgumentException when it is not JSON. */
    public static String of(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    public static byte[] utf8(String canonical) {
        return canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

}
