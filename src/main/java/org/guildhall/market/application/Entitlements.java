package org.guildhall.market.application;

import static org.guildhall.platform.validation.RejectedException.Reason.FORBIDDEN;
import static org.guildhall.platform.validation.RejectedException.Reason.PAYMENT_REQUIRED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.Download;
import org.guildhall.catalog.api.FileAccessPolicy;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.market.api.Money;
import org.guildhall.market.api.OfferKind;
import org.guildhall.market.domain.Licence;
import org.guildhall.market.domain.Offer;

/**
 * The market's rule for files: a version without offers, or with an OPEN one, is open to all; any other is
 * open to its owners and to holders of a licence that covers it; a PAY_PER_USE offer charges each use from the
 * balance (402 when it is short); anyone else is refused (403) before a byte is sent.
 *
 * <p>What a check needs is cached: a version's offers and an asset's co-owners for a few seconds (another
 * server may change them; this server forgets them as soon as it changes them), and the licences a holder is
 * known to have (licences are never revoked, so a cached one is never wrong). A refusal is never answered from
 * the cache: it is checked against the database first.
 */
@ApplicationScoped
public class Entitlements implements FileAccessPolicy {

    /** A version's active offers, as a check needs them. */
    record Access(boolean open, Offer payPerUse, boolean gated, long loadedAt) {
    }

    record Span(UUID versionId, int revision, boolean laterVersions) {
        boolean covers(UUID version, int rev) {
            return versionId.equals(version) || (laterVersions && rev >= revision);
        }
    }

    record Owners(Set<UUID> ids, long loadedAt) {
    }

    record HolderAsset(UUID holder, UUID asset) {
    }

    @Inject
    DefaultMarketService market;

    @Inject
    MarketSettings settings;

    private final Map<UUID, Access> access = new ConcurrentHashMap<>();
    private final Map<UUID, Owners> coOwners = new ConcurrentHashMap<>();
    private final Map<HolderAsset, List<Span>> licences = new ConcurrentHashMap<>();

    @Override
    public void admit(Download d, Optional<Actor> viewer, Use use) {
        Access a = access(d.version().id());
        if (a.open()) {
            return;
        }
        String page = d.ref().pagePath() + "?tab=offers";
        if (viewer.isEmpty()) {
            throw new RejectedException(FORBIDDEN, DefaultMarketService.text("market.access.signIn", d.ref().repoId(),
                    d.version().label(), page), "GatedRepo");
        }
        UUID me = viewer.get().accountId();
        if (me.equals(d.ownerId()) || owners(d.assetId()).contains(me) || holds(me, d)) {
            return;
        }
        if (a.payPerUse() != null && use != Use.PREVIEW) {
            Offer offer = a.payPerUse();
            if (use == Use.DOWNLOAD) {
                market.chargeUse(me, offer.getId(), d);
            } else {
                long balance = market.balanceOf(me);
                if (balance < offer.getPrice()) {
                    throw new RejectedException(PAYMENT_REQUIRED, DefaultMarketService.text("market.use.short",
                            Money.of(offer.getPrice()).plain(), settings.currency(), Money.of(balance).plain(), offer.getTitle()),
                            "InsufficientFunds");
                }
            }
            return;
        }
        throw new RejectedException(FORBIDDEN, DefaultMarketService.text(a.gated() ? "market.access.gated" : "market.access.licence",
                d.ref().repoId(), d.version().label(), page), "GatedRepo");
    }

    Access access(UUID versionId) {
        Access a = access.get(versionId);
        if (a == null || expired(a.loadedAt())) {
            List<Offer> offers = market.activeOffers(versionId);
            Offer perUse = offers.stream().filter(o -> o.getKind() == OfferKind.PAY_PER_USE)
                    .min((x, y) -> Long.compare(x.getPrice(), y.getPrice())).orElse(null);
            a = new Access(openToAll(offers), perUse,
                    offers.stream().anyMatch(o -> o.getKind() == OfferKind.GATED), System.nanoTime());
            access.put(versionId, a);
        }
        return a;
    }

    /** A version without active offers, or with an OPEN one, is open to all. */
    static boolean openToAll(List<Offer> active) {
        return active.isEmpty() || active.stream().anyMatch(o -> o.getKind() == OfferKind.OPEN);
    }

    Set<UUID> owners(UUID assetId) {
        Owners o = coOwners.get(assetId);
        if (o == null || expired(o.loadedAt())) {
            o = new Owners(Set.copyOf(market.coOwnerIds(assetId)), System.nanoTime());
            coOwners.put(assetId, o);
        }
        return o.ids();
    }

    boolean holds(UUID holder, Download d) {
        HolderAsset key = new HolderAsset(holder, d.assetId());
        List<Span> known = licences.get(key);
        if (known != null && known.stream().anyMatch(s -> s.covers(d.version().id(), d.version().revision()))) {
            return true;
        }
        // not known to be covered: ask the database (another server may have granted it)
        List<Span> fresh = market.licencesOf(holder, d.assetId()).stream()
                .map(l -> new Span(l.getVersionId(), l.getRevision(), l.isLaterVersions())).toList();
        licences.put(key, fresh);
        return fresh.stream().anyMatch(s -> s.covers(d.version().id(), d.version().revision()));
    }

    private boolean expired(long loadedAt) {
        return System.nanoTime() - loadedAt > settings.cacheSeconds() * 1_000_000_000L;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MarketChanged change) {
        if (change.versionId() != null) {
            access.remove(change.versionId());
        }
        if (change.holderId() != null) {
            licences.remove(new HolderAsset(change.holderId(), change.assetId()));
        } else if (change.assetId() != null) {
            coOwners.remove(change.assetId());
        }
    }

    /** Forgets everything (tests, and an operator who changed the tables by hand). */
    public void forget() {
        access.clear();
        coOwners.clear();
        licences.clear();
    }
}
