package org.guildhall.platform.validation;

import java.util.List;
import java.util.Locale;
import org.guildhall.platform.web.Messages;

/**
 * One rejected input.
 *
 * @param field the field (a JSON property name; the same id on pages)
 * @param code the key of the message in the messages bundle
 * @param args the values the message is formatted with, so that a page can say it in the user's language
 * @param message the message in the default language
 */
public record FieldError(String field, String code, List<Object> args, String message) {

    public FieldError {
        args = List.copyOf(args);
    }

    public static FieldError of(String field, String code, Object... args) {
        return new FieldError(field, code, List.of(args), Messages.format(Locale.ENGLISH, code, args));
    }
}
