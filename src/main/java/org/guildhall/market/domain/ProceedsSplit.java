package org.guildhall.market.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a price is divided: the platform fee (rounded down) and the rest among the owners by their shares
 * (each rounded down; the minor units left over go to the largest share, the lowest account id on a tie),
 * so that the parts always add up to the price exactly.
 */
public final class ProceedsSplit {

    public static final int WHOLE = 10_000;

    private ProceedsSplit() {
    }

    public static long fee(long price, int feeBps) {
        if (feeBps < 0 || feeBps > WHOLE) {
            throw new IllegalArgumentException("fee of " + feeBps + " basis points");
        }
        return Math.multiplyExact(price, (long) feeBps) / WHOLE;
    }

    /** The owners' parts of {@code amount}, in the order of the shares given (largest first is usual). */
    public static Map<UUID, Long> byShares(long amount, Map<UUID, Integer> shares) {
        int total = shares.values().stream().mapToInt(Integer::intValue).sum();
        if (shares.isEmpty() || total != WHOLE) {
            throw new IllegalArgumentException("shares sum to " + total + " basis points, not " + WHOLE);
        }
        List<Map.Entry<UUID, Integer>> ordered = new ArrayList<>(shares.entrySet());
        ordered.sort(Comparator.<Map.Entry<UUID, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        Map<UUID, Long> parts = new LinkedHashMap<>();
        long given = 0;
        for (Map.Entry<UUID, Integer> e : ordered) {
            long part = Math.multiplyExact(amount, (long) e.getValue()) / WHOLE;
            parts.put(e.getKey(), part);
            given += part;
        }
        parts.merge(ordered.get(0).getKey(), amount - given, Long::sum);
        return parts;
    }
}
