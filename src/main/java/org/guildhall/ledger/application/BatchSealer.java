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
import org.guildhall.ledger.api.BatchRecord;
import org.guildhall.ledger.api.LedgerService;

/**
 * Seals waiting entries into batches: every second it asks whether a batch is due (the batch size reached, or
 * the oldest entry waited the batch interval). Safe with several servers: sealing locks the ledger's seal row,
 * so a second server finds the entries already sealed.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchSealer {

    private static final Logger LOG = Logger.getLogger(BatchSealer.class.getName());

    @Inject
    LedgerService ledger;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> ticks;

    @PostConstruct
    void start() {
        ticks = scheduler.scheduleWithFixedDelay(this::sealWhatIsDue, 2, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    void sealWhatIsDue() {
        try {
            // a backlog larger than one batch is sealed in several full batches at once
            for (int i = 0; i < 100; i++) {
                java.util.Optional<BatchRecord> sealed = ledger.sealDue();
                if (sealed.isEmpty()) {
                    return;
                }
                LOG.info(() -> "Ledger batch " + sealed.get().batchNo() + " sealed: entries " + sealed.get().firstSeq() + ".."
                        + sealed.get().lastSeq() + ", root " + sealed.get().root());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sealing ledger entries failed; the next tick tries again", e);
        }
    }
}
