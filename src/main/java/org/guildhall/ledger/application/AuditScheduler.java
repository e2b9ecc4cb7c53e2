package org.guildhall.ledger.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guildhall.ledger.api.LedgerService;

/** Audits the ledger every {@code guildhall.ledger.audit.interval-minutes} (default 60); admins also run it on demand. */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditScheduler {

    private static final Logger LOG = Logger.getLogger(AuditScheduler.class.getName());

    @Inject
    LedgerService ledger;

    @Inject
    @ConfigProperty(name = "guildhall.ledger.audit.interval-minutes", defaultValue = "60")
    long intervalMinutes;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> runs;

    @PostConstruct
    void start() {
        if (intervalMinutes > 0) {
            runs = scheduler.scheduleWithFixedDelay(this::run, Math.min(intervalMinutes, 5), intervalMinutes, TimeUnit.MINUTES);
        }
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }

    void run() {
        try {
            ledger.audit();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the scheduled ledger audit failed; the next one tries again", e);
        }
    }
}
