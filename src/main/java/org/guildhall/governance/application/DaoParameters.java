package org.guildhall.governance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.guildhall.governance.domain.GovernanceRepository;
import org.guildhall.governance.domain.ParameterSpec;
import org.guildhall.market.api.MarketService;

/**
 * The parameters in force: the DAO's last decision for each, or the configured default until there is one.
 * The platform fee is the market's; the DAO changes it through the market's API.
 */
@ApplicationScoped
public class DaoParameters {

    @Inject
    GovernanceRepository repo;

    @Inject
    MarketService market;

    /** Where defaults come from; tests and benchmarks give their own. */
    java.util.function.Function<ParameterSpec, java.util.Optional<Long>> defaults = DaoParameters::configured;

    public static DaoParameters with(GovernanceRepository repo, MarketService market,
            java.util.function.Function<ParameterSpec, java.util.Optional<Long>> defaults) {
        DaoParameters p = new DaoParameters();
        p.repo = repo;
        p.market = market;
        p.defaults = defaults;
        return p;
    }

    public long value(ParameterSpec p) {
        if (p == ParameterSpec.PLATFORM_FEE) {
            return market.feeBps();
        }
        return repo.parameter(p.key()).orElseGet(() -> defaults.apply(p).filter(p::allows).orElse(p.fallback()));
    }

    /** Sets a parameter in the caller's transaction; the caller records the change and its ledger entry. */
    void set(ParameterSpec p, long value, Instant at) {
        if (p == ParameterSpec.PLATFORM_FEE) {
            market.changeFee((int) value);
        } else {
            repo.parameter(p.key(), value, at);
        }
    }

    static java.util.Optional<Long> configured(ParameterSpec p) {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue(p.configKey(), Long.class);
    }
}
