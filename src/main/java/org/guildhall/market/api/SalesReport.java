package org.guildhall.market.api;

import java.time.LocalDate;
import java.util.List;

/** An owner's sales: the latest lines, the total earned, and earnings per day for the chart. */
public record SalesReport(Money earned, long sales, List<SaleLine> latest, List<DailyEarnings> perDay) {

    public record DailyEarnings(LocalDate day, Money earned) {
    }
}
