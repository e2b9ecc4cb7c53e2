package org.guildhall.governance.application;

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

/**
 * Drives the DAO every {@code guildhall.dao.tick-seconds} (default 5): counts new contributions and moves each
 * proposal whose time has come (voting opens, closes, the timelock ends). After a restart the first run catches
 * up on whatever fell due meanwhile.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GovernanceScheduler {

    private static final Logger LOG = Logger.getLogger(GovernanceScheduler.class.getName());

    @Inject
    DefaultGovernanceService governance;

    @Inject
    @ConfigProperty(name = "guildhall.dao.tick-seconds", defaultValue = "5")
    long tickSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> ticks;

    @PostConstruct
    void start() {
        if (tickSeconds > 0) {
            ticks = scheduler.scheduleWithFixedDelay(this::tick, tickSeconds, tickSeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    void tick() {
        try {
            while (governance.advance() > 0) {
                // a proposal moved: the next step (queue after success, say) may be due too
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "moving the DAO's proposals on failed; the next run tries again", e);
        }
    }
}
