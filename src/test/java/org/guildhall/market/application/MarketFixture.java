package org.guildhall.market.application;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.guildhall.catalog.api.AssetKind;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.catalog.api.OwnedVersion;
import org.guildhall.identity.api.AccountProfile;
import org.guildhall.identity.api.AccountService;
import org.guildhall.identity.api.WalletService;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.ledger.application.BatchTrees;
import org.guildhall.ledger.application.DefaultLedgerService;
import org.guildhall.ledger.infrastructure.JpaLedgerRepository;
import org.guildhall.market.infrastructure.JpaMarketRepository;
import org.guildhall.platform.persistence.GroupCommit;
import org.guildhall.testsupport.BothDatabases;

/**
 * The market's services outside the container, on one EntityManager, with the real ledger and stand-ins for
 * the catalogue's and identity's lookups (versions and accounts registered here). The caller runs each call in
 * a transaction, as the container would.
 */
public final class MarketFixture {

    final Map<UUID, OwnedVersion> versions = new ConcurrentHashMap<>();
    public final Map<UUID, String> usernames = new ConcurrentHashMap<>();
    final MarketSettings settings;
    final BatchTrees trees = new BatchTrees();
    /** Account ids, shared by the services of every EntityManager as the application-scoped books share them. */
    final Map<String, UUID> accountIds = new ConcurrentHashMap<>();
    final Clock clock;

    public MarketFixture(MarketSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Empties the market's tables and zeroes the platform's accounts, for a test that starts from nothing. */
    public static void clear(EntityManager em) {
        for (String t : List.of("market_usage_hour", "market_usage", "market_idempotency", "market_access_request", "market_licence",
                "market_posting", "market_journal", "market_share", "market_offer", "market_check", "market_parameter")) {
            em.createNativeQuery("DELETE FROM " + t).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM market_account WHERE kind NOT IN ('PLATFORM_FEE', 'DAO_TREASURY', 'FAUCET', "
                + "'CHAIN_CUSTODY', 'DEPOSITS_UNCLAIMED', 'WITHDRAWALS_PENDING')").executeUpdate();
        em.createNativeQuery("UPDATE market_account SET balance = 0").executeUpdate();
    }

    public OwnedVersion version(UUID owner, String name, int revision) {
        UUID asset = UUID.nameUUIDFromBytes(("asset:" + owner + name).getBytes());
        OwnedVersion v = new OwnedVersion(asset, owner, new AssetRef(AssetKind.DATASET, usernames.getOrDefault(owner, "owner"), name),
                UUID.randomUUID(), revision, null, "ab".repeat(32), "cc-by-4.0");
        versions.put(v.versionId(), v);
        return v;
    }

    public UUID account(String username) {
        UUID id = UUID.nameUUIDFromBytes(("account:" + username).getBytes());
        usernames.put(id, username);
        return id;
    }

    /** Purchases arriving together from several threads share a batch, as they share the one bean in the container. */
    final GroupCommit<DefaultMarketService.Sale, Optional<DefaultMarketService.Outcome>> sales =
            new GroupCommit<>(DefaultMarketService.SALES_PER_BATCH, DefaultMarketService.CONCURRENT_BATCHES);

    public DefaultMarketService service(EntityManager em) {
        DefaultMarketService s = build(em, new DefaultMarketService());
        s.self = build(em, new OwnBatchTransactions(em.getEntityManagerFactory()));
        return s;
    }

    /**
     * What the container's {@code REQUIRES_NEW} does for a batch of purchases: it runs on an EntityManager and in
     * a transaction of its own, committed before any purchase of the batch returns.
     */
    final class OwnBatchTransactions extends DefaultMarketService {

        private final jakarta.persistence.EntityManagerFactory emf;

        OwnBatchTransactions(jakarta.persistence.EntityManagerFactory emf) {
            this.emf = emf;
        }

        @Override
        public List<Optional<Outcome>> purchaseBatch(List<Sale> batch) {
            return BothDatabases.read(emf, em -> build(em, new DefaultMarketService()).purchaseBatch(batch));
        }
    }

    private DefaultMarketService build(EntityManager em, DefaultMarketService s) {
        JpaMarketRepository repo = JpaMarketRepository.with(em);
        // as in the container, an account is opened in a transaction of its own, which commits whatever the caller's does
        AccountOpener opener = new AccountOpener() {
            @Override
            public UUID open(org.guildhall.market.domain.AccountKind kind, String ownerRef) {
                EntityManager own = em.getEntityManagerFactory().createEntityManager();
                try {
                    own.getTransaction().begin();
                    AccountOpener inner = new AccountOpener();
                    inner.repo = JpaMarketRepository.with(own);
                    inner.self = inner;
                    inner.clock = clock;
                    UUID id = inner.create(kind, ownerRef);
                    own.getTransaction().commit();
                    return id;
                } catch (RuntimeException raced) {
                    if (own.getTransaction().isActive()) {
                        own.getTransaction().rollback();
                    }
                    return repo.account(kind, ownerRef).map(org.guildhall.market.domain.MoneyAccount::getId).orElseThrow(() -> raced);
                } finally {
                    own.close();
                }
            }
        };
        s.repo = repo;
        s.books = MoneyBooks.with(repo, opener, accountIds);
        s.settings = settings;
        s.fees = FeeSchedule.with(repo, settings, clock);
        s.catalog = catalog();
        s.accounts = accounts();
        s.ledger = ledger(em);
        s.changed = new NoEvents<>();
        s.self = s;
        s.clock = clock;
        s.sales = sales;
        return s;
    }

    /** Which account linked which wallet address (lower case), for the stand-in of identity's wallets. */
    final Map<String, UUID> walletOwners = new ConcurrentHashMap<>();

    public DefaultChainMoney chainMoney(EntityManager em, org.guildhall.chain.api.TokenChain chain) {
        DefaultMarketService market = service(em);
        DefaultChainMoney c = new DefaultChainMoney();
        c.repo = market.repo;
        c.books = market.books;
        c.chain = chain;
        c.ledger = market.ledger;
        c.settings = settings;
        c.self = c;
        c.maxBlocks = 2000;
        c.clock = clock;
        c.wallets = proxy(WalletService.class, (name, args) -> switch (name) {
            case "accountOf" -> Optional.ofNullable(walletOwners.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT)));
            case "wallets" -> walletOwners.entrySet().stream().filter(e -> e.getValue().equals(args[0]))
                    .map(e -> new org.guildhall.identity.api.LinkedWallet(e.getKey(), Instant.EPOCH)).toList();
            default -> throw new UnsupportedOperationException(name);
        });
        return c;
    }

    public LedgerService ledger(EntityManager em) {
        DefaultLedgerService l = new DefaultLedgerService();
        set(l, "repo", JpaLedgerRepository.with(em));
        set(l, "trees", trees);
        set(l, "clock", clock);
        set(l, "wallets", proxy(WalletService.class, (name, args) -> switch (name) {
            case "primaryWallet" -> Optional.empty();
            case "wallets" -> List.of();
            default -> throw new UnsupportedOperationException(name);
        }));
        return l;
    }

    CatalogService catalog() {
        return proxy(CatalogService.class, (name, args) -> {
            if (name.equals("ownedVersion") && args.length == 1) {
                return Optional.ofNullable(versions.get((UUID) args[0]));
            }
            if (name.equals("ownedVersion")) {
                AssetRef ref = (AssetRef) args[0];
                return versions.values().stream().filter(v -> v.ref().equals(ref))
                        .max((a, b) -> Integer.compare(a.revision(), b.revision()));
            }
            throw new UnsupportedOperationException(name);
        });
    }

    public AccountService accounts() {
        return proxy(AccountService.class, (name, args) -> switch (name) {
            case "findById" -> Optional.ofNullable(usernames.get((UUID) args[0])).map(u -> profile((UUID) args[0], u));
            case "findByUsername" -> usernames.entrySet().stream().filter(e -> e.getValue().equals(args[0])).findFirst()
                    .map(e -> profile(e.getKey(), e.getValue()));
            default -> throw new UnsupportedOperationException(name);
        });
    }

    static AccountProfile profile(UUID id, String username) {
        return new AccountProfile(id, "subject-" + username, username, username + "@example.org", username, "", Instant.EPOCH, Instant.EPOCH);
    }

    public interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    public static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> type.getSimpleName() + " stand-in";
                };
            }
            return answer.answer(m.getName(), args == null ? new Object[0] : args);
        });
    }

    static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events go nowhere outside the container (the entitlement cache is not part of these tests). */
    static final class NoEvents<T> implements Event<T> {
        @Override
        public void fire(T event) {
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            return new NoEvents<>();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            return new NoEvents<>();
        }
    }
}
