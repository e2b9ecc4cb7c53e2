package org.guildhall.market.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The market's parameters; the platform fee will be governed by the DAO, until then it is configuration. */
@ApplicationScoped
public class MarketSettings {

    /** The platform fee in basis points of each price. */
    @Inject
    @ConfigProperty(name = "guildhall.market.fee-bps", defaultValue = "250")
    int feeBps;

    /** The highest price an offer may ask, in whole units. */
    @Inject
    @ConfigProperty(name = "guildhall.market.max-price", defaultValue = "1000000")
    long maxPriceUnits;

    /** Dev-only: test money on request. Turn it off wherever money is real. */
    @Inject
    @ConfigProperty(name = "guildhall.market.faucet.enabled", defaultValue = "true")
    boolean faucetEnabled;

    /** The most test money one faucet request hands out, in whole units. */
    @Inject
    @ConfigProperty(name = "guildhall.market.faucet.max", defaultValue = "1000")
    long faucetMaxUnits;

    /** The unit's symbol as pages show it. */
    @Inject
    @ConfigProperty(name = "guildhall.market.currency", defaultValue = "gUSD")
    String currency;

    /** How long a server trusts what it cached about offers and co-owners that another server may change. */
    @Inject
    @ConfigProperty(name = "guildhall.market.cache-seconds", defaultValue = "15")
    long cacheSeconds;

    public static MarketSettings of(int feeBps, long maxPriceUnits, boolean faucetEnabled, long faucetMaxUnits) {
        MarketSettings s = new MarketSettings();
        s.feeBps = feeBps;
        s.maxPriceUnits = maxPriceUnits;
        s.faucetEnabled = faucetEnabled;
        s.faucetMaxUnits = faucetMaxUnits;
        s.currency = "gUSD";
        s.cacheSeconds = 15;
        return s;
    }

    public int feeBps() {
        return feeBps;
    }

    public long maxPrice() {
        return Math.multiplyExact(maxPriceUnits, org.guildhall.market.api.Money.ONE);
    }

    public boolean faucetEnabled() {
        return faucetEnabled;
    }

    public long faucetMax() {
        return Math.multiplyExact(faucetMaxUnits, org.guildhall.market.api.Money.ONE);
    }

    public String currency() {
        return currency;
    }

    public long cacheSeconds() {
        return cacheSeconds;
    }
}
