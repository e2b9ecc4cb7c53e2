package org.guildhall.market.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.guildhall.market.domain.MarketRepository;

/**
 * The platform fee in force: the DAO's last decision, or the configured default until there is one. Every sale
 * reads it, so it is cached, but only for a second: a fee the DAO changes (on any server) applies to the sales
 * that start after it is committed.
 */
@ApplicationScoped
public class FeeSchedule {

    static final String FEE = "platform.fee.bps";
    private static final long FRESH_MILLIS = 1_000;

    @Inject
    MarketRepository repo;

    @Inject
    MarketSettings settings;

    Clock clock = Clock.systemUTC();

    private volatile int cached = -1;
    private volatile long loadedAt;

    public static FeeSchedule with(MarketRepository repo, MarketSettings settings, Clock clock) {
        FeeSchedule f = new FeeSchedule();
        f.repo = repo;
        f.settings = settings;
        f.clock = clock;
        return f;
    }

    public int current() {
        long now = System.currentTimeMillis();
        int fee = cached;
        if (fee < 0 || now - loadedAt > FRESH_MILLIS) {
            fee = (int) repo.parameter(FEE).orElse(settings.feeBps());
            cached = fee;
            loadedAt = now;
        }
        return fee;
    }

    /** Writes the new fee in the caller's transaction; this server forgets the cached one at once. */
    void change(int bps) {
        repo.parameter(FEE, bps, Instant.now(clock));
        cached = -1;
    }
}
