package org.guildhall.market.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.guildhall.market.api.SalesReport.DailyEarnings;

/** Earnings per day as a bar chart, drawn on the server as SVG (no script; every label is escaped). */
final class RevenueChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 200;
    static final int PAD = 28;

    private RevenueChart() {
    }

    static String svg(List<DailyEarnings> days, String currency, String title) {
        long max = days.stream().mapToLong(d -> d.earned().minor()).max().orElse(0);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gh-chart\" id=\"revenue-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-label=\"").append(escape(title))
                .append("\">");
        s.append("<line x1=\"").append(PAD).append("\" y1=\"").append(HEIGHT - PAD).append("\" x2=\"").append(WIDTH - 4).append("\" y2=\"")
                .append(HEIGHT - PAD).append("\" class=\"gh-chart-axis\"/>");
        if (!days.isEmpty()) {
            double slot = (WIDTH - PAD - 4) / (double) days.size();
            double usable = HEIGHT - 2.0 * PAD;
            DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
            for (int i = 0; i < days.size(); i++) {
                DailyEarnings d = days.get(i);
                double h = max == 0 ? 0 : usable * d.earned().minor() / max;
                double x = PAD + i * slot + slot * 0.15;
                s.append(String.format(Locale.ROOT, "<rect class=\"gh-chart-bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "data-day=\"%s\" data-minor=\"%d\"><title>%s</title></rect>", x, HEIGHT - PAD - h, slot * 0.7, h, d.day(),
                        d.earned().minor(), escape(d.day().format(label) + ": " + d.earned().plain() + " " + currency)));
                if ((days.size() - 1 - i) % 7 == 0) {
                    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"gh-chart-label\">%s</text>", x, HEIGHT - 8,
                            escape(d.day().format(label))));
                }
            }
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" class=\"gh-chart-label\">%s</text>", PAD,
                escape(org.guildhall.market.api.Money.of(max).plain() + " " + currency)));
        return s.append("</svg>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
