package org.guildhall.market.web;

import org.guildhall.platform.web.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.guildhall.market.api.InvariantReport;
import org.guildhall.market.api.MarketService;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.platform.validation.RejectedException;

/** {@code /admin/books} (admins): the latest check of the market's books, and a check on demand. */
@Named
@ViewScoped
public class BooksView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient MarketService market;

    @Inject
    transient Viewers callers;

    private InvariantReport report;
    private boolean loaded;

    public InvariantReport getReport() {
        requireAdmin();
        if (!loaded) {
            report = market.latestCheck().orElse(null);
            loaded = true;
        }
        return report;
    }

    public void checkNow() {
        requireAdmin();
        report = market.checkInvariants();
        loaded = true;
        PageMessages.info(report.healthy() ? "market.books.healthy" : "market.books.broken", report.findings().size());
    }

    private void requireAdmin() {
        // the page is for admins (web.xml), and so is every call it makes
        if (!callers.actor().admin()) {
            throw RejectedException.forbidden(org.guildhall.platform.web.Messages.format(java.util.Locale.ENGLISH, "market.books.adminsOnly"));
        }
    }
}
