package org.guildhall.market.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.guildhall.market.api.MarketService;
import org.guildhall.market.api.SalesReport;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.market.application.MarketSettings;

/** {@code /me/sales}: what the caller's assets earned, with a chart of the last 30 days. */
@Named
@RequestScoped
public class SalesView {

    @Inject
    MarketService market;

    @Inject
    Viewers callers;

    @Inject
    MarketSettings settings;

    private SalesReport report;
    private String chart;

    public SalesReport getReport() {
        if (report == null) {
            report = market.sales(callers.actor());
        }
        return report;
    }

    public String getChart() {
        if (chart == null) {
            chart = RevenueChart.svg(getReport().perDay(), settings.currency(),
                    org.guildhall.platform.web.Messages.format(java.util.Locale.ENGLISH, "market.sales.chartLabel", settings.currency()));
        }
        return chart;
    }

    public String getCurrency() {
        return settings.currency();
    }

    public int getFeeBps() {
        return market.feeBps();
    }
}
