package org.guildhall.market.web;

import org.guildhall.platform.web.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.market.api.AccessRequestInfo;
import org.guildhall.market.api.AccessState;
import org.guildhall.market.api.MarketService;
import org.guildhall.market.api.Money;
import org.guildhall.market.api.OfferInfo;
import org.guildhall.market.api.OfferKind;
import org.guildhall.market.api.OfferTerms;
import org.guildhall.catalog.api.Viewers;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;

/**
 * The Offers tab of an asset page: the version's offers with their terms, what the viewer may do (buy, request
 * access, nothing needed), and for owners a form to add an offer and buttons to withdraw one.
 */
@Named
@ViewScoped
public class OffersView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient MarketService market;

    @Inject
    transient Viewers callers;

    @Inject
    transient org.guildhall.market.application.MarketSettings settings;

    private AssetRef ref;
    private String rev = "main";
    private transient List<OfferInfo> offers;
    private transient Map<UUID, AccessState> myRequests;
    private Boolean entitled;

    // the new offer form
    private OfferKind kind = OfferKind.ONE_OFF;
    private String title = "";
    private String price = "";
    private boolean laterVersions;
    private boolean commercialUse = true;
    private boolean trainingAllowed = true;
    private boolean derivativesAllowed = true;
    private int royaltyBps;
    private boolean autoApprove;
    private String purpose = "";
    private String sharesText;

    @PostConstruct
    void init() {
        AssetKind k = "MODEL".equalsIgnoreCase(PageMessages.param("kind")) ? AssetKind.MODEL : AssetKind.DATASET;
        String owner = PageMessages.param("owner");
        String name = PageMessages.param("name");
        if (owner != null && name != null) {
            ref = new AssetRef(k, owner, name);
        }
        String r = PageMessages.param("rev");
        if (r != null && !r.isBlank() && !r.equals("draft")) {
            rev = r;
        }
    }

    public List<OfferInfo> getOffers() {
        if (offers == null) {
            offers = ref == null ? List.of() : market.offers(ref, rev, callers.viewer());
        }
        return offers;
    }

    public boolean isEntitled() {
        if (entitled == null) {
            entitled = ref != null && market.entitled(callers.viewer(), ref, rev);
        }
        return entitled;
    }

    public boolean isSignedIn() {
        return callers.viewer().isPresent();
    }

    public AccessState requestState(OfferInfo offer) {
        if (myRequests == null) {
            myRequests = callers.viewer().map(a -> market.myRequests(a).stream()
                    .collect(Collectors.toMap(r -> r.offer().id(), AccessRequestInfo::state, (x, y) -> x))).orElse(Map.of());
        }
        return myRequests.get(offer.id());
    }

    public String price(OfferInfo o) {
        return o.price().plain();
    }

    public String royalty(OfferInfo o) {
        return String.format(Locale.ROOT, "%.2f %%", o.royaltyBps() / 100.0);
    }

    public void create() {
        try {
            long minor = price == null || price.isBlank() ? 0 : Money.parse(price).minor();
            market.createOffer(callers.actor(), ref, rev, new OfferTerms(kind, title, minor, laterVersions, commercialUse, trainingAllowed,
                    derivativesAllowed, royaltyBps, autoApprove));
            PageMessages.info("market.offers.created");
            title = "";
            price = "";
            offers = null;
        } catch (IllegalArgumentException | ArithmeticException e) {
            PageMessages.show("offerform:price", new ValidationFailedException(List.of(
                    org.guildhall.platform.validation.FieldError.of("price", "market.amount.invalid", price))));
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show("offerform:messages", e);
        }
    }

    public void withdraw(String offerId) {
        try {
            market.withdrawOffer(callers.actor(), UUID.fromString(offerId));
            offers = null;
        } catch (RejectedException e) {
            PageMessages.show(null, e);
        }
    }

    public void request(String offerId) {
        try {
            AccessRequestInfo r = market.requestAccess(callers.actor(), UUID.fromString(offerId), purpose);
            PageMessages.info(r.state() == AccessState.APPROVED ? "market.request.sentApproved" : "market.request.sent");
            purpose = "";
            myRequests = null;
            entitled = null;
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show("requestform:purpose", e);
        }
    }

    public String getCurrency() {
        return settings.currency();
    }

    public List<org.guildhall.market.api.Share> getShares() {
        return ref == null ? List.of() : market.shares(ref);
    }

    /** The owners' shares as the form edits them: one {@code username basis-points} per line. */
    public String getSharesText() {
        if (sharesText == null) {
            sharesText = getShares().stream().map(s -> s.username() + " " + s.bps()).collect(Collectors.joining("\n"));
        }
        return sharesText;
    }

    public void setSharesText(String sharesText) {
        this.sharesText = sharesText;
    }

    public void saveShares() {
        try {
            List<org.guildhall.market.api.Share> shares = new java.util.ArrayList<>();
            for (String line : (sharesText == null ? "" : sharesText).split("\\R")) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 1 && parts[0].isEmpty()) {
                    continue;
                }
                int bps;
                try {
                    bps = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
                } catch (NumberFormatException e) {
                    bps = -1;
                }
                shares.add(new org.guildhall.market.api.Share(null, parts[0], bps));
            }
            market.changeShares(callers.actor(), ref, shares);
            sharesText = null;
            PageMessages.info("market.shares.saved");
        } catch (ValidationFailedException | RejectedException e) {
            PageMessages.show("sharesform:shares", e);
        }
    }

    public List<OfferKind> getKinds() {
        return List.of(OfferKind.values());
    }

    public OfferKind getKind() {
        return kind;
    }

    public void setKind(OfferKind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }

    public boolean isLaterVersions() {
        return laterVersions;
    }

    public void setLaterVersions(boolean laterVersions) {
        this.laterVersions = laterVersions;
    }

    public boolean isCommercialUse() {
        return commercialUse;
    }

    public void setCommercialUse(boolean commercialUse) {
        this.commercialUse = commercialUse;
    }

    public boolean isTrainingAllowed() {
        return trainingAllowed;
    }

    public void setTrainingAllowed(boolean trainingAllowed) {
        this.trainingAllowed = trainingAllowed;
    }

    public boolean isDerivativesAllowed() {
        return derivativesAllowed;
    }

    public void setDerivativesAllowed(boolean derivativesAllowed) {
        this.derivativesAllowed = derivativesAllowed;
    }

    public int getRoyaltyBps() {
        return royaltyBps;
    }

    public void setRoyaltyBps(int royaltyBps) {
        this.royaltyBps = royaltyBps;
    }

    public boolean isAutoApprove() {
        return autoApprove;
    }

    public void setAutoApprove(boolean autoApprove) {
        this.autoApprove = autoApprove;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }
}
