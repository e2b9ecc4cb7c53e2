package org.guildhall.ledger.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.guildhall.ledger.api.EntryTypes;
import org.guildhall.ledger.domain.LedgerAudit;
import org.guildhall.ledger.domain.LedgerBatch;
import org.guildhall.ledger.domain.LedgerEntry;
import org.guildhall.ledger.domain.LedgerHead;
import org.guildhall.ledger.domain.LedgerRepository;
import org.guildhall.ledger.domain.LedgerSeal;

@ApplicationScoped
public class JpaLedgerRepository implements LedgerRepository {

    @PersistenceContext(unitName = "guildhall")
    EntityManager em;

    /** For tests outside the container. */
    public static JpaLedgerRepository with(EntityManager em) {
        JpaLedgerRepository r = new JpaLedgerRepository();
        r.em = em;
        return r;
    }

    @Override
    public LedgerHead lockHead() {
        // a transaction that appends several entries locks (and reads) the head once
        LedgerHead held = em.find(LedgerHead.class, LedgerHead.ID);
        if (held != null && em.getLockMode(held) == LockModeType.PESSIMISTIC_WRITE) {
            return held;
        }
        if (held != null) {
            em.refresh(held, LockModeType.PESSIMISTIC_WRITE);
            return held;
        }
        return em.find(LedgerHead.class, LedgerHead.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public LedgerSeal lockSeal() {
        return em.find(LedgerSeal.class, LedgerSeal.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public LedgerSeal seal() {
        return em.find(LedgerSeal.class, LedgerSeal.ID);
    }

    @Override
    public long lastSeq() {
        return em.createQuery("SELECT h.lastSeq FROM LedgerHead h WHERE h.id = :id", Long.class)
                .setParameter("id", LedgerHead.ID).getSingleResult();
    }

    @Override
    public long maxSeq() {
        Long max = em.createQuery("SELECT MAX(e.seq) FROM LedgerEntry e", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    @Override
    public void add(LedgerEntry entry) {
        em.persist(entry);
    }

    @Override
    public void add(LedgerBatch batch) {
        em.persist(batch);
    }

    @Override
    public void add(LedgerAudit audit) {
        em.persist(audit);
    }

    @Override
    public Optional<LedgerAudit> latestAudit() {
        return em.createQuery("SELECT a FROM LedgerAudit a ORDER BY a.finishedAt DESC", LedgerAudit.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public Optional<LedgerEntry> entry(long seq) {
        return Optional.ofNullable(em.find(LedgerEntry.class, seq));
    }

    @Override
    public List<LedgerEntry> entries(String type, String actorId, String assetId, int offset, int limit) {
        return filtered(LedgerEntry.class, "SELECT e", type, actorId, assetId, " ORDER BY e.seq DESC")
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public List<LedgerEntry> ofType(String type, long afterSeq, int limit) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.type = :t AND e.seq > :s ORDER BY e.seq", LedgerEntry.class)
                .setParameter("t", type).setParameter("s", afterSeq).setMaxResults(limit).getResultList();
    }

    @Override
    public List<LedgerEntry> ofTypes(java.util.Collection<String> types, long afterSeq, long upToSeq, int limit) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.type IN :t AND e.seq > :s AND e.seq <= :u ORDER BY e.seq",
                LedgerEntry.class).setParameter("t", List.copyOf(types)).setParameter("s", afterSeq).setParameter("u", upToSeq)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public long count(String type, String actorId, String assetId) {
        return filtered(Long.class, "SELECT COUNT(e)", type, actorId, assetId, "").getSingleResult();
    }

    private <T> TypedQuery<T> filtered(Class<T> result, String select, String type, String actorId, String assetId, String order) {
        StringBuilder jpql = new StringBuilder(select).append(" FROM LedgerEntry e WHERE 1 = 1");
        if (type != null) {
            jpql.append(" AND e.type = :type");
        }
        if (actorId != null) {
            jpql.append(" AND e.actorId = :actor");
        }
        if (assetId != null) {
            jpql.append(" AND e.assetId = :asset");
        }
        TypedQuery<T> q = em.createQuery(jpql.append(order).toString(), result);
        if (type != null) {
            q.setParameter("type", type);
        }
        if (actorId != null) {
            q.setParameter("actor", actorId);
        }
        if (assetId != null) {
            q.setParameter("asset", assetId);
        }
        return q;
    }

    @Override
    public List<LedgerEntry> ofAsset(String assetId) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.assetId = :asset ORDER BY e.seq", LedgerEntry.class)
                .setParameter("asset", assetId).setMaxResults(10_000).getResultList();
    }

    @Override
    public boolean exists(String type, String assetId) {
        return !em.createQuery("SELECT e.seq FROM LedgerEntry e WHERE e.type = :type AND e.assetId = :asset", Long.class)
                .setParameter("type", type).setParameter("asset", assetId).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public Optional<String> registeredAsset(String subject) {
        return em.createQuery("SELECT e.assetId FROM LedgerEntry e WHERE e.type = :type AND e.subject = :subject", String.class)
                .setParameter("type", EntryTypes.ASSET_REGISTERED).setParameter("subject", subject)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<String> entryHashes(long from, long to) {
        return em.createQuery("SELECT e.entryHash FROM LedgerEntry e WHERE e.seq BETWEEN :from AND :to ORDER BY e.seq", String.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    @Override
    public void forgetRead() {
        em.clear();
    }

    @Override
    public List<LedgerEntry> range(long from, long to) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.seq BETWEEN :from AND :to ORDER BY e.seq", LedgerEntry.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    @Override
    public Optional<LedgerBatch> batch(long batchNo) {
        return Optional.ofNullable(em.find(LedgerBatch.class, batchNo));
    }

    @Override
    public Optional<LedgerBatch> batchFor(long seq) {
        return em.createQuery("SELECT b FROM LedgerBatch b WHERE b.firstSeq <= :seq AND b.lastSeq >= :seq", LedgerBatch.class)
                .setParameter("seq", seq).getResultStream().findFirst();
    }

    @Override
    public List<LedgerBatch> batches(int offset, int limit) {
        return em.createQuery("SELECT b FROM LedgerBatch b ORDER BY b.batchNo DESC", LedgerBatch.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long batchCount() {
        return em.createQuery("SELECT COUNT(b) FROM LedgerBatch b", Long.class).getSingleResult();
    }

    @Override
    public long unanchoredBatchCount() {
        return em.createQuery("SELECT COUNT(b) FROM LedgerBatch b WHERE b.state IN :states", Long.class)
                .setParameter("states", List.of(LedgerBatch.State.SEALED, LedgerBatch.State.SUBMITTED)).getSingleResult();
    }

    @Override
    public List<LedgerBatch> unconfirmed(int limit) {
        return em.createQuery("SELECT b FROM LedgerBatch b WHERE b.state <> :confirmed ORDER BY b.batchNo", LedgerBatch.class)
                .setParameter("confirmed", LedgerBatch.State.CONFIRMED).setMaxResults(limit).getResultList();
    }
}
