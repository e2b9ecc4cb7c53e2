package org.guildhall.governance.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The platform parameters the DAO governs, each with its allowed range. Defaults come from configuration
 * ({@code guildhall.dao.<name>}, e.g. {@code GUILDHALL_DAO_VOTING_PERIOD_SECONDS}); the platform fee is held
 * by the market and starts from its configured fee.
 */
public enum ParameterSpec {
    PLATFORM_FEE("platform.fee.bps", 0, 2_000, 250, "bps", "The share of each sale the platform keeps"),
    VOTING_DELAY("voting.delay.seconds", 0, 30L * 86_400, 86_400, "s", "From proposing to the start of the vote"),
    VOTING_PERIOD("voting.period.seconds", 60, 60L * 86_400, 7L * 86_400, "s", "How long a vote stays open"),
    QUORUM("quorum.bps", 0, 10_000, 400, "bps", "Votes cast (For, Against, Abstain) needed, as a share of all snapshot power"),
    THRESHOLD("threshold.bps", 5_000, 9_900, 5_000, "bps", "For / (For + Against) must exceed this to pass"),
    PROPOSAL_THRESHOLD("proposal.threshold", 0, 1_000_000_000, 100, "power", "The voting power a member needs to propose"),
    TIMELOCK("timelock.seconds", 0, 30L * 86_400, 2L * 86_400, "s", "From success to execution"),
    VERSION_WEIGHT("power.weight.version", 0, 1_000, 10, "points", "Points per published version"),
    REVENUE_WEIGHT("power.weight.revenue", 0, 1_000, 1, "points", "Points per whole unit of revenue earned");

    private final String key;
    private final long min;
    private final long max;
    private final long fallback;
    private final String unit;
    private final String description;

    ParameterSpec(String key, long min, long max, long fallback, String unit, String description) {
        this.key = key;
        this.min = min;
        this.max = max;
        this.fallback = fallback;
        this.unit = unit;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    public long fallback() {
        return fallback;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    public boolean allows(long value) {
        return value >= min && value <= max;
    }

    /** The configuration property of the default: {@code guildhall.dao.} and the name. */
    public String configKey() {
        return "guildhall.dao." + key;
    }

    public boolean changesVotingPower() {
        return this == VERSION_WEIGHT || this == REVENUE_WEIGHT;
    }

    public static Optional<ParameterSpec> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
