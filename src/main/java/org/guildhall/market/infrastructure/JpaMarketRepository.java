package org.guildhall.market.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.guildhall.market.domain.AccessRequest;
import org.guildhall.market.domain.AccountKind;
import org.guildhall.market.domain.AssetShare;
import org.guildhall.market.domain.ChainCursor;
import org.guildhall.market.domain.Deposit;
import org.guildhall.market.domain.Withdrawal;
import org.guildhall.market.domain.IdempotencyRecord;
import org.guildhall.market.domain.InvariantCheck;
import org.guildhall.market.domain.Journal;
import org.guildhall.market.domain.Licence;
import org.guildhall.market.domain.MarketRepository;
import org.guildhall.market.domain.MeteredUse;
import org.guildhall.market.domain.MoneyAccount;
import org.guildhall.market.domain.Offer;
import org.guildhall.market.domain.Posting;
import org.guildhall.market.domain.UsageHour;

@ApplicationScoped
public class JpaMarketRepository implements MarketRepository {

    @PersistenceContext(unitName = "guildhall")
    EntityManager em;

    /** For tests and benchmarks outside the container. */
    public static JpaMarketRepository with(EntityManager em) {
        JpaMarketRepository r = new JpaMarketRepository();
        r.em = em;
        return r;
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    // ---- offers

    @Override
    public void add(Offer offer) {
        em.persist(offer);
    }

    @Override
    public Optional<Offer> offer(UUID id) {
        return Optional.ofNullable(em.find(Offer.class, id));
    }

    @Override
    public List<Offer> offers(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT o FROM Offer o WHERE o.id IN :ids", Offer.class).setParameter("ids", ids).getResultList();
    }

    @Override
    public Optional<Offer> offerForUpdate(UUID id) {
        return Optional.ofNullable(em.find(Offer.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Offer> offersOfVersion(UUID versionId) {
        return em.createQuery("SELECT o FROM Offer o WHERE o.versionId = :v ORDER BY o.createdAt", Offer.class)
                .setParameter("v", versionId).getResultList();
    }

    @Override
    public List<Offer> offersOfAssets(List<UUID> assetIds) {
        if (assetIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT o FROM Offer o WHERE o.assetId IN :a ORDER BY o.createdAt", Offer.class)
                .setParameter("a", assetIds).getResultList();
    }

    @Override
    public boolean countGrant(UUID offerId, long rowVersion) {
        return countGrants(offerId, rowVersion, 1);
    }

    @Override
    public boolean countGrants(UUID offerId, long rowVersion, int n) {
        // native SQL: a JPQL bulk update would move the row version, and each grant would look like a change of terms
        return em.createNativeQuery("UPDATE market_offer SET granted = granted + ? WHERE id = ? AND state = 'ACTIVE' AND row_version = ?")
                .setParameter(1, n).setParameter(2, offerId).setParameter(3, rowVersion).executeUpdate() == 1;
    }

    @Override
    public Set<List<UUID>> licencesHeld(Collection<UUID> offerIds, Collection<UUID> holderIds) {
        Set<List<UUID>> held = new HashSet<>();
        if (offerIds.isEmpty() || holderIds.isEmpty()) {
            return held;
        }
        em.createQuery("SELECT l.offerId, l.holderId FROM Licence l WHERE l.offerId IN :o AND l.holderId IN :h", Object[].class)
                .setParameter("o", offerIds).setParameter("h", holderIds).getResultList()
                .forEach(row -> held.add(List.of((UUID) row[0], (UUID) row[1])));
        return held;
    }

    // ---- licences

    @Override
    public void add(Licence licence) {
        em.persist(licence);
    }

    @Override
    public Optional<Licence> licence(UUID id) {
        return Optional.ofNullable(em.find(Licence.class, id));
    }

    @Override
    public Optional<Licence> licence(UUID offerId, UUID holderId) {
        return first(em.createQuery("SELECT l FROM Licence l WHERE l.offerId = :o AND l.holderId = :h", Licence.class)
                .setParameter("o", offerId).setParameter("h", holderId).getResultList());
    }

    @Override
    public List<Licence> licencesOf(UUID holderId) {
        return em.createQuery("SELECT l FROM Licence l WHERE l.holderId = :h ORDER BY l.grantedAt DESC", Licence.class)
                .setParameter("h", holderId).setMaxResults(1000).getResultList();
    }

    @Override
    public List<Licence> licencesOf(UUID holderId, UUID assetId) {
        return em.createQuery("SELECT l FROM Licence l WHERE l.holderId = :h AND l.assetId = :a", Licence.class)
                .setParameter("h", holderId).setParameter("a", assetId).getResultList();
    }

    @Override
    public List<Licence> licencesOfAsset(UUID assetId) {
        return em.createQuery("SELECT l FROM Licence l WHERE l.assetId = :a ORDER BY l.grantedAt DESC", Licence.class)
                .setParameter("a", assetId).setMaxResults(1000).getResultList();
    }

    // ---- shares

    @Override
    public List<AssetShare> shares(UUID assetId) {
        return em.createQuery("SELECT s FROM AssetShare s WHERE s.assetId = :a ORDER BY s.shareBps DESC, s.accountId", AssetShare.class)
                .setParameter("a", assetId).getResultList();
    }

    @Override
    public void replaceShares(UUID assetId, List<AssetShare> shares) {
        em.createQuery("DELETE FROM AssetShare s WHERE s.assetId = :a").setParameter("a", assetId).executeUpdate();
        shares.forEach(em::persist);
    }

    @Override
    public List<UUID> assetsSharedWith(UUID accountId) {
        return em.createQuery("SELECT s.assetId FROM AssetShare s WHERE s.accountId = :a", UUID.class)
                .setParameter("a", accountId).getResultList();
    }

    // ---- money

    @Override
    public Optional<MoneyAccount> account(AccountKind kind, String ownerRef) {
        return first(em.createQuery("SELECT a FROM MoneyAccount a WHERE a.kind = :k AND a.ownerRef = :o", MoneyAccount.class)
                .setParameter("k", kind).setParameter("o", ownerRef).getResultList());
    }

    @Override
    public Optional<MoneyAccount> account(UUID id) {
        return first(em.createQuery("SELECT a FROM MoneyAccount a WHERE a.id = :id", MoneyAccount.class)
                .setParameter("id", id).getResultList());
    }

    @Override
    public Map<UUID, Long> balances(Collection<UUID> ids) {
        Map<UUID, Long> balances = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT a.id, a.balance FROM MoneyAccount a WHERE a.id IN :ids", Object[].class).setParameter("ids", ids)
                    .getResultList().forEach(row -> balances.put((UUID) row[0], ((Number) row[1]).longValue()));
        }
        return balances;
    }

    @Override
    public void add(MoneyAccount account) {
        em.persist(account);
    }

    @Override
    public boolean apply(UUID accountId, long delta) {
        return em.createQuery("UPDATE MoneyAccount a SET a.balance = a.balance + :d WHERE a.id = :id "
                + "AND (a.mayGoNegative = TRUE OR a.balance + :d >= 0)").setParameter("d", delta).setParameter("id", accountId)
                .executeUpdate() == 1;
    }

    @Override
    public Optional<UUID> applyAll(List<UUID> accountIds, Map<UUID, Long> deltas) {
        if (accountIds.isEmpty()) {
            return Optional.empty();
        }
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement update = connection.prepareStatement("UPDATE market_account SET balance = balance + ? WHERE id = ? "
                + "AND (may_go_negative OR balance + ? >= 0)")) {
            for (UUID id : accountIds) {
                long delta = deltas.get(id);
                update.setLong(1, delta);
                update.setObject(2, id);
                update.setLong(3, delta);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) {
                    return Optional.of(accountIds.get(i));
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new PersistenceException("balances could not be changed", e);
        }
    }

    @Override
    public void insertAll(List<Journal> journals, List<Posting> postings) {
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement j = connection.prepareStatement("INSERT INTO market_journal (id, kind, memo, actor_id, asset_id, ref_id, "
                + "ledger_seq, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement p = connection.prepareStatement("INSERT INTO market_posting (journal_id, line_no, account_id, amount, "
                        + "recorded_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Journal journal : journals) {
                j.setObject(1, journal.getId());
                j.setString(2, journal.getKind());
                j.setString(3, journal.getMemo());
                j.setString(4, journal.getActorId() == null ? null : journal.getActorId().toString());
                j.setString(5, journal.getAssetId() == null ? null : journal.getAssetId().toString());
                j.setString(6, journal.getRefId());
                if (journal.getLedgerSeq() == null) {
                    j.setNull(7, Types.BIGINT);
                } else {
                    j.setLong(7, journal.getLedgerSeq());
                }
                j.setObject(8, journal.getRecordedAt().atOffset(ZoneOffset.UTC));
                j.addBatch();
            }
            j.executeBatch();
            for (Posting posting : postings) {
                p.setObject(1, posting.getJournalId());
                p.setInt(2, posting.getLineNo());
                p.setObject(3, posting.getAccountId());
                p.setLong(4, posting.getAmount());
                p.setObject(5, posting.getRecordedAt().atOffset(ZoneOffset.UTC));
                p.addBatch();
            }
            p.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("journals could not be written", e);
        }
    }

    @Override
    public void add(Journal journal, List<Posting> postings) {
        em.persist(journal);
        postings.forEach(em::persist);
    }

    @Override
    public Optional<Journal> journal(UUID id) {
        return Optional.ofNullable(em.find(Journal.class, id));
    }

    @Override
    public long postingCount(UUID accountId) {
        return em.createQuery("SELECT COUNT(p) FROM Posting p WHERE p.accountId = :a", Long.class).setParameter("a", accountId)
                .getSingleResult();
    }

    @Override
    public List<Object[]> postingsWithJournals(UUID accountId, int offset, int limit) {
        return em.createQuery("SELECT p, j FROM Posting p, Journal j WHERE j.id = p.journalId AND p.accountId = :a "
                + "ORDER BY p.recordedAt DESC, p.journalId", Object[].class).setParameter("a", accountId)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Object[]> creditsOfKinds(UUID accountId, List<String> kinds, int limit) {
        return em.createQuery("SELECT j, p.amount FROM Posting p, Journal j WHERE j.id = p.journalId AND p.accountId = :a "
                + "AND p.amount > 0 AND j.kind IN :k ORDER BY p.recordedAt DESC", Object[].class).setParameter("a", accountId)
                .setParameter("k", kinds).setMaxResults(limit).getResultList();
    }

    @Override
    public long[] creditTotal(UUID accountId, List<String> kinds) {
        Object[] r = em.createQuery("SELECT COUNT(p), SUM(p.amount) FROM Posting p, Journal j WHERE j.id = p.journalId "
                + "AND p.accountId = :a AND p.amount > 0 AND j.kind IN :k", Object[].class).setParameter("a", accountId)
                .setParameter("k", kinds).getSingleResult();
        return new long[] {r[0] == null ? 0 : ((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).longValue()};
    }

    @Override
    public Map<LocalDate, Long> dailyCredits(UUID accountId, List<String> kinds, Instant since) {
        Map<LocalDate, Long> days = new TreeMap<>();
        em.createQuery("SELECT p.recordedAt, p.amount FROM Posting p, Journal j WHERE j.id = p.journalId AND p.accountId = :a "
                + "AND p.amount > 0 AND j.kind IN :k AND p.recordedAt >= :s", Object[].class).setParameter("a", accountId)
                .setParameter("k", kinds).setParameter("s", since).getResultList()
                .forEach(r -> days.merge(((Instant) r[0]).atZone(ZoneOffset.UTC).toLocalDate(), (Long) r[1], Long::sum));
        return days;
    }

    // ---- requests

    @Override
    public void add(AccessRequest request) {
        em.persist(request);
    }

    @Override
    public Optional<AccessRequest> request(UUID id) {
        return Optional.ofNullable(em.find(AccessRequest.class, id));
    }

    @Override
    public Optional<AccessRequest> requestForUpdate(UUID id) {
        return Optional.ofNullable(em.find(AccessRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<AccessRequest> request(UUID offerId, UUID requesterId) {
        return first(em.createQuery("SELECT r FROM AccessRequest r WHERE r.offerId = :o AND r.requesterId = :q", AccessRequest.class)
                .setParameter("o", offerId).setParameter("q", requesterId).getResultList());
    }

    @Override
    public List<AccessRequest> requestsForAssets(List<UUID> assetIds) {
        if (assetIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT r FROM AccessRequest r WHERE r.assetId IN :a ORDER BY r.createdAt DESC", AccessRequest.class)
                .setParameter("a", assetIds).setMaxResults(500).getResultList();
    }

    @Override
    public List<AccessRequest> requestsOf(UUID requesterId) {
        return em.createQuery("SELECT r FROM AccessRequest r WHERE r.requesterId = :q ORDER BY r.createdAt DESC", AccessRequest.class)
                .setParameter("q", requesterId).setMaxResults(500).getResultList();
    }

    // ---- metering

    @Override
    public boolean used(UUID buyerId, UUID versionId, String path, LocalDate day) {
        return em.find(MeteredUse.class, new MeteredUse.Key(buyerId, versionId, path, day)) != null;
    }

    @Override
    public void add(MeteredUse use) {
        em.persist(use);
    }

    @Override
    public List<Object[]> unrecordedHours(Instant before, int limit) {
        return em.createQuery("SELECT u.buyerId, u.assetId, u.hourStart, COUNT(u), SUM(u.price) FROM MeteredUse u "
                + "WHERE u.hourStart < :b AND NOT EXISTS (SELECT h FROM UsageHour h WHERE h.buyerId = u.buyerId "
                + "AND h.assetId = u.assetId AND h.hourStart = u.hourStart) "
                + "GROUP BY u.buyerId, u.assetId, u.hourStart ORDER BY u.hourStart", Object[].class)
                .setParameter("b", before).setMaxResults(limit).getResultList();
    }

    @Override
    public void add(UsageHour hour) {
        em.persist(hour);
    }

    // ---- idempotency

    @Override
    public Optional<IdempotencyRecord> idempotency(UUID accountId, String operation, String key) {
        return Optional.ofNullable(em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(accountId, operation, key)));
    }

    @Override
    public void addAll(List<IdempotencyRecord> records) {
        records.forEach(em::persist);
        // the keys' rows are written first, so that a concurrent retry waits for this transaction
        em.flush();
    }

    @Override
    public void add(IdempotencyRecord record) {
        em.persist(record);
        // the key's row is written first, so that a concurrent retry waits for this transaction
        em.flush();
    }

    // ---- invariants

    @Override
    public long accountCount() {
        return em.createQuery("SELECT COUNT(a) FROM MoneyAccount a", Long.class).getSingleResult();
    }

    @Override
    public long postingCount() {
        return em.createQuery("SELECT COUNT(p) FROM Posting p", Long.class).getSingleResult();
    }

    @Override
    public long postingSum() {
        Long sum = em.createQuery("SELECT SUM(p.amount) FROM Posting p", Long.class).getSingleResult();
        return sum == null ? 0 : sum;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object[]> balancesNotMatchingPostings() {
        return em.createNativeQuery("SELECT CAST(a.id AS VARCHAR(36)), a.kind, a.balance, COALESCE(s.total, 0) FROM market_account a "
                + "LEFT JOIN (SELECT account_id, SUM(amount) AS total FROM market_posting GROUP BY account_id) s "
                + "ON s.account_id = a.id WHERE a.balance <> COALESCE(s.total, 0)").getResultList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object[]> unbalancedJournals() {
        return em.createNativeQuery("SELECT CAST(journal_id AS VARCHAR(36)), SUM(amount) FROM market_posting GROUP BY journal_id "
                + "HAVING SUM(amount) <> 0").getResultList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object[]> negativeBalances() {
        return em.createNativeQuery("SELECT CAST(id AS VARCHAR(36)), kind, balance FROM market_account "
                + "WHERE balance < 0 AND may_go_negative = FALSE").getResultList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object[]> withoutLedgerEntry() {
        return em.createNativeQuery("SELECT 'licence', CAST(id AS VARCHAR(36)) FROM market_licence WHERE ledger_seq <= 0 "
                + "UNION ALL SELECT 'movement', CAST(id AS VARCHAR(36)) FROM market_journal "
                + "WHERE ledger_seq IS NULL AND kind IN ('SALE', 'DEPOSIT', 'DEPOSIT_UNCLAIMED', 'DEPOSIT_CLAIM', "
                + "'WITHDRAWAL_RESERVED', 'WITHDRAWAL_CONFIRMED', 'WITHDRAWAL_RELEASED', 'GRANT')").getResultList();
    }

    @Override
    public List<Object[]> licenceEntries() {
        return em.createQuery("SELECT l.id, l.ledgerSeq FROM Licence l", Object[].class).getResultList();
    }

    @Override
    public void add(InvariantCheck check) {
        em.persist(check);
    }

    @Override
    public Optional<InvariantCheck> latestCheck() {
        return first(em.createQuery("SELECT c FROM InvariantCheck c ORDER BY c.checkedAt DESC", InvariantCheck.class)
                .setMaxResults(1).getResultList());
    }

    // ---- money on chain

    @Override
    public Optional<ChainCursor> cursor(String name) {
        return Optional.ofNullable(em.find(ChainCursor.class, name));
    }

    @Override
    public Optional<ChainCursor> cursorForUpdate(String name) {
        return Optional.ofNullable(em.find(ChainCursor.class, name, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(ChainCursor cursor) {
        em.persist(cursor);
    }

    @Override
    public boolean depositSeen(String txHash, int logIndex) {
        return !em.createQuery("SELECT d.id FROM Deposit d WHERE d.txHash = :t AND d.logIndex = :i", UUID.class)
                .setParameter("t", txHash).setParameter("i", logIndex).getResultList().isEmpty();
    }

    @Override
    public void add(Deposit deposit) {
        em.persist(deposit);
    }

    @Override
    public Optional<Deposit> depositForUpdate(UUID id) {
        return Optional.ofNullable(em.find(Deposit.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Deposit> depositsOf(UUID accountId) {
        return em.createQuery("SELECT d FROM Deposit d WHERE d.accountId = :a ORDER BY d.seenAt DESC", Deposit.class)
                .setParameter("a", accountId).setMaxResults(200).getResultList();
    }

    @Override
    public List<Deposit> heldFrom(List<String> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT d FROM Deposit d WHERE d.state = :s AND d.fromAddress IN :a ORDER BY d.seenAt", Deposit.class)
                .setParameter("s", Deposit.State.HELD).setParameter("a", addresses).getResultList();
    }

    @Override
    public void add(Withdrawal withdrawal) {
        em.persist(withdrawal);
    }

    @Override
    public Optional<Withdrawal> withdrawalForUpdate(UUID id) {
        return Optional.ofNullable(em.find(Withdrawal.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Withdrawal> withdrawal(UUID id) {
        return Optional.ofNullable(em.find(Withdrawal.class, id));
    }

    @Override
    public List<Withdrawal> withdrawalsOf(UUID accountId) {
        return em.createQuery("SELECT w FROM Withdrawal w WHERE w.accountId = :a ORDER BY w.createdAt DESC", Withdrawal.class)
                .setParameter("a", accountId).setMaxResults(200).getResultList();
    }

    @Override
    public List<Withdrawal> openWithdrawals() {
        return em.createQuery("SELECT w FROM Withdrawal w WHERE w.state IN :s ORDER BY w.createdAt", Withdrawal.class)
                .setParameter("s", List.of(Withdrawal.State.RESERVED, Withdrawal.State.SIGNED, Withdrawal.State.SENT))
                .setMaxResults(100).getResultList();
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public void writeAtCommit() {
        em.setFlushMode(FlushModeType.COMMIT);
    }

    @Override
    public java.util.OptionalLong parameter(String name) {
        List<?> r = em.createNativeQuery("SELECT int_value FROM market_parameter WHERE name = ?").setParameter(1, name).getResultList();
        return r.isEmpty() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(((Number) r.get(0)).longValue());
    }

    @Override
    public void parameter(String name, long value, Instant at) {
        int changed = em.createNativeQuery("UPDATE market_parameter SET int_value = ?, changed_at = ? WHERE name = ?")
                .setParameter(1, value).setParameter(2, java.sql.Timestamp.from(at)).setParameter(3, name).executeUpdate();
        if (changed == 0) {
            em.createNativeQuery("INSERT INTO market_parameter (name, int_value, changed_at) VALUES (?, ?, ?)")
                    .setParameter(1, name).setParameter(2, value).setParameter(3, java.sql.Timestamp.from(at)).executeUpdate();
        }
    }
}
