package io.pylon4j.driver.internal;

import java.math.BigDecimal;

/** Numbers in the driver's explanations ("CVL 58.4 V from the battery is implausible"): no trailing zeros. */
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
}
