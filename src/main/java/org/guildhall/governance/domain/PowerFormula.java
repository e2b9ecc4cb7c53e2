package org.guildhall.governance.domain;

/**
 * Voting power from recorded contributions. Points grow linearly with what a member contributed; power is
 * {@code ⌊100 × √points⌋}, so that a member with a hundred times the contributions has ten times the say, and
 * no account dominates by volume alone. Integer arithmetic only, so anyone recomputes the same numbers.
 */
public final class PowerFormula {

    /** Revenue counts per whole unit (6 decimals). */
    public static final long UNIT = 1_000_000;

    private PowerFormula() {
    }

    public static long points(long publishedVersions, long revenueMinor, long versionWeight, long revenueWeight) {
        return Math.addExact(Math.multiplyExact(versionWeight, publishedVersions), Math.multiplyExact(revenueWeight, revenueMinor / UNIT));
    }

    public static long power(long points) {
        return points <= 0 ? 0 : isqrt(Math.multiplyExact(points, 10_000L));
    }

    /** The largest r with r² ≤ n. */
    static long isqrt(long n) {
        long r = (long) Math.sqrt((double) n);
        while (r * r > n) {
            r--;
        }
        while ((r + 1) * (r + 1) <= n) {
            r++;
        }
        return r;
    }
}
