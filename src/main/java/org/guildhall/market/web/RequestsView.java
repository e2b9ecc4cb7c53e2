package org.guildhall.market.web;

import org.guildhall.platform.web.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.market.api.AccessRequestInfo;
import org.guildhall.market.api.MarketService;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;

/** {@code /me/requests}: requests for the caller's gated versions (approve, or reject with a reason), and the caller's own. */
@Named
@ViewScoped
public class RequestsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient MarketService market;

    @Inject
    transient Viewers callers;

    private transient List<AccessRequestInfo> incoming;
    private transient List<AccessRequestInfo> mine;
    private final Map<String, String> reasons = new HashMap<>();

    public List<AccessRequestInfo> getIncoming() {
        if (incoming == null) {
            incoming = market.incomingRequests(callers.actor());
        }
        return incoming;
    }

    public List<AccessRequestInfo> getMine() {
        if (mine == null) {
            mine = market.myRequests(callers.actor());
        }
        return mine;
    }

    public Map<String, String> getReasons() {
        return reasons;
    }

    public void approve(String id) {
        decide(id, true);
    }

    public void reject(String id) {
        decide(id, false);
    }

    private void decide(String id, boolean approve) {
        try {
            market.decide(callers.actor(), UUID.fromString(id), approve, reasons.get(id));
            PageMessages.info(approve ? "market.requests.approvedNow" : "market.requests.rejectedNow");
            incoming = null;
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show(null, e);
        }
    }
}
