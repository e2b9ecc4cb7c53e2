package org.guildhall.market.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The market's tables. */
public interface MarketRepository {

    // offers
    void add(Offer offer);

    Optional<Offer> offer(UUID id);

    List<Offer> offers(Collection<UUID> ids);

    Optional<Offer> offerForUpdate(UUID id);

    List<Offer> offersOfVersion(UUID versionId);

    List<Offer> offersOfAssets(List<UUID> assetIds);

    /** Counts a licence under an active offer whose row version is still {@code rowVersion}; false when it changed. */
    boolean countGrant(UUID offerId, long rowVersion);

    /** Counts {@code n} grants on the offer if its terms are still those of {@code rowVersion} and it is active. */
    boolean countGrants(UUID offerId, long rowVersion, int n);

    /** The (offer, holder) pairs among these offers and holders that have a licence. */
    Set<List<UUID>> licencesHeld(Collection<UUID> offerIds, Collection<UUID> holderIds);

    // licences
    void add(Licence licence);

    Optional<Licence> licence(UUID id);

    Optional<Licence> licence(UUID offerId, UUID holderId);

    List<Licence> licencesOf(UUID holderId);

    List<Licence> licencesOf(UUID holderId, UUID assetId);

    List<Licence> licencesOfAsset(UUID assetId);

    // shares
    List<AssetShare> shares(UUID assetId);

    void replaceShares(UUID assetId, List<AssetShare> shares);

    List<UUID> assetsSharedWith(UUID accountId);

    // money
    Optional<MoneyAccount> account(AccountKind kind, String ownerRef);

    Optional<MoneyAccount> account(UUID id);

    /** The balances of these accounts (those that exist). */
    Map<UUID, Long> balances(Collection<UUID> ids);

    void add(MoneyAccount account);

    /**
     * Adds {@code delta} to an account's balance unless that would take a balance that may not go negative
     * below zero; false when it would (nothing changes then).
     */
    /**
     * Applies each account's delta, in the order given, in one round trip to the database, each refused like
     * {@link #apply}; answers the first account that refused (the transaction must then roll back). It bypasses
     * the persistence context: for transactions that hold no entity of these accounts.
     */
    Optional<UUID> applyAll(List<UUID> accountIds, Map<UUID, Long> deltas);

    /**
     * Inserts journals and their postings at once, in two round trips to the database. It bypasses the persistence
     * context: the rows are not entities of this transaction.
     */
    void insertAll(List<Journal> journals, List<Posting> postings);

    boolean apply(UUID accountId, long delta);

    void add(Journal journal, List<Posting> postings);

    Optional<Journal> journal(UUID id);

    long postingCount(UUID accountId);

    /** An account's postings with their movements, newest first. */
    List<Object[]> postingsWithJournals(UUID accountId, int offset, int limit);

    /** Movements of the given kinds that credited the account, newest first, with the amount credited. */
    List<Object[]> creditsOfKinds(UUID accountId, List<String> kinds, int limit);

    /** How many movements of the given kinds credited the account, and their sum. */
    long[] creditTotal(UUID accountId, List<String> kinds);

    /** Per UTC day, what the account was credited by movements of the given kinds since {@code since}. */
    Map<LocalDate, Long> dailyCredits(UUID accountId, List<String> kinds, Instant since);

    // requests
    void add(AccessRequest request);

    Optional<AccessRequest> request(UUID id);

    Optional<AccessRequest> requestForUpdate(UUID id);

    Optional<AccessRequest> request(UUID offerId, UUID requesterId);

    List<AccessRequest> requestsForAssets(List<UUID> assetIds);

    List<AccessRequest> requestsOf(UUID requesterId);

    // metering
    boolean used(UUID buyerId, UUID versionId, String path, LocalDate day);

    void add(MeteredUse use);

    /** Closed hours with uses that have no ledger entry yet: buyer, asset, hour, uses, amount. */
    List<Object[]> unrecordedHours(Instant before, int limit);

    void add(UsageHour hour);

    // idempotency
    Optional<IdempotencyRecord> idempotency(UUID accountId, String operation, String key);

    void add(IdempotencyRecord record);

    /** Writes several keys' records at once, before anything else of the transaction. */
    void addAll(List<IdempotencyRecord> records);

    // invariants
    long accountCount();

    long postingCount();

    long postingSum();

    /** Accounts whose balance differs from the sum of their postings: id, kind, balance, sum. */
    List<Object[]> balancesNotMatchingPostings();

    /** Movements whose postings do not sum to zero: id, sum. */
    List<Object[]> unbalancedJournals();

    /** Accounts below zero that may not be: id, kind, balance. */
    List<Object[]> negativeBalances();

    /** Licences and paid movements without a ledger entry: kind, id. */
    List<Object[]> withoutLedgerEntry();

    /** Every licence's id and ledger sequence number. */
    List<Object[]> licenceEntries();

    void add(InvariantCheck check);

    Optional<InvariantCheck> latestCheck();

    // money on chain
    Optional<ChainCursor> cursor(String name);

    Optional<ChainCursor> cursorForUpdate(String name);

    void add(ChainCursor cursor);

    boolean depositSeen(String txHash, int logIndex);

    void add(Deposit deposit);

    Optional<Deposit> depositForUpdate(UUID id);

    List<Deposit> depositsOf(UUID accountId);

    List<Deposit> heldFrom(List<String> addresses);

    void add(Withdrawal withdrawal);

    Optional<Withdrawal> withdrawalForUpdate(UUID id);

    Optional<Withdrawal> withdrawal(UUID id);

    List<Withdrawal> withdrawalsOf(UUID accountId);

    List<Withdrawal> openWithdrawals();

    void flush();

    /**
     * Writes what the transaction persists only at its commit, not before each query: for a transaction that
     * persists many rows and then runs many small updates, each of which would otherwise look at all of them.
     */
    void writeAtCommit();

    /** A governed parameter's value, empty while it has its configured default. */
    java.util.OptionalLong parameter(String name);

    void parameter(String name, long value, Instant at);
}
