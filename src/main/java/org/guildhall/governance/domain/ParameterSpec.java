package org.guildhall.governance.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The platform parameters the DAO governs, each with its allowed range. Defaults come from configuration
 * ({@code guildhall.dao.<name>}, e.g. {@code GUILDHALL_DAO_VOTING_PERIOD_SECONDS}); the platform fee is held
 * by the market and starts from its configured fee.
 */
public enum ParameterSpec {
    PLATFORM_FEE("platform.fee.bps", 0, 2_000, 250, "bps"),
    VOTING_DELAY("voting.delay.seconds", 0, 30L * 86_400, 86_400, "s"),
    VOTING_PERIOD("voting.period.seconds", 60, 60L * 86_400, 7L * 86_400, "s"),
    QUORUM("quorum.bps", 0, 10_000, 400, "bps"),
    THRESHOLD("threshold.bps", 5_000, 9_900, 5_000, "bps"),
    PROPOSAL_THRESHOLD("proposal.threshold", 0, 1_000_000_000, 100, "power"),
    TIMELOCK("timelock.seconds", 0, 30L * 86_400, 2L * 86_400, "s"),
    VERSION_WEIGHT("power.weight.version", 0, 1_000, 10, "points"),
    REVENUE_WEIGHT("power.weight.revenue", 0, 1_000, 1, "points");

    private final String key;
    private final long min;
    private final long max;
    private final long fallback;
    private final String unit;

    /** What each parameter governs is told by the messages bundle ({@code dao.parameter.meaning.<key>}). */
    ParameterSpec(String key, long min, long max, long fallback, String unit) {
        this.key = key;
        this.min = min;
        this.max = max;
        this.fallback = fallback;
        this.unit = unit;
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
