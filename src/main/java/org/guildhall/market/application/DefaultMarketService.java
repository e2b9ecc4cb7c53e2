package org.guildhall.market.application;

import static org.guildhall.platform.validation.RejectedException.Reason.CONFLICT;
import static org.guildhall.platform.validation.RejectedException.Reason.FORBIDDEN;
import static org.guildhall.platform.validation.RejectedException.Reason.NOT_FOUND;
import static org.guildhall.platform.validation.RejectedException.Reason.PAYMENT_REQUIRED;
import static org.guildhall.platform.validation.RejectedException.Reason.UNPROCESSABLE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.guildhall.catalog.api.Actor;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.api.Download;
import org.guildhall.catalog.api.OwnedVersion;
import org.guildhall.identity.api.AccountProfile;
import org.guildhall.identity.api.AccountService;
import org.guildhall.ledger.api.EntryFact;
import org.guildhall.ledger.api.LedgerRecord;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.ledger.api.NewEntry;
import org.guildhall.market.api.AccessRequestInfo;
import org.guildhall.market.api.AccessState;
import org.guildhall.market.api.InvariantReport;
import org.guildhall.market.api.LicenceInfo;
import org.guildhall.market.api.MarketEntryTypes;
import org.guildhall.market.api.MarketService;
import org.guildhall.market.api.Money;
import org.guildhall.market.api.OfferInfo;
import org.guildhall.market.api.OfferKind;
import org.guildhall.market.api.OfferTerms;
import org.guildhall.market.api.PostingLine;
import org.guildhall.market.api.Purchase;
import org.guildhall.market.api.SaleLine;
import org.guildhall.market.api.SalesReport;
import org.guildhall.market.api.Share;
import org.guildhall.market.api.WalletSummary;
import org.guildhall.market.domain.AccessRequest;
import org.guildhall.market.domain.AccountKind;
import org.guildhall.market.domain.AssetShare;
import org.guildhall.market.domain.IdempotencyRecord;
import org.guildhall.market.domain.InvariantCheck;
import org.guildhall.market.domain.Journal;
import org.guildhall.market.domain.Licence;
import org.guildhall.market.domain.MarketRepository;
import org.guildhall.market.domain.MeteredUse;
import org.guildhall.market.domain.MoneyAccount;
import org.guildhall.market.domain.Movement;
import org.guildhall.market.domain.Offer;
import org.guildhall.market.domain.Posting;
import org.guildhall.market.domain.ProceedsSplit;
import org.guildhall.market.domain.UsageHour;
import org.guildhall.platform.persistence.GroupCommit;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.Messages;

@ApplicationScoped
@Transactional
public class DefaultMarketService implements MarketService {

    static final JsonProvider JSON = JsonProvider.provider();
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:\\-]{8,200}");
    static final List<String> EARNING_KINDS = List.of(Journal.Kind.REVENUE_SPLIT.name());

    @Inject
    MarketRepository repo;

    @Inject
    MoneyBooks books;

    @Inject
    MarketSettings settings;

    @Inject
    FeeSchedule fees;

    @Inject
    CatalogService catalog;

    @Inject
    AccountService accounts;

    @Inject
    LedgerService ledger;

    @Inject
    Event<MarketChanged> changed;

    @Inject
    DefaultMarketService self;

    Clock clock = Clock.systemUTC();

    /** Purchases that arrive together share one transaction; at most this many. */
    static final int SALES_PER_BATCH = 64;

    /** Batches written at the same time: one plans and moves balances while the other holds the ledger's head. */
    static final int CONCURRENT_BATCHES = 2;

    /** Shared by every caller (the bean is application-scoped); replaced by tests that build services by hand. */
    GroupCommit<Sale, Optional<Outcome>> sales = new GroupCommit<>(SALES_PER_BATCH, CONCURRENT_BATCHES);

    // ---- offers ------------------------------------------------------------------------------------

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<OfferInfo> offers(AssetRef ref, String rev, Optional<Actor> viewer) {
        OwnedVersion v = catalog.ownedVersion(ref, rev).orElse(null);
        if (v == null) {
            return List.of();
        }
        boolean owner = viewer.map(a -> isOwner(a.accountId(), v)).orElse(false);
        return repo.offersOfVersion(v.versionId()).stream().filter(o -> owner || o.isActive()).map(o -> info(o, v.ref())).toList();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<OfferInfo> offer(UUID offerId) {
        return repo.offer(offerId).flatMap(o -> catalog.ownedVersion(o.getVersionId()).map(v -> info(o, v.ref())));
    }

    @Override
    public OfferInfo createOffer(Actor owner, AssetRef ref, String rev, OfferTerms terms) {
        OwnedVersion v = publishedVersion(ref, rev);
        requireOwner(owner, v);
        OfferTerms clean = validTerms(terms);
        Offer offer = new Offer(v.assetId(), v.versionId(), v.revision(), clean, clean.kind() == OfferKind.OPEN ? v.license() : null,
                owner.accountId(), now());
        repo.add(offer);
        ledger.append(new NewEntry(MarketEntryTypes.OFFER_CREATED, owner.accountId(), v.subject(), v.assetId(),
                offerPayload(offer, v).build()));
        changed.fire(MarketChanged.offers(v.versionId()));
        return info(offer, v.ref());
    }

    @Override
    public OfferInfo changeOffer(Actor owner, UUID offerId, OfferTerms terms) {
        Offer offer = repo.offerForUpdate(offerId).orElseThrow(() -> unknownOffer(offerId));
        OwnedVersion v = catalog.ownedVersion(offer.getVersionId()).orElseThrow(() -> unknownOffer(offerId));
        requireOwner(owner, v);
        if (!offer.isActive()) {
            throw new RejectedException(CONFLICT, text("market.offer.withdrawn", offer.getTitle()));
        }
        if (offer.getGranted() > 0) {
            throw new RejectedException(CONFLICT, text("market.offer.frozen", offer.getTitle(), offer.getGranted()));
        }
        OfferTerms clean = validTerms(terms);
        offer.apply(clean, clean.kind() == OfferKind.OPEN ? v.license() : null);
        ledger.append(new NewEntry(MarketEntryTypes.OFFER_CREATED, owner.accountId(), v.subject(), v.assetId(),
                offerPayload(offer, v).add("changed", true).build()));
        changed.fire(MarketChanged.offers(v.versionId()));
        return info(offer, v.ref());
    }

    @Override
    public OfferInfo withdrawOffer(Actor owner, UUID offerId) {
        Offer offer = repo.offerForUpdate(offerId).orElseThrow(() -> unknownOffer(offerId));
        OwnedVersion v = catalog.ownedVersion(offer.getVersionId()).orElseThrow(() -> unknownOffer(offerId));
        requireOwner(owner, v);
        if (offer.isActive()) {
            offer.withdraw(now());
            ledger.append(new NewEntry(MarketEntryTypes.OFFER_WITHDRAWN, owner.accountId(), v.subject(), v.assetId(),
                    JSON.createObjectBuilder().add("offer", offer.getId().toString()).build()));
            changed.fire(MarketChanged.offers(v.versionId()));
        }
        return info(offer, v.ref());
    }

    OfferTerms validTerms(OfferTerms t) {
        List<FieldError> errors = new ArrayList<>();
        if (t == null || t.kind() == null) {
            throw new ValidationFailedException(List.of(FieldError.of("kind", "market.offer.kind")));
        }
        String title = t.title() == null ? "" : t.title().strip();
        if (title.isEmpty() || title.length() > 120) {
            errors.add(FieldError.of("title", "market.offer.title", 120));
        }
        if (t.kind().paid()) {
            if (t.price() <= 0) {
                errors.add(FieldError.of("price", "market.offer.price.positive"));
            } else if (t.price() > settings.maxPrice()) {
                errors.add(FieldError.of("price", "market.offer.price.absurd", Money.of(settings.maxPrice()).plain(), settings.currency()));
            }
        } else if (t.price() != 0) {
            errors.add(FieldError.of("price", "market.offer.price.free", t.kind()));
        }
        if (t.royaltyBps() < 0 || t.royaltyBps() > ProceedsSplit.WHOLE) {
            errors.add(FieldError.of("royaltyBps", "market.offer.royalty"));
        }
        if (t.autoApprove() && t.kind() != OfferKind.GATED) {
            errors.add(FieldError.of("autoApprove", "market.offer.autoApprove"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return new OfferTerms(t.kind(), title, t.price(), t.laterVersions(), t.commercialUse(), t.trainingAllowed(),
                t.derivativesAllowed(), t.royaltyBps(), t.autoApprove());
    }

    // ---- licences ----------------------------------------------------------------------------------

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public Purchase purchase(Actor buyer, UUID offerId, String idempotencyKey) {
        String key = checkKey(idempotencyKey);
        String hash = sha256("purchase\n" + offerId);
        Offer offer = self.readOffer(offerId);
        OwnedVersion v = catalog.ownedVersion(offer.getVersionId()).orElseThrow(() -> unknownOffer(offerId));
        Map<UUID, Integer> shares = shareMap(v);
        // accounts are opened beforehand, each in a transaction of its own
        books.user(buyer.accountId());
        books.assetRevenue(v.assetId());
        shares.keySet().forEach(books::user);
        try {
            Outcome done;
            try {
                // purchases arriving together are written in one transaction (group commit); what the batch does
                // not grant at once is decided alone, with its reason
                done = sales.submit(new Sale(buyer, offerId, key, hash, v, shares), self::purchaseBatch)
                        .orElseGet(() -> self.purchaseNow(buyer, offerId, key, hash, v, shares));
            } catch (GroupCommit.BatchFailed raced) {
                // something changed under the batch (an offer, a balance, a key used before): each of it alone
                done = self.purchaseNow(buyer, offerId, key, hash, v, shares);
            }
            // the licence as the API shows it is read after the commit, outside the purchase's locks
            return new Purchase(self.licenceInfo(done.licenceId(), buyer.username()), done.replayed());
        } catch (RejectedException | ValidationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            // a concurrent request with the same key, or for the same licence, committed first
            Optional<Purchase> replay = self.replay(buyer, key, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
            if (self.holds(offerId, buyer.accountId())) {
                throw new RejectedException(CONFLICT, text("market.purchase.twice", offer.getTitle()));
            }
            throw e;
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Offer readOffer(UUID offerId) {
        return repo.offer(offerId).orElseThrow(() -> unknownOffer(offerId));
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Purchase> replay(Actor buyer, String key, String hash) {
        return repo.idempotency(buyer.accountId(), "purchase", key).map(r -> replayOf(r, hash, buyer));
    }

    @Transactional(TxType.REQUIRES_NEW)
    public boolean holds(UUID offerId, UUID holderId) {
        return repo.licence(offerId, holderId).isPresent();
    }

    private Purchase replayOf(IdempotencyRecord r, String hash, Actor buyer) {
        return new Purchase(licenceInfo(replayed(r, hash).licenceId(), buyer.username()), true);
    }

    private static Outcome replayed(IdempotencyRecord r, String hash) {
        if (!r.getRequestHash().equals(hash)) {
            throw new RejectedException(UNPROCESSABLE, text("market.idempotency.reused"));
        }
        return new Outcome(UUID.fromString(r.getResultRef()), true);
    }

    /** What a purchase's transaction did: the licence it granted, or the one a retried request's key names. */
    public record Outcome(UUID licenceId, boolean replayed) {
    }

    @Transactional(TxType.SUPPORTS)
    public LicenceInfo licenceInfo(UUID licenceId, String holder) {
        return licenceInfo(repo.licence(licenceId).orElseThrow(), holder);
    }

    @Transactional(TxType.REQUIRED)
    public Outcome purchaseNow(Actor buyer, UUID offerId, String key, String hash, OwnedVersion v, Map<UUID, Integer> shares) {
        Optional<IdempotencyRecord> prior = repo.idempotency(buyer.accountId(), "purchase", key);
        if (prior.isPresent()) {
            return replayed(prior.get(), hash);
        }
        Offer offer = repo.offer(offerId).orElseThrow(() -> unknownOffer(offerId));
        checkBuyable(offer, buyer, v, shares);
        if (repo.licence(offerId, buyer.accountId()).isPresent()) {
            throw new RejectedException(CONFLICT, text("market.purchase.twice", offer.getTitle()));
        }
        UUID licenceId = UUID.randomUUID();
        repo.add(new IdempotencyRecord(buyer.accountId(), "purchase", key, hash, licenceId.toString(), now()));
        grant(offer, v, buyer.accountId(), licenceId, null, buyer.accountId(), shares);
        return new Outcome(licenceId, false);
    }

    /** Refuses a purchase of an offer that is not for sale, or not to this buyer. */
    private void checkBuyable(Offer offer, Actor buyer, OwnedVersion v, Map<UUID, Integer> shares) {
        if (owns(buyer.accountId(), v, shares)) {
            throw new RejectedException(CONFLICT, text("market.purchase.own", v.ref().repoId()));
        }
        if (!offer.isActive()) {
            throw new RejectedException(CONFLICT, text("market.offer.withdrawn", offer.getTitle()));
        }
        switch (offer.getKind()) {
            case OPEN -> throw new RejectedException(CONFLICT, text("market.purchase.open", v.ref().repoId()));
            case GATED -> throw new RejectedException(CONFLICT, text("market.purchase.gated", offer.getTitle()));
            case PAY_PER_USE -> throw new RejectedException(CONFLICT, text("market.purchase.perUse", offer.getTitle(),
                    Money.of(offer.getPrice()).plain(), settings.currency()));
            default -> {
            }
        }
    }

    /** Whether {@link #checkBuyable} lets the sale through; its reason, if not, is given when the sale is run alone. */
    private boolean buyable(Offer offer, Sale s) {
        try {
            checkBuyable(offer, s.buyer(), s.v(), s.shares());
            return true;
        } catch (RejectedException refused) {
            return false;
        }
    }

    private RejectedException balanceShort(long price, long balance) {
        return new RejectedException(PAYMENT_REQUIRED, text("market.balance.short", Money.of(price).plain(), settings.currency(),
                Money.of(balance).plain()), "InsufficientFunds");
    }

    /** A purchase waiting for its batch, with what {@link #purchase} looked up before it. */
    public record Sale(Actor buyer, UUID offerId, String key, String hash, OwnedVersion v, Map<UUID, Integer> shares) {
    }

    /**
     * Several purchases in one transaction, written as {@link #purchaseNow} would write each, once per batch where
     * it can be: the offers, the licences held and the balances are read in one query each, every balance is
     * changed once, the ledger's head is taken once. Only the purchases that will surely be granted are granted
     * here, in order (a buyer's balance goes down with each); any other (a key sent twice, an offer not for sale
     * or already bought, a short balance) is answered empty and run again alone, where it is refused or replayed
     * with its reason. When something changed under the batch (an offer's terms, a balance, a key already used)
     * it rolls back as a whole, and each of its purchases is run alone.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Optional<Outcome>> purchaseBatch(List<Sale> batch) {
        Instant now = now();
        Map<UUID, Offer> offers = new HashMap<>();
        repo.offers(batch.stream().map(Sale::offerId).distinct().toList()).forEach(o -> offers.put(o.getId(), o));
        Set<List<UUID>> held = repo.licencesHeld(offers.keySet(), batch.stream().map(s -> s.buyer().accountId()).distinct().toList());
        Map<UUID, Long> balances = repo.balances(batch.stream().map(s -> books.user(s.buyer().accountId())).distinct().toList());
        int feeBps = fees.current();
        List<Optional<Outcome>> results = new ArrayList<>(batch.size());
        Set<IdempotencyRecord.Key> keysSeen = new HashSet<>();
        Map<UUID, Integer> grantsPerOffer = new TreeMap<>();
        List<Grant> grants = new ArrayList<>();
        List<IdempotencyRecord> keys = new ArrayList<>();
        for (Sale s : batch) {
            Offer offer = offers.get(s.offerId());
            UUID account = books.user(s.buyer().accountId());
            long balance = balances.getOrDefault(account, 0L);
            if (!keysSeen.add(new IdempotencyRecord.Key(s.buyer().accountId(), "purchase", s.key())) || offer == null
                    || !buyable(offer, s) || !held.add(List.of(offer.getId(), s.buyer().accountId())) || balance < offer.getPrice()) {
                results.add(Optional.empty());
                continue;
            }
            balances.put(account, balance - offer.getPrice());
            UUID licenceId = UUID.randomUUID();
            keys.add(new IdempotencyRecord(s.buyer().accountId(), "purchase", s.key(), s.hash(), licenceId.toString(), now));
            grantsPerOffer.merge(offer.getId(), 1, Integer::sum);
            grants.add(planGrant(offer, s.v(), s.buyer().accountId(), licenceId, null, s.buyer().accountId(), s.shares(), feeBps, now));
            results.add(Optional.of(new Outcome(licenceId, false)));
        }
        if (grants.isEmpty()) {
            return results;
        }
        // a key used before (a retried request) fails here, first: the whole batch is then run alone
        repo.addAll(keys);
        grantsPerOffer.forEach((offerId, n) -> {
            if (!repo.countGrants(offerId, offers.get(offerId).getRowVersion(), n)) {
                throw new IllegalStateException("offer " + offerId + " changed while a batch of purchases was written");
            }
        });
        List<Journal> journals = new ArrayList<>();
        List<Movement> movements = new ArrayList<>();
        grants.forEach(g -> {
            journals.addAll(g.journals());
            movements.addAll(g.movements());
        });
        // the entities are inserted at the commit: the small updates before it need not look at them; the journals
        // and postings, most of the rows, go in two JDBC batches once they hold their ledger entry's number
        repo.writeAtCommit();
        books.moveAll(movements);
        grants.forEach(g -> record(g, now));
        books.recordAll(journals, movements, now);
        return results;
    }

    /**
     * Grants a licence in the caller's transaction: counts it on the offer (refused when the offer changed or
     * was withdrawn meanwhile), moves the price when there is one, and appends the ledger entry.
     */
    Licence grant(Offer offer, OwnedVersion v, UUID holder, UUID licenceId, UUID requestId, UUID actor, Map<UUID, Integer> shares) {
        if (!repo.countGrant(offer.getId(), offer.getRowVersion())) {
            throw new RejectedException(CONFLICT, text("market.offer.changed", offer.getTitle()));
        }
        Instant now = now();
        Grant g = planGrant(offer, v, holder, licenceId, requestId, actor, shares, fees.current(), now);
        Runnable platformCredits = () -> {
        };
        if (!g.movements().isEmpty()) {
            try {
                platformCredits = books.postPlatformLast(g.journals(), g.movements(), now);
            } catch (MoneyBooks.InsufficientFunds e) {
                throw balanceShort(offer.getPrice(), books.balance(books.user(holder)));
            }
        }
        // everything but the two rows every sale shares is written now; the platform's fee account and the ledger's
        // head are locked last and held only until the commit
        repo.flush();
        platformCredits.run();
        return record(g, now);
    }

    /** A licence about to be granted: the sale's two movements (when it has a price), its ledger payload. */
    record Grant(Offer offer, OwnedVersion v, UUID holder, UUID licenceId, UUID requestId, UUID actor, long fee, UUID saleId,
            List<Journal> journals, List<Movement> movements, JsonObject payload) {
    }

    /** Works out what granting a licence moves and records, without writing anything. */
    Grant planGrant(Offer offer, OwnedVersion v, UUID holder, UUID licenceId, UUID requestId, UUID actor, Map<UUID, Integer> shares,
            int feeBps, Instant now) {
        long price = offer.getPrice();
        long fee = ProceedsSplit.fee(price, feeBps);
        Map<UUID, Long> parts = price > 0 ? ProceedsSplit.byShares(price - fee, shares) : Map.of();
        UUID saleId = null;
        List<Journal> journals = List.of();
        List<Movement> movements = List.of();
        if (price > 0) {
            saleId = UUID.randomUUID();
            String memo = text("market.memo.sale", offer.getTitle(), v.ref().repoId(), v.label());
            Journal sale = new Journal(saleId, Journal.Kind.SALE, memo, holder, v.assetId(), licenceId.toString(), now);
            Journal split = new Journal(UUID.randomUUID(), Journal.Kind.REVENUE_SPLIT, memo, holder, v.assetId(), licenceId.toString(), now);
            UUID revenue = books.assetRevenue(v.assetId());
            Movement pay = new Movement().debit(books.user(holder), price).credit(books.feeAccount(holder), fee)
                    .credit(revenue, price - fee);
            Movement share = new Movement().debit(revenue, price - fee);
            parts.forEach((owner, part) -> share.credit(books.user(owner), part));
            journals = List.of(sale, split);
            movements = List.of(pay, share);
        }
        JsonObjectBuilder payload = JSON.createObjectBuilder().add("licence", licenceId.toString())
                .add("offer", offer.getId().toString()).add("kind", offer.getKind().name()).add("holder", holder.toString())
                .add("asset", v.ref().repoId()).add("assetKind", v.ref().kind().name()).add("revision", v.revision())
                .add("contentHash", v.contentHash()).add("price", price).add("fee", fee).add("currency", settings.currency())
                .add("terms", termsJson(offer, v));
        if (price > 0) {
            JsonArrayBuilder owners = JSON.createArrayBuilder();
            parts.forEach((owner, part) -> owners.add(JSON.createObjectBuilder().add("account", owner.toString()).add("amount", part)));
            payload.add("proceeds", owners).add("movement", saleId.toString());
        }
        if (requestId != null) {
            payload.add("request", requestId.toString());
        }
        return new Grant(offer, v, holder, licenceId, requestId, actor, fee, saleId, journals, movements, payload.build());
    }

    /** Appends the grant's ledger entry and writes the licence; the money has moved already. */
    private Licence record(Grant g, Instant now) {
        LedgerRecord entry = ledger.append(new NewEntry(MarketEntryTypes.LICENCE_GRANTED, g.actor(), g.v().subject(), g.v().assetId(),
                g.payload()));
        g.journals().forEach(j -> j.recordedAt(entry.seq()));
        Licence licence = new Licence(g.licenceId(), g.offer(), g.holder(), g.fee(), g.saleId(), g.requestId(), now);
        licence.recordedAt(entry.seq());
        repo.add(licence);
        changed.fire(MarketChanged.licence(g.holder(), g.v().assetId()));
        return licence;
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public AccessRequestInfo requestAccess(Actor requester, UUID offerId, String purpose) {
        Offer offer = self.readOffer(offerId);
        OwnedVersion v = catalog.ownedVersion(offer.getVersionId()).orElseThrow(() -> unknownOffer(offerId));
        Map<UUID, Integer> shares = shareMap(v);
        try {
            return self.requestNow(requester, offerId, purpose, v, shares);
        } catch (RejectedException | ValidationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            // the same request sent twice at once: the first one stands
            Optional<AccessRequestInfo> first = self.requestOf(offerId, requester);
            if (first.isPresent()) {
                return first.get();
            }
            throw e;
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<AccessRequestInfo> requestOf(UUID offerId, Actor requester) {
        return repo.request(offerId, requester.accountId()).map(this::requestInfo);
    }

    @Transactional(TxType.REQUIRED)
    public AccessRequestInfo requestNow(Actor requester, UUID offerId, String purpose, OwnedVersion v, Map<UUID, Integer> shares) {
        String clean = purpose == null ? "" : purpose.strip();
        if (clean.length() < 10 || clean.length() > 2000) {
            throw new ValidationFailedException(List.of(FieldError.of("purpose", "market.request.purpose", 10, 2000)));
        }
        Offer offer = repo.offer(offerId).orElseThrow(() -> unknownOffer(offerId));
        if (offer.getKind() != OfferKind.GATED) {
            throw new RejectedException(CONFLICT, text("market.request.notGated", offer.getTitle()));
        }
        if (!offer.isActive()) {
            throw new RejectedException(CONFLICT, text("market.offer.withdrawn", offer.getTitle()));
        }
        if (owns(requester.accountId(), v, shares)) {
            throw new RejectedException(CONFLICT, text("market.purchase.own", v.ref().repoId()));
        }
        Optional<AccessRequest> existing = repo.request(offerId, requester.accountId());
        AccessRequest request;
        if (existing.isPresent()) {
            request = existing.get();
            if (request.getState() != AccessState.REJECTED) {
                throw new RejectedException(CONFLICT, text(request.getState() == AccessState.PENDING ? "market.request.pending"
                        : "market.request.approved", offer.getTitle()));
            }
            request.askAgain(clean, now());
        } else {
            request = new AccessRequest(offer, requester.accountId(), clean, now());
            repo.add(request);
        }
        if (offer.isAutoApprove()) {
            request.decide(true, text("market.request.auto"), null, now());
            grant(offer, v, requester.accountId(), UUID.randomUUID(), request.getId(), null, shares);
        }
        return requestInfo(request);
    }

    @Override
    public AccessRequestInfo decide(Actor owner, UUID requestId, boolean approve, String reason) {
        AccessRequest request = repo.requestForUpdate(requestId)
                .orElseThrow(() -> new RejectedException(NOT_FOUND, text("market.request.unknown", requestId)));
        Offer offer = repo.offer(request.getOfferId()).orElseThrow();
        OwnedVersion v = catalog.ownedVersion(offer.getVersionId())
                .orElseThrow(() -> new RejectedException(NOT_FOUND, text("market.request.unknown", requestId)));
        if (!isOwner(owner.accountId(), v)) {
            // to anyone else the request does not exist
            throw new RejectedException(NOT_FOUND, text("market.request.unknown", requestId));
        }
        if (request.getState() != AccessState.PENDING) {
            throw new RejectedException(CONFLICT, text("market.request.decided", request.getState().name().toLowerCase(Locale.ROOT)));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 1000 || (!approve && why.isEmpty())) {
            throw new ValidationFailedException(List.of(FieldError.of("reason", "market.request.reason", 1000)));
        }
        request.decide(approve, why.isEmpty() ? null : why, owner.accountId(), now());
        if (approve) {
            if (!offer.isActive()) {
                throw new RejectedException(CONFLICT, text("market.offer.withdrawn", offer.getTitle()));
            }
            grant(offer, v, request.getRequesterId(), UUID.randomUUID(), request.getId(), owner.accountId(), shareMap(v));
        }
        return requestInfo(request);
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<AccessRequestInfo> incomingRequests(Actor owner) {
        List<UUID> assets = ownedAssets(owner);
        List<AccessRequestInfo> all = new ArrayList<>(repo.requestsForAssets(assets).stream().map(this::requestInfo).toList());
        all.sort((a, b) -> Boolean.compare(b.state() == AccessState.PENDING, a.state() == AccessState.PENDING));
        return all;
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<AccessRequestInfo> myRequests(Actor requester) {
        return repo.requestsOf(requester.accountId()).stream().map(this::requestInfo).toList();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<LicenceInfo> licences(Actor holder) {
        return repo.licencesOf(holder.accountId()).stream().map(l -> licenceInfo(l, holder.username())).toList();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<LicenceInfo> licencesOf(Actor owner, AssetRef ref) {
        OwnedVersion v = catalog.ownedVersion(ref, "main").orElseThrow(() -> unknownAsset(ref));
        if (!owner.admin() && !isOwner(owner.accountId(), v)) {
            throw new RejectedException(FORBIDDEN, text("market.owner.only", ref.repoId()));
        }
        Map<UUID, String> names = new HashMap<>();
        return repo.licencesOfAsset(v.assetId()).stream().map(l -> licenceInfo(l, names.computeIfAbsent(l.getHolderId(), this::username)))
                .toList();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<LicenceInfo> licence(Actor viewer, UUID licenceId) {
        return repo.licence(licenceId).filter(l -> l.getHolderId().equals(viewer.accountId()) || viewer.admin()
                || catalog.ownedVersion(l.getVersionId()).map(v -> isOwner(viewer.accountId(), v)).orElse(false))
                .map(l -> licenceInfo(l, username(l.getHolderId())));
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public boolean entitled(Optional<Actor> viewer, AssetRef ref, String rev) {
        OwnedVersion v = catalog.ownedVersion(ref, rev).orElse(null);
        if (v == null) {
            return false;
        }
        if (Entitlements.openToAll(activeOffers(v.versionId()))) {
            return true;
        }
        if (viewer.isEmpty()) {
            return false;
        }
        UUID me = viewer.get().accountId();
        return isOwner(me, v)
                || repo.licencesOf(me, v.assetId()).stream().anyMatch(l -> l.covers(v.versionId(), v.revision()));
    }

    // ---- metering ----------------------------------------------------------------------------------

    /**
     * Charges one use of a file under a PAY_PER_USE offer: once per buyer, file and day, however many
     * requests (resumed downloads, retries) it takes. Refused with PAYMENT_REQUIRED when the balance is short.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public void chargeUse(UUID buyer, UUID offerId, Download d) {
        OwnedVersion v = catalog.ownedVersion(d.version().id()).orElseThrow();
        Map<UUID, Integer> shares = shareMap(v);
        books.user(buyer);
        books.assetRevenue(v.assetId());
        shares.keySet().forEach(books::user);
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        try {
            self.chargeNow(buyer, offerId, d, v, shares, day);
        } catch (RejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            // two requests for the same file at once: one of them charged the use
            if (!self.usedToday(buyer, d, day)) {
                throw e;
            }
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public boolean usedToday(UUID buyer, Download d, LocalDate day) {
        return repo.used(buyer, d.version().id(), d.file().path(), day);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void chargeNow(UUID buyer, UUID offerId, Download d, OwnedVersion v, Map<UUID, Integer> shares, LocalDate day) {
        if (repo.used(buyer, d.version().id(), d.file().path(), day)) {
            return;
        }
        Offer offer = repo.offer(offerId).orElseThrow();
        Instant now = now();
        long price = offer.getPrice();
        long fee = ProceedsSplit.fee(price, fees.current());
        UUID useId = UUID.randomUUID();
        String memo = text("market.memo.use", d.file().path(), v.ref().repoId(), v.label());
        Journal use = new Journal(useId, Journal.Kind.USAGE, memo, buyer, v.assetId(), "use:" + offerId, now);
        Journal split = new Journal(UUID.randomUUID(), Journal.Kind.REVENUE_SPLIT, memo, buyer, v.assetId(), "use:" + offerId, now);
        UUID revenue = books.assetRevenue(v.assetId());
        Movement pay = new Movement().debit(books.user(buyer), price).credit(books.feeAccount(buyer), fee).credit(revenue, price - fee);
        Movement share = new Movement().debit(revenue, price - fee);
        ProceedsSplit.byShares(price - fee, shares).forEach((owner, part) -> share.credit(books.user(owner), part));
        try {
            books.post(List.of(use, split), List.of(pay, share), now);
        } catch (MoneyBooks.InsufficientFunds e) {
            throw new RejectedException(PAYMENT_REQUIRED, text("market.use.short", Money.of(price).plain(), settings.currency(),
                    Money.of(books.balance(books.user(buyer))).plain(), offer.getTitle()), "InsufficientFunds");
        }
        repo.add(new MeteredUse(buyer, d.version().id(), d.file().path(), day, offerId, v.assetId(), price, useId, now,
                now.truncatedTo(ChronoUnit.HOURS)));
    }

    @Transactional(TxType.SUPPORTS)
    public List<Offer> activeOffers(UUID versionId) {
        return repo.offersOfVersion(versionId).stream().filter(Offer::isActive).toList();
    }

    @Transactional(TxType.SUPPORTS)
    public List<UUID> coOwnerIds(UUID assetId) {
        return repo.shares(assetId).stream().map(AssetShare::getAccountId).toList();
    }

    @Transactional(TxType.SUPPORTS)
    public List<Licence> licencesOf(UUID holder, UUID assetId) {
        return repo.licencesOf(holder, assetId);
    }

    @Transactional(TxType.SUPPORTS)
    public long balanceOf(UUID member) {
        return books.existing(AccountKind.USER, member.toString()).map(books::balance).orElse(0L);
    }

    /**
     * Writes one ledger entry for each buyer, asset and closed hour whose uses have none yet; returns how many.
     * Safe on several servers at once: an hour written twice fails on its key and is rolled back.
     */
    public int recordClosedHours(int limit) {
        Instant hour = now().truncatedTo(ChronoUnit.HOURS);
        int written = 0;
        for (Object[] r : repo.unrecordedHours(hour, limit)) {
            UUID buyer = (UUID) r[0];
            UUID asset = (UUID) r[1];
            Instant start = (Instant) r[2];
            long uses = ((Number) r[3]).longValue();
            long amount = ((Number) r[4]).longValue();
            JsonObject payload = JSON.createObjectBuilder().add("buyer", buyer.toString()).add("asset", asset.toString())
                    .add("hourStart", start.toString()).add("uses", uses).add("amount", amount).add("currency", settings.currency())
                    .build();
            LedgerRecord e = ledger.append(new NewEntry(MarketEntryTypes.USAGE_METERED, buyer, "usage:" + buyer + "@" + start, asset, payload));
            repo.add(new UsageHour(buyer, asset, start, uses, amount, e.seq()));
            written++;
        }
        return written;
    }

    // ---- money -------------------------------------------------------------------------------------

    @Override
    @Transactional(TxType.SUPPORTS)
    public WalletSummary wallet(Actor member, int offset, int limit) {
        Optional<UUID> account = books.existing(AccountKind.USER, member.accountId().toString());
        if (account.isEmpty()) {
            return new WalletSummary(Money.of(0), 0, List.of());
        }
        List<PostingLine> lines = repo.postingsWithJournals(account.get(), Math.max(0, offset), Math.min(Math.max(1, limit), 200))
                .stream().map(r -> {
                    Posting p = (Posting) r[0];
                    Journal j = (Journal) r[1];
                    return new PostingLine(j.getId(), j.getKind(), j.getMemo(), Money.of(p.getAmount()), p.getRecordedAt(), j.getLedgerSeq());
                }).toList();
        return new WalletSummary(Money.of(books.balance(account.get())), repo.postingCount(account.get()), lines);
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public WalletSummary faucet(Actor member, Money amount, String idempotencyKey) {
        if (!settings.faucetEnabled()) {
            throw new RejectedException(FORBIDDEN, text("market.faucet.off"));
        }
        String key = checkKey(idempotencyKey);
        if (amount == null || amount.minor() <= 0 || amount.minor() > settings.faucetMax()) {
            throw new ValidationFailedException(List.of(FieldError.of("amount", "market.faucet.amount",
                    Money.of(settings.faucetMax()).plain(), settings.currency())));
        }
        books.user(member.accountId());
        try {
            self.faucetNow(member, amount, key);
        } catch (RejectedException | ValidationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (self.faucetReplay(member, key, amount).isEmpty()) {
                throw e;
            }
        }
        return self.wallet(member, 0, 20);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<IdempotencyRecord> faucetReplay(Actor member, String key, Money amount) {
        Optional<IdempotencyRecord> r = repo.idempotency(member.accountId(), "faucet", key);
        r.ifPresent(x -> {
            if (!x.getRequestHash().equals(sha256("faucet\n" + amount.minor()))) {
                throw new RejectedException(UNPROCESSABLE, text("market.idempotency.reused"));
            }
        });
        return r;
    }

    @Transactional(TxType.REQUIRED)
    public void faucetNow(Actor member, Money amount, String key) {
        String hash = sha256("faucet\n" + amount.minor());
        Optional<IdempotencyRecord> prior = repo.idempotency(member.accountId(), "faucet", key);
        if (prior.isPresent()) {
            if (!prior.get().getRequestHash().equals(hash)) {
                throw new RejectedException(UNPROCESSABLE, text("market.idempotency.reused"));
            }
            return;
        }
        UUID id = UUID.randomUUID();
        repo.add(new IdempotencyRecord(member.accountId(), "faucet", key, hash, id.toString(), now()));
        Journal j = new Journal(id, Journal.Kind.FAUCET, text("market.memo.faucet"), member.accountId(), null, null, now());
        books.post(List.of(j), List.of(new Movement().debit(MoneyAccount.FAUCET, amount.minor()).credit(books.user(member.accountId()),
                amount.minor())), now());
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public SalesReport sales(Actor owner) {
        Optional<UUID> account = books.existing(AccountKind.USER, owner.accountId().toString());
        if (account.isEmpty()) {
            return new SalesReport(Money.of(0), 0, List.of(), List.of());
        }
        Map<UUID, AssetRef> refs = new HashMap<>();
        List<SaleLine> latest = repo.creditsOfKinds(account.get(), EARNING_KINDS, 100).stream().map(r -> {
            Journal j = (Journal) r[0];
            AssetRef ref = j.getAssetId() == null ? null : refs.computeIfAbsent(j.getAssetId(), this::refOf);
            return new SaleLine(j.getId(), j.getRecordedAt(), ref, j.getRefId() != null && j.getRefId().startsWith("use:") ? "use" : "licence",
                    Money.of((Long) r[1]), j.getLedgerSeq());
        }).toList();
        Instant since = now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(29));
        Map<LocalDate, Long> days = repo.dailyCredits(account.get(), EARNING_KINDS, since);
        List<SalesReport.DailyEarnings> perDay = new ArrayList<>();
        for (LocalDate d = since.atZone(ZoneOffset.UTC).toLocalDate(); !d.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC))); d = d.plusDays(1)) {
            long earned = days.getOrDefault(d, 0L);
            perDay.add(new SalesReport.DailyEarnings(d, Money.of(earned)));
        }
        long[] total = repo.creditTotal(account.get(), EARNING_KINDS);
        return new SalesReport(Money.of(total[1]), total[0], latest, perDay);
    }

    // ---- co-owners ---------------------------------------------------------------------------------

    @Override
    @Transactional(TxType.SUPPORTS)
    public List<Share> shares(AssetRef ref) {
        OwnedVersion v = catalog.ownedVersion(ref, "main").orElseThrow(() -> unknownAsset(ref));
        return shareMap(v).entrySet().stream().map(e -> new Share(e.getKey(), username(e.getKey()), e.getValue())).toList();
    }

    @Override
    public List<Share> changeShares(Actor owner, AssetRef ref, List<Share> shares) {
        OwnedVersion v = catalog.ownedVersion(ref, "main").orElseThrow(() -> unknownAsset(ref));
        if (!owner.accountId().equals(v.ownerId())) {
            throw new RejectedException(FORBIDDEN, text("market.shares.ownerOnly", ref.repoId()));
        }
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        List<AssetShare> rows = new ArrayList<>();
        int total = 0;
        for (Share s : shares == null ? List.<Share>of() : shares) {
            UUID id = s.accountId();
            if (id == null && s.username() != null) {
                id = accounts.findByUsername(s.username().strip()).map(AccountProfile::id).orElse(null);
            }
            if (id == null || accounts.findById(id).isEmpty()) {
                errors.add(FieldError.of("shares", "market.shares.unknown", s.username() == null ? String.valueOf(s.accountId()) : s.username()));
                continue;
            }
            if (s.bps() < 1 || s.bps() > ProceedsSplit.WHOLE || !seen.add(id)) {
                errors.add(FieldError.of("shares", "market.shares.bps", s.username() == null ? id.toString() : s.username()));
                continue;
            }
            total += s.bps();
            rows.add(new AssetShare(v.assetId(), id, s.bps()));
        }
        if (errors.isEmpty() && (total != ProceedsSplit.WHOLE || !seen.contains(v.ownerId()))) {
            errors.add(FieldError.of("shares", "market.shares.sum", total));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        repo.replaceShares(v.assetId(), rows);
        changed.fire(MarketChanged.shares(v.assetId()));
        return rows.stream().map(r -> new Share(r.getAccountId(), username(r.getAccountId()), r.getShareBps())).toList();
    }

    /** The owners' shares; an asset without co-owners belongs wholly to its catalogue owner. */
    Map<UUID, Integer> shareMap(OwnedVersion v) {
        List<AssetShare> rows = repo.shares(v.assetId());
        Map<UUID, Integer> m = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            m.put(v.ownerId(), ProceedsSplit.WHOLE);
        } else {
            rows.forEach(r -> m.put(r.getAccountId(), r.getShareBps()));
        }
        return m;
    }

    boolean isOwner(UUID account, OwnedVersion v) {
        return owns(account, v, shareMap(v));
    }

    /** The catalogue owner and every co-owner with a share are owners. */
    static boolean owns(UUID account, OwnedVersion v, Map<UUID, Integer> shares) {
        return account.equals(v.ownerId()) || shares.containsKey(account);
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public int feeBps() {
        return fees.current();
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void changeFee(int feeBps) {
        if (feeBps < 0 || feeBps > ProceedsSplit.WHOLE) {
            throw new ValidationFailedException(List.of(FieldError.of("feeBps", "market.fee.range")));
        }
        fees.change(feeBps);
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Money treasuryBalance() {
        return Money.of(books.balance(MoneyAccount.DAO_TREASURY));
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public long grantFromTreasury(UUID accountId, Money amount, String reference) {
        if (amount == null || amount.minor() <= 0) {
            throw new ValidationFailedException(List.of(FieldError.of("amount", "market.grant.amount")));
        }
        Instant now = now();
        UUID id = UUID.randomUUID();
        Journal j = new Journal(id, Journal.Kind.GRANT, text("market.memo.grant", reference), accountId, null, reference, now);
        try {
            books.post(List.of(j), List.of(new Movement().debit(MoneyAccount.DAO_TREASURY, amount.minor())
                    .credit(books.user(accountId), amount.minor())), now);
        } catch (MoneyBooks.InsufficientFunds e) {
            throw new RejectedException(CONFLICT, text("market.treasury.short", amount.plain(), settings.currency(),
                    Money.of(books.balance(MoneyAccount.DAO_TREASURY)).plain()), "TreasuryShort");
        }
        LedgerRecord entry = ledger.append(new NewEntry(MarketEntryTypes.TREASURY_GRANTED, null, "account:" + accountId, null,
                JSON.createObjectBuilder().add("movement", id.toString()).add("account", accountId.toString())
                        .add("amount", amount.minor()).add("currency", settings.currency()).add("reference", reference).build()));
        j.recordedAt(entry.seq());
        return entry.seq();
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public WalletSummary donateToTreasury(Actor member, Money amount, String idempotencyKey) {
        String key = checkKey(idempotencyKey);
        if (amount == null || amount.minor() <= 0) {
            throw new ValidationFailedException(List.of(FieldError.of("amount", "market.donation.amount")));
        }
        books.user(member.accountId());
        try {
            self.donateNow(member, amount, key);
        } catch (RejectedException | ValidationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            // a concurrent retry under the same key won the race: answer what it did
            if (self.replay(member, "donation", key, "donation\n" + amount.minor()).isEmpty()) {
                throw e;
            }
        }
        return self.wallet(member, 0, 20);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<IdempotencyRecord> replay(Actor member, String operation, String key, String request) {
        Optional<IdempotencyRecord> r = repo.idempotency(member.accountId(), operation, key);
        r.ifPresent(x -> {
            if (!x.getRequestHash().equals(sha256(request))) {
                throw new RejectedException(UNPROCESSABLE, text("market.idempotency.reused"));
            }
        });
        return r;
    }

    @Transactional(TxType.REQUIRED)
    public void donateNow(Actor member, Money amount, String key) {
        String hash = sha256("donation\n" + amount.minor());
        Optional<IdempotencyRecord> prior = repo.idempotency(member.accountId(), "donation", key);
        if (prior.isPresent()) {
            if (!prior.get().getRequestHash().equals(hash)) {
                throw new RejectedException(UNPROCESSABLE, text("market.idempotency.reused"));
            }
            return;
        }
        Instant now = now();
        UUID id = UUID.randomUUID();
        repo.add(new IdempotencyRecord(member.accountId(), "donation", key, hash, id.toString(), now));
        Journal j = new Journal(id, Journal.Kind.DONATION, text("market.memo.donation"), member.accountId(), null, null, now);
        try {
            books.post(List.of(j), List.of(new Movement().debit(books.user(member.accountId()), amount.minor())
                    .credit(MoneyAccount.DAO_TREASURY, amount.minor())), now);
        } catch (MoneyBooks.InsufficientFunds e) {
            throw new RejectedException(PAYMENT_REQUIRED, text("market.balance.short", amount.plain(), settings.currency(),
                    Money.of(books.balance(books.user(member.accountId()))).plain()), "InsufficientFunds");
        }
        LedgerRecord entry = ledger.append(new NewEntry(MarketEntryTypes.TREASURY_DONATED, member.accountId(), "account:" + member.username(),
                null, JSON.createObjectBuilder().add("movement", id.toString()).add("amount", amount.minor())
                        .add("currency", settings.currency()).build()));
        j.recordedAt(entry.seq());
    }

    // ---- invariants --------------------------------------------------------------------------------

    @Override
    public InvariantReport checkInvariants() {
        List<String> findings = new ArrayList<>();
        long sum = repo.postingSum();
        if (sum != 0) {
            findings.add(text("market.check.sum", sum));
        }
        repo.balancesNotMatchingPostings().forEach(r -> findings.add(text("market.check.balance", r[0], r[1], r[2], r[3])));
        repo.unbalancedJournals().forEach(r -> findings.add(text("market.check.movement", r[0], r[1])));
        repo.negativeBalances().forEach(r -> findings.add(text("market.check.negative", r[0], r[1], r[2])));
        repo.withoutLedgerEntry().forEach(r -> findings.add(text("market.check.unrecorded", r[0], r[1])));
        // every licence's entry really is in the ledger and names it
        Map<Long, String> recorded = new HashMap<>();
        long after = 0;
        for (List<EntryFact> page = ledger.facts(MarketEntryTypes.LICENCE_GRANTED, after, 5_000); !page.isEmpty();
                page = ledger.facts(MarketEntryTypes.LICENCE_GRANTED, after, 5_000)) {
            for (EntryFact e : page) {
                recorded.put(e.seq(), e.payload());
                after = e.seq();
            }
        }
        for (Object[] r : repo.licenceEntries()) {
            String payload = recorded.get((Long) r[1]);
            if (payload == null || !payload.contains("\"licence\":\"" + r[0] + "\"")) {
                findings.add(text("market.check.entry", r[0], r[1]));
            }
        }
        InvariantCheck check = new InvariantCheck(now(), repo.accountCount(), repo.postingCount(), sum, String.join("\n", findings));
        repo.add(check);
        return report(check);
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public Optional<InvariantReport> latestCheck() {
        return repo.latestCheck().map(DefaultMarketService::report);
    }

    static InvariantReport report(InvariantCheck c) {
        return new InvariantReport(c.getCheckedAt(), c.getAccounts(), c.getPostings(), c.getPostingSum(),
                c.getFindings().isEmpty() ? List.of() : List.of(c.getFindings().split("\n")));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private OwnedVersion publishedVersion(AssetRef ref, String rev) {
        if ("draft".equals(rev)) {
            throw new RejectedException(CONFLICT, text("market.offer.draft", ref.repoId()));
        }
        return catalog.ownedVersion(ref, rev == null || rev.isBlank() ? "main" : rev)
                .orElseThrow(() -> new RejectedException(NOT_FOUND, text("market.version.unknown", rev, ref.repoId())));
    }

    private void requireOwner(Actor actor, OwnedVersion v) {
        if (!isOwner(actor.accountId(), v)) {
            throw new RejectedException(FORBIDDEN, text("market.owner.only", v.ref().repoId()));
        }
    }

    private List<UUID> ownedAssets(Actor owner) {
        List<UUID> ids = new ArrayList<>(repo.assetsSharedWith(owner.accountId()));
        catalog.assetsOf(owner.username(), Optional.of(owner)).forEach(a -> {
            if (!ids.contains(a.id())) {
                ids.add(a.id());
            }
        });
        return ids;
    }

    private AssetRef refOf(UUID assetId) {
        return repo.offersOfAssets(List.of(assetId)).stream().findFirst()
                .flatMap(o -> catalog.ownedVersion(o.getVersionId())).map(OwnedVersion::ref).orElse(null);
    }

    private String username(UUID id) {
        return accounts.findById(id).map(AccountProfile::username).orElse(id.toString());
    }

    OfferInfo info(Offer o, AssetRef ref) {
        return new OfferInfo(o.getId(), ref, o.getAssetId(), o.getVersionId(), o.getRevision(), o.getKind(), o.getTitle(),
                Money.of(o.getPrice()), o.getSpdxLicense(), o.isLaterVersions(), o.terms().commercialUse(), o.terms().trainingAllowed(),
                o.terms().derivativesAllowed(), o.terms().royaltyBps(), o.isAutoApprove(), o.isActive(), o.getGranted(), o.getCreatedAt());
    }

    private LicenceInfo licenceInfo(Licence l, String holder) {
        Offer o = repo.offer(l.getOfferId()).orElseThrow();
        AssetRef ref = catalog.ownedVersion(l.getVersionId()).map(OwnedVersion::ref).orElse(null);
        return new LicenceInfo(l.getId(), info(o, ref), l.getHolderId(), holder, Money.of(l.getPrice()), Money.of(l.getFee()),
                l.getGrantedAt(), l.getLedgerSeq());
    }

    private AccessRequestInfo requestInfo(AccessRequest r) {
        Offer o = repo.offer(r.getOfferId()).orElseThrow();
        AssetRef ref = catalog.ownedVersion(o.getVersionId()).map(OwnedVersion::ref).orElse(null);
        return new AccessRequestInfo(r.getId(), info(o, ref), r.getRequesterId(), username(r.getRequesterId()), r.getPurpose(),
                r.getState(), r.getReason(), r.getCreatedAt(), r.getDecidedAt());
    }

    private JsonObjectBuilder offerPayload(Offer o, OwnedVersion v) {
        return JSON.createObjectBuilder().add("offer", o.getId().toString()).add("kind", o.getKind().name()).add("title", o.getTitle())
                .add("price", o.getPrice()).add("currency", settings.currency()).add("contentHash", v.contentHash())
                .add("terms", termsJson(o, v));
    }

    private static JsonObjectBuilder termsJson(Offer o, OwnedVersion v) {
        OfferTerms t = o.terms();
        JsonObjectBuilder b = JSON.createObjectBuilder().add("laterVersions", t.laterVersions()).add("commercialUse", t.commercialUse())
                .add("trainingAllowed", t.trainingAllowed()).add("derivativesAllowed", t.derivativesAllowed())
                .add("royaltyBps", t.royaltyBps());
        if (o.getSpdxLicense() != null) {
            b.add("license", o.getSpdxLicense());
        }
        return b;
    }

    static String checkKey(String key) {
        if (key == null || !KEY.matcher(key.strip()).matches()) {
            throw new ValidationFailedException(List.of(FieldError.of("Idempotency-Key", "market.idempotency.key")));
        }
        return key.strip();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private RejectedException unknownOffer(UUID id) {
        return new RejectedException(NOT_FOUND, text("market.offer.unknown", id));
    }

    private RejectedException unknownAsset(AssetRef ref) {
        return new RejectedException(NOT_FOUND, text("market.asset.unknown", ref.repoId()));
    }

    private Instant now() {
        return clock.instant();
    }

    static String text(String key, Object... args) {
        return Messages.format(Locale.ENGLISH, key, args);
    }
}
