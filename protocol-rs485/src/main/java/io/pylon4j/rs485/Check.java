package io.pylon4j.rs485;

import java.util.Arrays;

/**
 * Range checks for record components. A value out of range is a programming error in the caller (the decoder never
 * produces one), hence {@link IllegalArgumentException} rather than an {@link Rs485Exception}.
 */
final class Check {

    private Check() {
    }

    static int u8(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be a byte, 0 to 255: " + value);
        }
        return value;
    }

    static int u16(String name, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be an unsigned 16-bit value, 0 to 65535: " + value);
        }
        return value;
    }

    static int s16(String name, int value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a signed 16-bit value, -32768 to 32767: " + value);
        }
        return value;
    }

    static int u24(String name, int value) {
        if (value < 0 || value > 0xFF_FFFF) {
            throw new IllegalArgumentException(name + " must be an unsigned 24-bit value, 0 to 16777215: " + value);
        }
        return value;
    }

    /** A copy of {@code values}, each checked to be a byte. */
    static int[] u8s(String name, int[] values) {
        int[] copy = Arrays.copyOf(values, values.length);
        for (int v : copy) {
            u8(name, v);
        }
        return copy;
    }

    /** A copy of {@code values}, each checked to be a signed 16-bit value. */
    static int[] s16s(String name, int[] values) {
        int[] copy = Arrays.copyOf(values, values.length);
        for (int v : copy) {
            s16(name, v);
        }
        return copy;
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new NullPointerException(name);
        }
        return value;
    }

    /** An ISO-8859-1 text of at most {@code width} characters, none above 0xFF, not ending with the NUL padding. */
    static String latin1(String name, String value, int width) {
        notNull(name, value);
        if (value.length() > width) {
            throw new IllegalArgumentException(name + " has " + value.length() + " characters; the field holds "
                    + width + ": '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                throw new IllegalArgumentException(name + " has a character beyond ISO-8859-1: '" + value + "'");
            }
        }
        if (!value.isEmpty() && value.charAt(value.length() - 1) == 0) {
            throw new IllegalArgumentException(name + " ends with NUL, which is the field's padding: leave it out");
        }
        return value;
    }
}
