package org.guildhall.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates on pages, in UTC ({@code #{dates.day(t)}}, {@code #{dates.minute(t)}}). The pages' converter does
 * not format {@link Instant}s.
 */
@Named("dates")
@ApplicationScoped
public class DateFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public String day(Instant t) {
        return t == null ? "" : DAY.format(t);
    }

    public String minute(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }
}
