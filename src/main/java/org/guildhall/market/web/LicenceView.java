package org.guildhall.market.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.ledger.api.LedgerRecord;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.market.api.LicenceInfo;
import org.guildhall.market.api.MarketService;
import org.guildhall.catalog.api.Viewers;

/** {@code /me/licence?id=…}, the receipt of a purchase or approval, and {@code /me/licences}, all of the caller's. */
@Named
@RequestScoped
public class LicenceView {

    @Inject
    MarketService market;

    @Inject
    LedgerService ledger;

    @Inject
    Viewers callers;

    private String id;
    private LicenceInfo licence;
    private LedgerRecord entry;
    private List<LicenceInfo> mine;

    public void load() {
        try {
            licence = market.licence(callers.actor(), UUID.fromString(id)).orElse(null);
        } catch (IllegalArgumentException | NullPointerException e) {
            licence = null;
        }
        if (licence != null) {
            entry = ledger.entry(licence.ledgerSeq()).orElse(null);
        }
    }

    public List<LicenceInfo> getMine() {
        if (mine == null) {
            mine = market.licences(callers.actor());
        }
        return mine;
    }

    /** The asset page of a licence's version, on its files. */
    public String filesHref(LicenceInfo l) {
        return Optional.ofNullable(l.offer().ref()).map(r -> r.pagePath() + "?rev=r" + l.offer().revision() + "&tab=files").orElse("");
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public LicenceInfo getLicence() {
        return licence;
    }

    public LedgerRecord getEntry() {
        return entry;
    }
}
