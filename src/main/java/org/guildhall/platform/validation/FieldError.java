package org.guildhall.platform.validation;

import java.util.Locale;
import org.guildhall.platform.web.Messages;

/**
 * One rejected input.
 *
 * @param field the field (a JSON property name; the same id on pages)
 * @param code the key of the message in the messages bundle
 * @param message the message in the default language
 */
public record FieldError(String field, String code, String message) {

    public static FieldError of(String field, String code, Object... args) {
        return new FieldError(field, code, Messages.format(Locale.ENGLISH, code, args));
    }
}
