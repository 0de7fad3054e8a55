package io.pylon4j.driver.json;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one number rule of every JSON pylon4j writes, as ASCII digits into a byte array: a number is written as the
 * shortest plain decimal that is exactly its value (for a {@code double}: that reads back as the same
 * {@code double}); no exponent, no trailing zeros after the point, no point at all for a whole number, and
 * {@code 0} for zero of either sign. So {@code 480} deci-volts scaled by one decimal, the {@code double} 48.0 and the
 * count 48 all read {@code 48}, and 3312 mV reads {@code 3.312}.
 *
 * <p>The writers call these with room for {@link #MAX_SCALED_CHARS} bytes ensured and get back the new length.
 */
final class JsonNumbers {

    /** The most decimals a scaled wire integer may have (nanounits; the protocols use three at most). */
    static final int MAX_DECIMALS = 9;

    /** The most bytes {@link #writeScaled} writes: a sign, 19 digits, a point and {@link #MAX_DECIMALS} decimals. */
    static final int MAX_SCALED_CHARS = 1 + 19 + 1 + MAX_DECIMALS;

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};
    private static final double[] POW10_DOUBLE = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    /** Below this magnitude a scaled {@code double} rounds to the right integer with room to spare (see below). */
    private static final double FAST_PATH_LIMIT = 0x1p40;

    private JsonNumbers() {
    }

    /** Writes {@code value} at {@code at} as {@code Long.toString} would; returns the end. */
    static int writeLong(byte[] out, int at, long value) {
        if (value == (int) value) {
            return writeInt(out, at, (int) value);
        }
        String text = Long.toString(value); // beyond the wire integers of every protocol: rare, so not hand-rolled
        for (int i = 0; i < text.length(); i++) {
            out[at++] = (byte) text.charAt(i);
        }
        return at;
    }

    /**
     * Writes {@code value} at {@code at} as {@code Integer.toString} would, in {@code int} arithmetic and two digits a
     * division (a 64-bit division costs several times a 32-bit one, and the launcher's C1 turns no division by a
     * constant into a multiply); returns the end.
     */
    static int writeInt(byte[] out, int at, int value) {
        if (value < 0) {
            if (value == Integer.MIN_VALUE) { // the one value whose magnitude is not an int
                return writeMinInt(out, at);
            }
            out[at++] = '-';
            value = -value;
        }
        int digits = 1;
        for (int p = 10; digits < 10 && value >= p; p *= 10) {
            digits++;
        }
        int end = at + digits;
        int i = end;
        while (value >= 100) {
            int pair = value % 100;
            value /= 100;
            out[--i] = DIGIT_ONES[pair];
            out[--i] = DIGIT_TENS[pair];
        }
        out[--i] = DIGIT_ONES[value];
        if (value >= 10) {
            out[--i] = DIGIT_TENS[value];
        }
        return end;
    }

    private static int writeMinInt(byte[] out, int at) {
        byte[] text = {'-', '2', '1', '4', '7', '4', '8', '3', '6', '4', '8'};
        System.arraycopy(text, 0, out, at, text.length);
        return at + text.length;
    }

    /**
     * Writes {@code unscaled / 10^decimals} exactly, by the rule above ({@code 4800, 1} is {@code 480}, {@code 532, 1}
     * is {@code 53.2}, {@code -5, 1} is {@code -0.5}); returns the end.
     */
    static int writeScaled(byte[] out, int at, long unscaled, int decimals) {
        if (decimals == 0 || unscaled == 0) {
            return writeLong(out, at, unscaled);
        }
        if (unscaled == (int) unscaled && unscaled != Integer.MIN_VALUE) {
            return writeScaledInt(out, at, (int) unscaled, decimals);
        }
        long pow = POW10[decimals];
        long fraction = unscaled % pow; // same sign as unscaled
        long whole = unscaled / pow;
        if (unscaled < 0) {
            out[at++] = '-';
            fraction = -fraction;
            whole = -whole; // |Long.MIN_VALUE / 10^d| fits
        }
        at = writeLong(out, at, whole);
        return writeFraction(out, at, fraction, decimals);
    }

    /** {@link #writeScaled} of an {@code int}, in {@code int} arithmetic (see {@link #writeInt}). */
    private static int writeScaledInt(byte[] out, int at, int unscaled, int decimals) {
        int pow = (int) POW10[decimals];
        int magnitude = unscaled;
        if (unscaled < 0) {
            out[at++] = '-';
            magnitude = -unscaled;
        }
        at = writeInt(out, at, magnitude / pow);
        int fraction = magnitude % pow;
        if (fraction == 0) {
            return at;
        }
        int digits = decimals;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        out[at++] = '.';
        for (int p = (int) POW10[digits - 1]; p > fraction; p /= 10) {
            out[at++] = '0';
        }
        return writeInt(out, at, fraction);
    }

    private static int writeFraction(byte[] out, int at, long fraction, int decimals) {
        if (fraction == 0) {
            return at;
        }
        int digits = decimals;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        out[at++] = '.';
        for (long p = POW10[digits - 1]; p > fraction; p /= 10) {
            out[at++] = '0';
        }
        return writeLong(out, at, fraction);
    }

    /**
     * Writes a finite {@code double} by the rule above if it has at most {@link #MAX_DECIMALS} decimals and a small
     * magnitude (every value the protocols give: a wire integer divided by a power of ten), returning the end, or
     * returns {@code -1} without writing for {@link #shortestPlain} to do it.
     *
     * <p>Why it is exact: it tries 0, 1, 2… decimals and takes the first {@code n / 10^k} that is the same
     * {@code double} (both exact in a {@code double}, so the division rounds correctly). Below 2^40, {@code d * 10^k}
     * is within 2^-11 of any {@code k}-decimal that reads back as {@code d}, so {@code Math.round} cannot miss one.
     */
    static int writeDouble(byte[] out, int at, double value) {
        for (int decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
            double scaled = value * POW10_DOUBLE[decimals];
            if (!(Math.abs(scaled) < FAST_PATH_LIMIT)) {
                return -1;
            }
            long n = Math.round(scaled);
            if (n / POW10_DOUBLE[decimals] == value) {
                return writeScaled(out, at, n, decimals);
            }
        }
        return -1;
    }

    /**
     * A finite {@code double} by the rule above, the slow and general way (huge, tiny or long-fractioned values). The
     * scale is found by bisection: the nearest decimal of a given scale is no farther from the value than the nearest
     * of a smaller scale, so once a scale reads back, every larger one does too.
     */
    static String shortestPlain(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(value);
        int low = -exact.precision(); // rounds to zero: never reads back
        int high = Math.max(exact.scale(), 0); // the exact value: always reads back
        while (high - low > 1) {
            int mid = Math.floorDiv(low + high, 2);
            if (exact.setScale(mid, RoundingMode.HALF_EVEN).doubleValue() == value) {
                high = mid;
            } else {
                low = mid;
            }
        }
        BigDecimal shortest = exact.setScale(high, RoundingMode.HALF_EVEN);
        return high <= 0 ? shortest.toBigInteger().toString() : shortest.stripTrailingZeros().toPlainString();
    }

    /** The tens and the ones digit of 0 to 99. */
    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
    }
}
