package org.guildhall.governance.web;

import java.util.Locale;
import org.guildhall.governance.api.Tally;

/**
 * A proposal's tally as one stacked bar (For, Against, Abstain, each a share of the snapshot's total power)
 * with the quorum marked: drawn on the server as SVG, no script, labels escaped.
 */
final class TallyChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 86;
    static final int BAR_Y = 30;
    static final int BAR_H = 26;

    private TallyChart() {
    }

    static String svg(Tally t, String forLabel, String againstLabel, String abstainLabel, String quorumLabel) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gh-chart\" id=\"tally-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-label=\"").append(escape(forLabel + " " + t.forPower() + ", "
                        + againstLabel + " " + t.againstPower() + ", " + abstainLabel + " " + t.abstainPower())).append("\">");
        s.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"gh-tally-track\"/>", BAR_Y, WIDTH, BAR_H));
        long total = Math.max(t.totalPower(), t.cast());
        double x = 0;
        x = segment(s, x, t.forPower(), total, "gh-tally-for", "for", forLabel);
        x = segment(s, x, t.againstPower(), total, "gh-tally-against", "against", againstLabel);
        segment(s, x, t.abstainPower(), total, "gh-tally-abstain", "abstain", abstainLabel);
        if (total > 0 && t.quorumPower() > 0) {
            double q = WIDTH * Math.min(1.0, t.quorumPower() / (double) total);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"gh-tally-quorum\"/>", q, BAR_Y - 8, q,
                    BAR_Y + BAR_H + 8));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"gh-tally-label\" text-anchor=\"%s\">%s</text>", q,
                    BAR_Y - 12, q > WIDTH * 0.8 ? "end" : "middle", escape(quorumLabel + " " + t.quorumPower())));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" class=\"gh-tally-label\">%s</text>", HEIGHT - 4,
                escape(forLabel + " " + t.forPower() + " · " + againstLabel + " " + t.againstPower() + " · " + abstainLabel + " "
                        + t.abstainPower() + " / " + t.totalPower())));
        return s.append("</svg>").toString();
    }

    private static double segment(StringBuilder s, double x, long power, long total, String css, String id, String label) {
        if (power <= 0 || total <= 0) {
            return x;
        }
        double w = WIDTH * power / (double) total;
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"%s\" data-choice=\"%s\" "
                + "data-power=\"%d\"><title>%s</title></rect>", x, BAR_Y, w, BAR_H, css, id, power, escape(label + ": " + power)));
        return x + w;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
