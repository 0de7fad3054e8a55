package io.pylon4j.transport.serial.internal;

import io.pylon4j.can.CanFrame;
import java.nio.charset.StandardCharsets;

/**
 * Encodes what this library sends to an SLCAN adapter: commands and 11-bit data frames, each ending with CR.
 * Upper-case hex, as the Linux kernel's {@code slc_encaps} sends it.
 */
public final class SlcanEncoder {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private SlcanEncoder() {
    }

    /** A command line: {@code "S6"} becomes {@code S6\r}. */
    public static byte[] command(String command) {
        return (command + "\r").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code tiiil<data>\r}: {@code 351#1402} becomes {@code t35121402\r}. */
    public static byte[] frame(CanFrame frame) {
        byte[] out = new byte[6 + 2 * frame.length()];
        out[0] = 't';
        out[1] = HEX[frame.id() >>> 8 & 0xF];
        out[2] = HEX[frame.id() >>> 4 & 0xF];
        out[3] = HEX[frame.id() & 0xF];
        out[4] = (byte) ('0' + frame.length());
        long payload = frame.payload();
        for (int i = 0; i < frame.length(); i++) {
            int b = (int) (payload >>> (8 * i)) & 0xFF;
            out[5 + 2 * i] = HEX[b >>> 4];
            out[6 + 2 * i] = HEX[b & 0xF];
        }
        out[out.length - 1] = '\r';
        return out;
    }
}
