package io.pylon4j.testing;

import io.pylon4j.can.CanFrame;
import java.nio.charset.StandardCharsets;

/**
 * The SLCAN line format of an 11-bit data frame, {@code t} + three id digits + the DLC digit + two digits a byte
 * (Linux {@code drivers/net/can/slcan/slcan-core.c}, python-can {@code slcan.py}), for {@link SlcanAdapterEmulator}.
 * Written here rather than borrowed from transport-serial so that the emulator shares no code with the host it is
 * tested against.
 */
final class SlcanLines {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SlcanLines() {
    }

    /**
     * The frame a {@code t} command carries, or null when the line is not exactly one (bad digit, DLC above 8,
     * data shorter or longer than the DLC).
     */
    static CanFrame parseStandardFrame(String line) {
        if (line.length() < 5 || line.charAt(0) != 't' || !isHex(line, 1, 5)) {
            return null;
        }
        int id = Integer.parseInt(line, 1, 4, 16);
        int dlc = Character.digit(line.charAt(4), 16);
        if (id > CanFrame.MAX_STANDARD_ID || dlc > CanFrame.MAX_LENGTH || line.length() != 5 + 2 * dlc
                || !isHex(line, 5, line.length())) {
            return null;
        }
        byte[] data = new byte[dlc];
        for (int i = 0; i < dlc; i++) {
            data[i] = (byte) Integer.parseInt(line, 5 + 2 * i, 7 + 2 * i, 16);
        }
        return CanFrame.of(id, data);
    }

    /** The frame as a {@code t} line ending in CR, with {@code stampMillis} as four hex digits unless it is negative. */
    static byte[] standardFrame(CanFrame frame, int stampMillis) {
        StringBuilder s = new StringBuilder(30).append('t');
        hex(s, frame.id(), 3);
        s.append(HEX[frame.length()]);
        s.append(frame.dataHex());
        if (stampMillis >= 0) {
            hex(s, stampMillis, 4);
        }
        return s.append('\r').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code s} holds only hex digits from {@code from} (inclusive) to {@code to} (exclusive). */
    static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void hex(StringBuilder s, int value, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            s.append(HEX[value >> shift & 0xF]);
        }
    }
}
