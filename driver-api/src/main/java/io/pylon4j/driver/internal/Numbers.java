package io.pylon4j.driver.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * Numbers in the driver's explanations ("CVL 58.4 V from the battery is implausible", "no limits for 10.0 s"):
 * no trailing zeros, durations in seconds with one decimal.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A number as written by hand: {@code 58.4}, {@code 100}, never {@code 1.0E2}.
     *
     * @param v the number
     * @return its plain decimal text without trailing zeros
     */
    public static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * A duration as seconds with one decimal, e.g. {@code "10.0 s"}.
     *
     * @param d the duration
     * @return its seconds with one decimal and the unit
     */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
