package org.guildhall.market.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.guildhall.market.domain.AccountKind;
import org.guildhall.market.domain.Journal;
import org.guildhall.market.domain.MarketRepository;
import org.guildhall.market.domain.MoneyAccount;
import org.guildhall.market.domain.Movement;
import org.guildhall.market.domain.Posting;

/**
 * Writes movements of money in the caller's transaction: checks that each balances, changes each account's
 * balance once by its net amount (refused atomically when a balance that may not go negative would), and
 * writes the postings. Accounts are changed in one global order (members' and assets' accounts by id, then the
 * platform's), so that concurrent movements never deadlock, and the platform's busy accounts are held for the
 * shortest time.
 */
@ApplicationScoped
public class MoneyBooks {

    /** A balance that may not go below zero would have. Nothing was written. */
    public static final class InsufficientFunds extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final UUID accountId;

        InsufficientFunds(UUID accountId) {
            super("insufficient funds on " + accountId, null, false, false);
            this.accountId = accountId;
        }

        public UUID accountId() {
            return accountId;
        }
    }

    private static final Comparator<UUID> ORDER = Comparator.<UUID, Boolean>comparing(MoneyBooks::isPlatform)
            .thenComparing(Comparator.naturalOrder());

    @Inject
    MarketRepository repo;

    @Inject
    AccountOpener opener;

    /** Account ids never change once made: safe to keep, on every server. */
    private Map<String, UUID> ids = new ConcurrentHashMap<>();

    /** For tests and benchmarks outside the container; {@code ids} is the account-id cache, shared or not. */
    public static MoneyBooks with(MarketRepository repo, AccountOpener opener, Map<String, UUID> ids) {
        MoneyBooks b = new MoneyBooks();
        b.repo = repo;
        b.opener = opener;
        b.ids = ids;
        return b;
    }

    static boolean isPlatform(UUID id) {
        return id.getMostSignificantBits() == 0L;
    }

    public UUID user(UUID accountId) {
        return account(AccountKind.USER, accountId.toString());
    }

    public UUID assetRevenue(UUID assetId) {
        return account(AccountKind.ASSET_REVENUE, assetId.toString());
    }

    /** The account of that kind and owner, opened (in a transaction of its own) the first time it is needed. */
    public UUID account(AccountKind kind, String ownerRef) {
        String key = kind + ":" + ownerRef;
        UUID id = ids.get(key);
        if (id == null) {
            id = repo.account(kind, ownerRef).map(MoneyAccount::getId).orElseGet(() -> opener.open(kind, ownerRef));
            ids.put(key, id);
        }
        return id;
    }

    /** The id of an existing account, without opening one. */
    public Optional<UUID> existing(AccountKind kind, String ownerRef) {
        UUID id = ids.get(kind + ":" + ownerRef);
        return id != null ? Optional.of(id) : repo.account(kind, ownerRef).map(MoneyAccount::getId);
    }

    /**
     * Applies the movements' net changes and writes each as a journal with its postings.
     *
     * @throws InsufficientFunds naming the first account that cannot pay; the caller's transaction must roll back
     */
    public void post(List<Journal> journals, List<Movement> movements, Instant now) {
        postPlatformLast(journals, movements, now).run();
    }

    private void write(List<Journal> journals, List<Movement> movements, Instant now) {
        for (int j = 0; j < journals.size(); j++) {
            repo.add(journals.get(j), postings(journals.get(j), movements.get(j), now));
        }
    }

    /**
     * As {@link #post}, but the platform's accounts (the busiest rows: every sale credits a fee account) are
     * changed only when the returned action runs, which the caller does last before its commit.
     */
    public Runnable postPlatformLast(List<Journal> journals, List<Movement> movements, Instant now) {
        checkPaired(journals, movements);
        Map<UUID, Long> net = netInOrder(movements);
        for (UUID account : members(net)) {
            if (!repo.apply(account, net.get(account))) {
                throw new InsufficientFunds(account);
            }
        }
        write(journals, movements, now);
        return () -> {
            for (UUID account : platform(net)) {
                if (!repo.apply(account, net.get(account))) {
                    throw new InsufficientFunds(account);
                }
            }
        };
    }

    private static void checkPaired(List<Journal> journals, List<Movement> movements) {
        if (journals.size() != movements.size()) {
            throw new IllegalArgumentException("one journal per movement");
        }
    }

    /** Each account's net change over balanced movements, in the one order accounts are changed in. */
    private static Map<UUID, Long> netInOrder(List<Movement> movements) {
        movements.forEach(Movement::checkBalanced);
        Map<UUID, Long> net = Movement.net(movements);
        Map<UUID, Long> ordered = new LinkedHashMap<>();
        net.keySet().stream().sorted(ORDER).forEach(a -> ordered.put(a, net.get(a)));
        return ordered;
    }

    private static List<UUID> members(Map<UUID, Long> net) {
        return net.keySet().stream().filter(a -> !isPlatform(a)).toList();
    }

    private static List<UUID> platform(Map<UUID, Long> net) {
        return net.keySet().stream().filter(MoneyBooks::isPlatform).toList();
    }

    /**
     * The first half of {@link #post}, for a transaction that writes many movements at once and holds no account
     * entity: each account's balance is changed once by its net amount, all of them in two round trips to the
     * database (members' and assets' accounts, then the platform's). {@link #recordAll} writes the journals later.
     *
     * @throws InsufficientFunds naming an account that cannot pay; the caller's transaction must roll back
     */
    public void moveAll(List<Movement> movements) {
        Map<UUID, Long> net = netInOrder(movements);
        repo.applyAll(members(net), net).or(() -> repo.applyAll(platform(net), net)).ifPresent(a -> {
            throw new InsufficientFunds(a);
        });
    }

    /** The second half: writes each movement moved by {@link #moveAll} as its journal with its postings. */
    public void recordAll(List<Journal> journals, List<Movement> movements, Instant now) {
        checkPaired(journals, movements);
        List<Posting> postings = new ArrayList<>();
        for (int j = 0; j < journals.size(); j++) {
            postings.addAll(postings(journals.get(j), movements.get(j), now));
        }
        repo.insertAll(journals, postings);
    }

    private static List<Posting> postings(Journal journal, Movement movement, Instant now) {
        List<Movement.Line> lines = movement.lines();
        List<Posting> postings = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            postings.add(new Posting(journal.getId(), i + 1, lines.get(i).accountId(), lines.get(i).amount(), now));
        }
        return postings;
    }

    /**
     * The fee account a payer's fees go to: the platform's fee is spread over {@link MoneyAccount#FEE_SHARDS}
     * accounts, so that concurrent sales do not all wait for one row; the fee balance is their sum.
     */
    public UUID feeAccount(UUID payer) {
        return MoneyAccount.feeShard(Math.floorMod(payer.hashCode(), MoneyAccount.FEE_SHARDS));
    }

    /** The platform's fees: the sum of its fee accounts. */
    public long platformFees() {
        long sum = 0;
        for (int i = 0; i < MoneyAccount.FEE_SHARDS; i++) {
            sum += balance(MoneyAccount.feeShard(i));
        }
        return sum;
    }

    public long balance(UUID accountId) {
        return repo.account(accountId).map(MoneyAccount::getBalance).orElse(0L);
    }
}
