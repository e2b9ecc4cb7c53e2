package org.guildhall.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * What the in-process benchmarks share: the same run on an empty H2 file database and on an embedded
 * PostgreSQL, each freshly migrated, and the figures written as JSON to {@code target/bench/<name>.json}.
 */
public final class BenchDatabases {

    /** One database's run; {@code h2} tells which one it is. */
    public interface Run<T> {
        T on(DataSource ds, String url, String user, String password, boolean h2) throws Exception;
    }

    private BenchDatabases() {
    }

    /** Runs on H2 then on PostgreSQL, and writes {@code out} with both results to {@code target/bench/<name>.json}. */
    public static void runBoth(String name, JsonObjectBuilder out, Run<JsonObject> run) throws Exception {
        out.add("h2", onH2(name, run));
        out.add("postgresql", onPostgres(run));
        StringWriter w = new StringWriter();
        try (var g = JsonProvider.provider().createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(w)) {
            g.write(out.build());
        }
        Files.writeString(Path.of("target/bench/" + name + ".json"), w.toString());
        System.out.println(w);
    }

    /** The run on an empty H2 file database under {@code target/bench/<name>-h2}. */
    public static <T> T onH2(String name, Run<T> run) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/bench/" + name + "-h2"));
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        JdbcDataSource h2 = new JdbcDataSource();
        String h2Url = "jdbc:h2:" + dir.toAbsolutePath().resolve("db") + ";MODE=LEGACY";
        h2.setURL(h2Url);
        h2.setUser("sa");
        h2.setPassword("");
        return run.on(h2, h2Url, "sa", "", true);
    }

    /** The run on an embedded PostgreSQL, started for it and stopped after. */
    public static <T> T onPostgres(Run<T> run) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            return run.on(pg.getPostgresDatabase(), pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", false);
        }
    }

    /** An empty schema (cleaned, then migrated by Flyway) and the test persistence unit on it. */
    public static EntityManagerFactory migrated(DataSource ds, String url, String user, String password) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return Persistence.createEntityManagerFactory("guildhall-test", Map.of("jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user, "jakarta.persistence.jdbc.password", password));
    }
}
