package org.guildhall.identity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.guildhall.platform.validation.FieldError;

/** The rules a display name and a bio must keep. Pure: no I/O, so that every rule has a unit test. */
public final class ProfileRules {

    public static final int DISPLAY_NAME_MAX = 80;
    public static final int BIO_MAX = 2000;

    // C0/C1 controls, DEL, and the Unicode bidi overrides that can disguise a name
    private static final Pattern CONTROL_IN_LINE = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;");

    private ProfileRules() {
    }

    public static List<FieldError> check(String displayName, String bio) {
        List<FieldError> errors = new ArrayList<>();
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            errors.add(FieldError.of("displayName", "profile.displayName.required"));
        } else if (name.codePointCount(0, name.length()) > DISPLAY_NAME_MAX) {
            errors.add(FieldError.of("displayName", "profile.displayName.tooLong", DISPLAY_NAME_MAX));
        } else if (CONTROL_IN_LINE.matcher(name).find()) {
            errors.add(FieldError.of("displayName", "profile.field.control"));
        } else if (MARKUP.matcher(name).find() || name.indexOf('<') >= 0 || name.indexOf('>') >= 0) {
            errors.add(FieldError.of("displayName", "profile.field.markup"));
        }
        String text = bio == null ? "" : bio;
        if (text.codePointCount(0, text.length()) > BIO_MAX) {
            errors.add(FieldError.of("bio", "profile.bio.tooLong", BIO_MAX));
        } else if (CONTROL_IN_TEXT.matcher(text).find()) {
            errors.add(FieldError.of("bio", "profile.field.control"));
        } else if (MARKUP.matcher(text).find()) {
            errors.add(FieldError.of("bio", "profile.field.markup"));
        }
        return errors;
    }

    /** A display name that fits the rules, made from what the identity provider says. */
    public static String displayNameFrom(String fullName, String username) {
        String candidate = fullName == null ? "" : CONTROL_IN_LINE.matcher(fullName).replaceAll("").replace("<", "").replace(">", "").strip();
        if (candidate.isEmpty()) {
            candidate = username;
        }
        if (candidate.codePointCount(0, candidate.length()) > DISPLAY_NAME_MAX) {
            candidate = candidate.substring(0, candidate.offsetByCodePoints(0, DISPLAY_NAME_MAX));
        }
        return candidate;
    }
}
