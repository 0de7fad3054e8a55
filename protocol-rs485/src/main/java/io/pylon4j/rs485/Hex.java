package io.pylon4j.rs485;

/** ASCII hex tables and small helpers shared by the frame codec, the reader and the records. */
final class Hex {

    private Hex() {
    }

    /** Upper-case digits, emitted on output. */
    static final byte[] DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    /** The value of an ASCII hex digit (either case), or -1, indexed by the unsigned byte. */
    static final byte[] VALUE = new byte[256];

    static {
        java.util.Arrays.fill(VALUE, (byte) -1);
        for (int i = 0; i < 10; i++) {
            VALUE['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            VALUE['A' + i] = (byte) (10 + i);
            VALUE['a' + i] = (byte) (10 + i);
        }
    }

    /** A character for a message: {@code 'G' (0x47)}, or just the code when it is not printable. */
    static String describe(int c) {
        if (c >= 0x20 && c < 0x7F) {
            return String.format("'%c' (0x%02X)", (char) c, c);
        }
        return c == '\r' ? "CR (0x0D)" : String.format("0x%02X", c);
    }

    /** The bytes as upper-case hex, two digits each. */
    static String toHex(byte[] bytes) {
        char[] out = new char[2 * bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = (char) DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = (char) DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
