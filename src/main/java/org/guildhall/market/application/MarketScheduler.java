package org.guildhall.market.application;

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
import org.guildhall.market.api.InvariantReport;

/**
 * The market's timers: once a minute, one ledger entry per buyer, asset and closed hour of metered uses;
 * every {@code guildhall.market.check.interval-minutes} (default 60), the books' invariant check; every
 * {@code guildhall.market.chain.interval-seconds} (default 5), deposits read from the chain and withdrawals moved on.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MarketScheduler {

    private static final Logger LOG = Logger.getLogger(MarketScheduler.class.getName());

    @Inject
    DefaultMarketService market;

    @Inject
    @ConfigProperty(name = "guildhall.market.check.interval-minutes", defaultValue = "60")
    long checkMinutes;

    @Inject
    @ConfigProperty(name = "guildhall.market.usage.interval-seconds", defaultValue = "60")
    long usageSeconds;

    @Inject
    DefaultChainMoney chainMoney;

    @Inject
    @ConfigProperty(name = "guildhall.market.chain.interval-seconds", defaultValue = "5")
    long chainSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> usage;
    private ScheduledFuture<?> checks;
    private ScheduledFuture<?> chainRuns;

    @PostConstruct
    void start() {
        if (usageSeconds > 0) {
            usage = scheduler.scheduleWithFixedDelay(this::recordUsage, usageSeconds, usageSeconds, TimeUnit.SECONDS);
        }
        if (chainSeconds > 0) {
            chainRuns = scheduler.scheduleWithFixedDelay(this::chain, chainSeconds, chainSeconds, TimeUnit.SECONDS);
        }
        if (checkMinutes > 0) {
            checks = scheduler.scheduleWithFixedDelay(this::check, Math.min(checkMinutes, 2), checkMinutes, TimeUnit.MINUTES);
        }
    }

    @PreDestroy
    void stop() {
        if (usage != null) {
            usage.cancel(false);
        }
        if (checks != null) {
            checks.cancel(false);
        }
        if (chainRuns != null) {
            chainRuns.cancel(false);
        }
    }

    void recordUsage() {
        try {
            while (market.recordClosedHours(200) == 200) {
                // more closed hours wait: keep going
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recording metered usage in the ledger failed; the next run tries again", e);
        }
    }

    /** Deposits in, withdrawals out; a chain outage only delays both (nothing is lost: the cursor and the states stay). */
    void chain() {
        try {
            if (!chainMoney.enabled()) {
                return;
            }
            while (chainMoney.scanDeposits() > 0 || chainMoney.behind()) {
                // more blocks wait: keep reading
            }
            chainMoney.advanceWithdrawals();
        } catch (org.guildhall.chain.api.ChainUnavailableException e) {
            LOG.fine("the chain is unavailable; deposits and withdrawals wait: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading deposits or sending withdrawals failed; the next run tries again", e);
        }
    }

    void check() {
        try {
            InvariantReport r = market.checkInvariants();
            if (!r.healthy()) {
                LOG.severe("the market's books break their invariants: " + r.findings());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the market's invariant check failed; the next one tries again", e);
        }
    }
}
