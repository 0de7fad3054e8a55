package io.pylon4j.can;

/**
 * The small scanners under {@link CandumpFormat}'s line readers: white space and tokens over a one-byte-a-character
 * copy of a line, hex ids, hex bytes and short decimals, each failing with an {@link InvalidCanFrameException} that
 * quotes what it could not read.
 */
final class CanLineScan {

    private CanLineScan() {
    }

    static InvalidCanFrameException notAFrameLine() {
        return new InvalidCanFrameException(
                "not a CAN frame line in any known format (candump text, candump log, id#data)");
    }

    /** A hex id in {@code text[start, end)}, with or without {@code 0x}. */
    static int parseId(String text, int start, int end) {
        int from = end - start >= 2 && text.charAt(start) == '0' && (text.charAt(start + 1) | 0x20) == 'x'
                ? start + 2 : start;
        if (from == end || end - from > 8) {
            throw new InvalidCanFrameException("'" + text.substring(start, end) + "' is not a hex CAN id");
        }
        long id = 0;
        for (int i = from; i < end; i++) {
            int d = hexValue(text.charAt(i));
            if (d < 0) {
                throw new InvalidCanFrameException("'" + text.charAt(i) + "' in id '" + text.substring(start, end)
                        + "' is not a hex digit");
            }
            id = id << 4 | d;
        }
        if (id > CanFrame.MAX_STANDARD_ID) {
            throw new InvalidCanFrameException(String.format(
                    "id 0x%X is an extended (29-bit) id; Pylontech LV CAN uses 11-bit ids", id));
        }
        return (int) id;
    }

    static int parseDecimal(String text, String what) {
        if (text.isEmpty() || text.length() > 2) {
            throw new InvalidCanFrameException(what + " '" + text + "' is not a small decimal number");
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                throw new InvalidCanFrameException(what + " '" + text + "' is not a decimal number");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static int hexByte(String text, byte[] b, int at, int contextStart, int contextEnd) {
        int hi = hexValue(b[at]);
        int lo = hexValue(b[at + 1]);
        if (hi < 0 || lo < 0) {
            char bad = hi < 0 ? text.charAt(at) : text.charAt(at + 1);
            throw new InvalidCanFrameException("'" + bad + "' in '" + text.substring(contextStart, contextEnd)
                    + "' is not a hex digit");
        }
        return hi << 4 | lo;
    }

    static int hexDigit(char c, String context) {
        int d = hexValue(c);
        if (d < 0) {
            throw new InvalidCanFrameException("'" + c + "' in '" + context + "' is not a hex digit");
        }
        return d;
    }

    /** The value of hex digit {@code c} (a char, or a sign-extended byte), or -1. */
    static int hexValue(int c) {
        return (c & ~0xFF) == 0 ? HEX_VALUE[c] : -1;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Space, tab, line feed, vertical tab, form feed or carriage return (what {@code String.strip} removes in ASCII). */
    static boolean isSpace(int c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    static int skipSpace(byte[] b, int pos, int end) {
        while (pos < end && isSpace(b[pos])) {
            pos++;
        }
        return pos;
    }

    static int tokenEnd(byte[] b, int pos, int end) {
        while (pos < end && !isSpace(b[pos])) {
            pos++;
        }
        return pos;
    }

    static int indexOf(byte[] b, char c, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final byte[] HEX_VALUE = new byte[256];

    static {
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX_VALUE[HEX[i]] = (byte) i;
            HEX_VALUE[Character.toLowerCase(HEX[i])] = (byte) i;
        }
    }
}
