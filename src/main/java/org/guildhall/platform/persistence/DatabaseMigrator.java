package org.guildhall.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date (Flyway, {@code db/migration}) before anything else touches the database.
 * If the database cannot be reached, Guildhall stops and says which settings to check.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "jdbc/guildhall")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "guildhall.db.url", defaultValue = "")
    String url;

    @Inject
    @ConfigProperty(name = "guildhall.db.exit-on-failure", defaultValue = "true")
    boolean exitOnFailure;

    @PostConstruct
    void migrate() {
        try (Connection c = dataSource.getConnection()) {
            LOG.info(() -> "Database: " + safe(c));
        } catch (SQLException | RuntimeException e) {
            String message = "Guildhall cannot reach its database at " + redact(url) + " (" + rootMessage(e) + "). "
                    + "Check GUILDHALL_DB_URL, GUILDHALL_DB_USER and GUILDHALL_DB_PASSWORD, and that the database server "
                    + "is running. Guildhall stops.";
            LOG.severe(message);
            if (exitOnFailure) {
                // Serving pages without a database would only hide the fault: stop the server (and the run command).
                Runtime.getRuntime().halt(3);
            }
            throw new IllegalStateException(message, e);
        }
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .callbackLocations("classpath:db/migration")
                .baselineOnMigrate(false)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema is up to date (" + result.migrationsExecuted + " migrations applied now)");
    }

    private static String safe(Connection c) {
        try {
            var md = c.getMetaData();
            return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown";
        }
    }

    static String redact(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return "(GUILDHALL_DB_URL not set)";
        }
        return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

}
