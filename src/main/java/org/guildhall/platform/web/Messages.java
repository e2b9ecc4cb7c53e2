package org.guildhall.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The one bundle of user-facing text ({@code org/guildhall/messages.properties}), for code outside the pages. */
public final class Messages {

    public static final String BUNDLE = "org.guildhall.messages";

    private Messages() {
    }

    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Adds a message from the bundle to the current Faces request, at a component or (null) globally. */
    public static void add(String clientId, FacesMessage.Severity severity, String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.ENGLISH;
        String text = format(locale, key, args);
        faces.addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
