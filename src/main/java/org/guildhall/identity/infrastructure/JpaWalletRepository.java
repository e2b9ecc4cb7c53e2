package org.guildhall.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.identity.domain.LinkedWalletAddress;
import org.guildhall.identity.domain.WalletChallenge;
import org.guildhall.identity.domain.WalletRepository;

@ApplicationScoped
public class JpaWalletRepository implements WalletRepository {

    @PersistenceContext(unitName = "guildhall")
    EntityManager em;

    @Override
    public void add(WalletChallenge challenge) {
        em.persist(challenge);
    }

    @Override
    public Optional<WalletChallenge> challengeForUpdate(UUID id) {
        return Optional.ofNullable(em.find(WalletChallenge.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(LinkedWalletAddress wallet) {
        em.persist(wallet);
    }

    @Override
    public Optional<LinkedWalletAddress> wallet(String address) {
        return Optional.ofNullable(em.find(LinkedWalletAddress.class, address));
    }

    @Override
    public List<LinkedWalletAddress> walletsOf(UUID accountId) {
        return em.createQuery("SELECT w FROM LinkedWalletAddress w WHERE w.accountId = :a ORDER BY w.linkedAt DESC",
                LinkedWalletAddress.class).setParameter("a", accountId).getResultList();
    }

    @Override
    public void flush() {
        em.flush();
    }
}
