package org.guildhall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.Set;
import java.util.UUID;
import org.guildhall.identity.api.AccountJoined;
import org.guildhall.identity.api.AccountService;
import org.guildhall.ledger.api.EntryQuery;
import org.guildhall.ledger.api.EntryTypes;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.platform.security.CallerClaims;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside the running server: an entry commits with the change it records, or neither does. */
@ExtendWith(ArquillianExtension.class)
class LedgerTransactionIT {

    static final String DOOMED = "it-doomed-";

    @Deployment
    static WebArchive deployment() {
        return Deployments.guildhallWithTest(LedgerTransactionIT.class, FailingObserver.class);
    }

    /** Fails the sign-in of some accounts after the ledger has written their entry. */
    @ApplicationScoped
    public static class FailingObserver {
        void fail(@Observes AccountJoined event) {
            if (event.username().startsWith(DOOMED)) {
                throw new IllegalStateException("a later step of the sign-in failed");
            }
        }
    }

    @Inject
    AccountService accounts;

    @Inject
    LedgerService ledger;

    @Inject
    UserTransaction tx;

    static CallerClaims claims(String prefix) {
        String subject = UUID.randomUUID().toString();
        return new CallerClaims(subject, prefix + subject.substring(0, 8), "", "Ledger Tester", Set.of("member"));
    }

    long joinedEntries() {
        return ledger.entries(new EntryQuery(EntryTypes.ACCOUNT_JOINED, null, null, 0, 1)).total();
    }

    @Test
    void aCommittedChangeHasItsEntryInTheSameTransaction() {
        long before = ledger.stats().entries();
        var account = accounts.signedIn(claims("it-ledgered-"));
        var mine = ledger.entries(new EntryQuery(EntryTypes.ACCOUNT_JOINED, account.id(), null, 0, 5));
        assertThat(mine.total()).isEqualTo(1);
        assertThat(mine.items().get(0).subject()).isEqualTo("account:" + account.username());
        assertThat(ledger.stats().entries()).isGreaterThan(before);
    }

    @Test
    void aRolledBackChangeLeavesNoEntryAndTheChainHeadWhereItWas() throws Exception {
        long before = ledger.stats().entries();
        long joined = joinedEntries();
        CallerClaims c = claims("it-rolled-back-");
        tx.begin();
        accounts.signedIn(c);
        assertThat(joinedEntries()).isEqualTo(joined + 1);
        tx.rollback();
        assertThat(accounts.findBySubject(c.subject())).isEmpty();
        assertThat(joinedEntries()).isEqualTo(joined);
        // the next entry takes the sequence number the rolled-back one had: the chain has no gap
        var next = accounts.signedIn(claims("it-after-"));
        var entry = ledger.entries(new EntryQuery(EntryTypes.ACCOUNT_JOINED, next.id(), null, 0, 1)).items().get(0);
        assertThat(entry.seq()).isGreaterThan(before);
        assertThat(ledger.entry(entry.seq() - 1)).get().extracting(e -> e.hash()).isEqualTo(entry.prevHash());
    }

    @Test
    void aChangeThatFailsAfterItsEntryWasWrittenTakesTheEntryWithIt() {
        long joined = joinedEntries();
        CallerClaims c = claims(DOOMED);
        assertThatThrownBy(() -> accounts.signedIn(c)).hasStackTraceContaining("a later step of the sign-in failed");
        assertThat(accounts.findBySubject(c.subject())).isEmpty();
        assertThat(joinedEntries()).isEqualTo(joined);
    }
}
