package org.guildhall.governance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PowerFormulaTest {

    @Test
    void powerIsAHundredTimesTheSquareRootOfThePointsRoundedDown() {
        assertThat(PowerFormula.power(0)).isZero();
        assertThat(PowerFormula.power(1)).isEqualTo(100);
        assertThat(PowerFormula.power(10)).isEqualTo(316);
        assertThat(PowerFormula.power(30)).isEqualTo(547);
        assertThat(PowerFormula.power(10_000)).isEqualTo(10_000);
    }

    @Test
    void aHundredTimesTheContributionGivesTenTimesThePower() {
        assertThat(PowerFormula.power(100 * 25)).isEqualTo(10 * PowerFormula.power(25));
    }

    @Test
    void pointsCountVersionsAndWholeUnitsOfRevenue() {
        assertThat(PowerFormula.points(3, 2_500_000, 10, 1)).isEqualTo(32);
        assertThat(PowerFormula.points(0, 999_999, 10, 1)).isZero();
    }

    @Test
    void theIntegerSquareRootIsExactForLargeNumbers() {
        Random r = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long n = Math.abs(r.nextLong() >>> 3);
            long s = PowerFormula.isqrt(n);
            assertThat(s * s).isLessThanOrEqualTo(n);
            assertThat((s + 1) * (s + 1)).isGreaterThan(n);
        }
    }
}
