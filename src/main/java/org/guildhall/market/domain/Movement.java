package org.guildhall.market.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A movement of money being built: lines on accounts that must sum to zero before it is written. Lines of
 * zero are dropped (a fee of 0 moves nothing).
 */
public final class Movement {

    public record Line(UUID accountId, long amount) {
    }

    private final List<Line> lines = new ArrayList<>();

    public Movement debit(UUID account, long amount) {
        return line(account, -checkNotNegative(amount));
    }

    public Movement credit(UUID account, long amount) {
        return line(account, checkNotNegative(amount));
    }

    private Movement line(UUID account, long amount) {
        if (amount != 0) {
            lines.add(new Line(account, amount));
        }
        return this;
    }

    private static long checkNotNegative(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a debit or credit is not negative: " + amount);
        }
        return amount;
    }

    public List<Line> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** Refuses a movement that does not balance: money is never made or lost by a posting. */
    public Movement checkBalanced() {
        long sum = 0;
        for (Line l : lines) {
            sum = Math.addExact(sum, l.amount());
        }
        if (sum != 0) {
            throw new IllegalStateException("postings sum to " + sum + ", not zero: " + lines);
        }
        return this;
    }

    /** The net change of each account over several movements. */
    public static Map<UUID, Long> net(List<Movement> movements) {
        Map<UUID, Long> net = new LinkedHashMap<>();
        for (Movement m : movements) {
            for (Line l : m.lines) {
                net.merge(l.accountId(), l.amount(), Math::addExact);
            }
        }
        net.values().removeIf(v -> v == 0);
        return net;
    }
}
