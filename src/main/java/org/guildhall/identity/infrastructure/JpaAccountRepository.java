package org.guildhall.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.guildhall.identity.domain.Account;
import org.guildhall.identity.domain.AccountRepository;

@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

    @PersistenceContext(unitName = "guildhall")
    EntityManager em;

    @Override
    public Optional<Account> findBySubject(String subject) {
        return em.createQuery("select a from Account a where a.subject = :s", Account.class)
                .setParameter("s", subject).getResultStream().findFirst();
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    @Override
    public Optional<Account> findById(java.util.UUID id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    @Override
    public java.util.List<Account> newestFirst(int offset, int limit) {
        return em.createQuery("select a from Account a order by a.joinedAt desc, a.id", Account.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public void add(Account account) {
        em.persist(account);
        em.flush();
    }
}
