package org.guildhall.market.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of the platform's one stable unit, as an integer count of minor units (6 decimals, like the
 * ERC-20 used on chain). Never a floating-point number.
 */
@jakarta.json.bind.annotation.JsonbTypeAdapter(MoneyJson.class)
public record Money(long minor) {

    public static final int DECIMALS = 6;
    public static final long ONE = 1_000_000L;

    public static Money of(long minor) {
        return new Money(minor);
    }

    /** Parses {@code 12}, {@code 12.5}, {@code 0.000001}; more than six decimals or not a number is refused. */
    public static Money parse(String text) {
        BigDecimal d;
        try {
            d = new BigDecimal(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("not an amount: " + text);
        }
        if (d.stripTrailingZeros().scale() > DECIMALS) {
            throw new IllegalArgumentException("at most " + DECIMALS + " decimals: " + text);
        }
        return new Money(d.movePointRight(DECIMALS).longValueExact());
    }

    /** {@code 12.50}, {@code 0.000001}: at least two decimals, at most six, no trailing zeros beyond two. */
    public String plain() {
        BigDecimal d = BigDecimal.valueOf(minor, DECIMALS).stripTrailingZeros();
        if (d.scale() < 2) {
            d = d.setScale(2, RoundingMode.UNNECESSARY);
        }
        return d.toPlainString();
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minor, other.minor));
    }

    public Money negate() {
        return new Money(Math.negateExact(minor));
    }

    public boolean isPositive() {
        return minor > 0;
    }

    @Override
    public String toString() {
        return plain();
    }
}
