package org.guildhall.market.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import org.guildhall.market.domain.AccountKind;
import org.guildhall.market.domain.MarketRepository;
import org.guildhall.market.domain.MoneyAccount;

/**
 * Opens a money account in a transaction of its own, before the movement that needs it, so that a movement
 * never races another to create the same account.
 */
@ApplicationScoped
public class AccountOpener {

    @Inject
    MarketRepository repo;

    @Inject
    AccountOpener self;

    Clock clock = Clock.systemUTC();

    public java.util.UUID open(AccountKind kind, String ownerRef) {
        try {
            return self.create(kind, ownerRef);
        } catch (RuntimeException raced) {
            // another request opened it at the same moment: use that one
            return self.find(kind, ownerRef).orElseThrow(() -> raced);
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public java.util.UUID create(AccountKind kind, String ownerRef) {
        return repo.account(kind, ownerRef).map(MoneyAccount::getId).orElseGet(() -> {
            MoneyAccount a = new MoneyAccount(kind, ownerRef, clock.instant());
            repo.add(a);
            repo.flush();
            return a.getId();
        });
    }

    @Transactional(TxType.REQUIRES_NEW)
    public java.util.Optional<java.util.UUID> find(AccountKind kind, String ownerRef) {
        return repo.account(kind, ownerRef).map(MoneyAccount::getId);
    }
}
