package io.pylon4j.simulator.frontend;

import io.pylon4j.simulator.FaultSettings;
import java.util.Arrays;

/**
 * What the RS485 front end does to a reply's bytes under the wire faults of {@link FaultSettings}. Pure functions,
 * public so that tests and documentation can name exactly what goes on the wire.
 */
public final class Rs485WireFaults {

    /** The noise pattern: no {@code '~'} (SOI) and no CR (EOI), so it can never start or end a frame. */
    private static final byte[] NOISE = {0x00, (byte) 0xFF, 0x55, (byte) 0xAA, 0x31, 0x7F, 0x20, (byte) 0x80};

    private Rs485WireFaults() {
    }

    /**
     * {@return the reply with its CHKSUM broken: the last checksum hex digit replaced by another ({@code '0'} →
     * {@code '1'}, anything else → {@code '0'})} A client's reader reports a checksum mismatch.
     *
     * @param frame an encoded reply, SOI to CR; not changed
     */
    public static byte[] corruptChecksum(byte[] frame) {
        byte[] out = frame.clone();
        int i = out.length - 2; // the last CHKSUM digit, before the CR
        out[i] = out[i] == '0' ? (byte) '1' : (byte) '0';
        return out;
    }

    /**
     * {@code count} noise bytes from a fixed pattern that holds neither {@code '~'} nor CR.
     *
     * @param count how many bytes
     * @return a new array of {@code count} bytes
     */
    public static byte[] noise(int count) {
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = NOISE[i % NOISE.length];
        }
        return out;
    }

    /**
     * {@return what a client at the right baud rate reads when the battery answers at the other one: one byte per byte
     * sent, {@code 0x00} where the sent byte's lowest bit is 0 and {@code 0xF0} where it is 1 (the shapes a UART reads
     * off bit cells of the wrong width, each normally with a framing error)} There is no {@code '~'} and no CR, so the
     * client sees discarded bytes and never a frame.
     *
     * @param bytes the bytes the battery sends; not changed
     */
    public static byte[] atWrongBaudRate(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (bytes[i] & 1) == 0 ? 0x00 : (byte) 0xF0;
        }
        return out;
    }

    /**
     * Applies the checksum, noise and baud-rate faults of {@code faults} to an encoded reply, in that order.
     *
     * @param frame  an encoded reply, SOI to CR; not changed
     * @param faults the bank-wide faults
     * @return the bytes to write: {@code frame} itself when no wire fault is on, else a new array
     */
    public static byte[] apply(byte[] frame, FaultSettings faults) {
        byte[] out = faults.corruptChecksums() ? corruptChecksum(frame) : frame;
        if (faults.noiseBytes() > 0) {
            byte[] noisy = Arrays.copyOf(noise(faults.noiseBytes()), faults.noiseBytes() + out.length);
            System.arraycopy(out, 0, noisy, faults.noiseBytes(), out.length);
            out = noisy;
        }
        return faults.baudMismatch() ? atWrongBaudRate(out) : out;
    }
}
