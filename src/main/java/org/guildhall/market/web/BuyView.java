package org.guildhall.market.web;

import org.guildhall.platform.web.PageMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.UUID;
import org.guildhall.market.api.MarketService;
import org.guildhall.market.api.Money;
import org.guildhall.market.api.OfferInfo;
import org.guildhall.market.api.Purchase;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;

/**
 * {@code /me/buy?offer=…}: the terms and the price, the balance, and a confirmation. The page's idempotency key
 * is made once per view, so that a double click or a resent form buys once.
 */
@Named
@ViewScoped
public class BuyView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient MarketService market;

    @Inject
    transient Viewers callers;

    private String offerId;
    private OfferInfo offer;
    private final String key = UUID.randomUUID().toString();
    private boolean loaded;

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        try {
            offer = market.offer(UUID.fromString(offerId)).orElse(null);
        } catch (IllegalArgumentException | NullPointerException e) {
            offer = null;
        }
    }

    public Money getBalance() {
        return market.wallet(callers.actor(), 0, 1).balance();
    }

    public boolean isAffordable() {
        return offer != null && getBalance().minor() >= offer.price().minor();
    }

    public Money getFee() {
        return offer == null ? Money.of(0) : Money.of(Math.multiplyExact(offer.price().minor(), (long) market.feeBps()) / 10_000);
    }

    public void confirm() throws IOException {
        try {
            Purchase p = market.purchase(callers.actor(), offer.id(), key);
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/me/licence?id=" + p.licence().id()
                    + "&new=true");
        } catch (RejectedException | ValidationFailedException e) {
            PageMessages.show(null, e);
        }
    }

    public String getOfferId() {
        return offerId;
    }

    public void setOfferId(String offerId) {
        this.offerId = offerId;
    }

    public OfferInfo getOffer() {
        return offer;
    }
}
