package io.pylon4j.can;

/**
 * Little-endian field access on a frame's payload {@code long}, and the range checks the message records share.
 *
 * <p>Payload bit {@code 8i} is the least significant bit of data byte {@code i} (see {@link CanFrame}), so a field
 * at byte offset {@code o} is a shift by {@code 8o} and a mask. Nothing here allocates.
 */
final class Wire {

    private Wire() {
    }

    // --- reading ------------------------------------------------------------------------------------------------

    static int u8(long payload, int index) {
        return (int) (payload >>> (8 * index)) & 0xFF;
    }

    static int u16(long payload, int offset) {
        return (int) (payload >>> (8 * offset)) & 0xFFFF;
    }

    static int s16(long payload, int offset) {
        return (short) (payload >>> (8 * offset));
    }

    static long u32(long payload, int offset) {
        return (payload >>> (8 * offset)) & 0xFFFF_FFFFL;
    }

    /** The payload bits of data bytes {@code from} to 7: what a layout ending at byte {@code from} leaves undefined. */
    static long from(long payload, int from) {
        return from >= CanFrame.MAX_LENGTH ? 0 : payload & (-1L << (8 * from));
    }

    // --- writing ------------------------------------------------------------------------------------------------

    static long put8(int value, int index) {
        return (long) (value & 0xFF) << (8 * index);
    }

    static long put16(int value, int offset) {
        return (long) (value & 0xFFFF) << (8 * offset);
    }

    static long put32(long value, int offset) {
        return (value & 0xFFFF_FFFFL) << (8 * offset);
    }

    // --- record validation (programmer errors: IllegalArgumentException) ----------------------------------------

    static int checkU8(int value, String type, String component) {
        if (value < 0 || value > 0xFF) {
            throw outOfRange(type, component, value, "0 to 255 (u8 on the wire)");
        }
        return value;
    }

    static int checkU16(int value, String type, String component) {
        if (value < 0 || value > 0xFFFF) {
            throw outOfRange(type, component, value, "0 to 65535 (u16 on the wire)");
        }
        return value;
    }

    static int checkS16(int value, String type, String component) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw outOfRange(type, component, value, "-32768 to 32767 (s16 on the wire)");
        }
        return value;
    }

    /** An optional u16: {@link CanMessage#NOT_SENT} exactly when the frame is too short to hold it. */
    static void checkOptionalU16(int value, boolean present, String type, String component, int endByte) {
        if (present) {
            checkSent(value, type, component, endByte);
            checkU16(value, type, component);
        } else {
            checkNotSent(value, type, component, endByte);
        }
    }

    /** An optional s16: {@link CanMessage#NOT_SENT} exactly when the frame is too short to hold it. */
    static void checkOptionalS16(int value, boolean present, String type, String component, int endByte) {
        if (present) {
            checkSent(value, type, component, endByte);
            checkS16(value, type, component);
        } else {
            checkNotSent(value, type, component, endByte);
        }
    }

    private static void checkSent(int value, String type, String component, int endByte) {
        if (value == CanMessage.NOT_SENT) {
            throw new IllegalArgumentException(String.format(
                    "%s.%s is NOT_SENT, but a length of %d or more carries it (bytes %d-%d): give a value, or a "
                            + "shorter length", type, component, endByte, endByte - 2, endByte - 1));
        }
    }

    private static void checkNotSent(int value, String type, String component, int endByte) {
        if (value != CanMessage.NOT_SENT) {
            throw new IllegalArgumentException(String.format(
                    "%s.%s must be NOT_SENT when length is below %d (the field is bytes %d-%d), was %d",
                    type, component, endByte, endByte - 2, endByte - 1, value));
        }
    }

    static void checkLength(int length, int minimum, String type) {
        if (length < minimum || length > CanFrame.MAX_LENGTH) {
            throw new IllegalArgumentException(String.format(
                    "%s.length must be %d to 8 data bytes, was %d", type, minimum, length));
        }
    }

    /** Checks that {@code bits} has nothing outside data bytes {@code from} (inclusive) to {@code length}. */
    static void checkBytesWithin(long bits, int from, int length, String type, String component) {
        long allowed = from >= length ? 0 : (length >= 8 ? -1L : (1L << (8 * length)) - 1) & (-1L << (8 * from));
        if ((bits & ~allowed) != 0) {
            throw new IllegalArgumentException(String.format(
                    "%s.%s 0x%016X has bits outside data bytes %d..%d (bytes the layout leaves undefined at "
                            + "length %d)", type, component, bits, from, length - 1, length));
        }
    }

    private static IllegalArgumentException outOfRange(String type, String component, long value, String range) {
        return new IllegalArgumentException(type + "." + component + " must be " + range + ", was " + value);
    }
}
