package org.guildhall.market.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.guildhall.market.api.Money;
import org.junit.jupiter.api.Test;

class MoneyAndSplitTest {

    @Test
    void amountsParseToMinorUnitsAndPrintWithoutLosingAUnit() {
        assertThat(Money.parse("12.5").minor()).isEqualTo(12_500_000);
        assertThat(Money.parse("0.000001").minor()).isEqualTo(1);
        assertThat(Money.parse(" 3 ").minor()).isEqualTo(3_000_000);
        assertThat(Money.of(12_500_000).plain()).isEqualTo("12.50");
        assertThat(Money.of(1).plain()).isEqualTo("0.000001");
        assertThat(Money.of(-2_000_000).plain()).isEqualTo("-2.00");
        assertThatThrownBy(() -> Money.parse("1.0000001")).hasMessageContaining("6 decimals");
        assertThatThrownBy(() -> Money.parse("ten")).hasMessageContaining("not an amount");
        assertThatThrownBy(() -> Money.parse("1e30")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void theFeeRoundsDownAndTheOwnersPartsAlwaysAddUpToThePrice() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long price = 1 + random.nextInt(100_000_000);
            int fee = random.nextInt(3_000);
            int owners = 1 + random.nextInt(5);
            Map<UUID, Integer> shares = new LinkedHashMap<>();
            int left = ProceedsSplit.WHOLE;
            for (int o = 0; o < owners; o++) {
                int bps = o == owners - 1 ? left : 1 + random.nextInt(Math.max(1, left - (owners - o - 1)));
                if (bps <= 0 || left - bps < owners - o - 1) {
                    bps = 1;
                }
                shares.merge(new UUID(o, 1), bps, Integer::sum);
                left -= bps;
            }
            if (left != 0) {
                shares.merge(new UUID(0, 1), left, Integer::sum);
            }
            long f = ProceedsSplit.fee(price, fee);
            assertThat(f).isBetween(0L, price);
            long sum = ProceedsSplit.byShares(price - f, shares).values().stream().mapToLong(Long::longValue).sum();
            assertThat(f + sum).isEqualTo(price);
        }
        assertThatThrownBy(() -> ProceedsSplit.byShares(10, Map.of(UUID.randomUUID(), 9_999))).hasMessageContaining("not 10000");
    }

    @Test
    void aMovementThatDoesNotBalanceIsRefused() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(new Movement().debit(a, 5).credit(b, 5).checkBalanced().lines()).hasSize(2);
        assertThat(new Movement().debit(a, 5).credit(b, 0).credit(b, 5).lines()).hasSize(2);
        assertThatThrownBy(() -> new Movement().debit(a, 5).credit(b, 4).checkBalanced()).hasMessageContaining("sum to -1");
        assertThatThrownBy(() -> new Movement().credit(b, -4)).hasMessageContaining("not negative");
        assertThat(Movement.net(java.util.List.of(new Movement().debit(a, 5).credit(b, 5), new Movement().debit(b, 5).credit(a, 2)
                .credit(a, 3)))).isEmpty();
    }
}
