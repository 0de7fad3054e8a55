package io.pylon4j.transport.netty.internal;

import io.pylon4j.can.CanFrame;

/**
 * The 13-byte CAN frame format of USR-CANET200-type Ethernet CAN converters ("transparent transmission with
 * identifier"), both directions; pure functions.
 *
 * <pre>
 * byte 0      frame information: bit 7 FF (1 = extended frame), bit 6 RTR (1 = remote frame),
 *             bits 5-4 reserved (0), bits 3-0 data length (0 to 8)
 * bytes 1-4   identifier, big-endian (11 or 29 bits, as FF says)
 * bytes 5-12  data, the first "data length" bytes valid, the rest 0
 * </pre>
 *
 * <p>Sources: USR IOT, "USR-CANET200 User Manual", section 2.2.4 "CAN data transparent transmission protocol"
 * (worked example: {@code 85 12 34 56 78 12 34 56 78 00 00 00 00} is extended id 0x12345678 with five data bytes;
 * "Reserved bit needs to be 0"); the same layout in Ebyte's "E810-DTU(CAN-ETH) User Manual" section 4.2.2 ("each
 * CAN frame contains up to 13 bytes"). Waveshare's CAN-to-Ethernet converters use it too.
 *
 * <p>The format has no start marker, so a receiver that loses its place can only test whether 13 bytes look like a
 * frame: reserved bits zero, a length of at most 8 and an id within its range. {@link #plausible} is that test.
 */
final class CanetCodec {

    /** Bytes per frame. */
    static final int FRAME_LENGTH = 13;

    private static final int EXTENDED = 0x80;
    private static final int REMOTE = 0x40;
    private static final int RESERVED = 0x30;

    private CanetCodec() {
    }

    /** The 13 bytes of a standard data frame. */
    static byte[] encode(CanFrame frame) {
        byte[] out = new byte[FRAME_LENGTH];
        out[0] = (byte) frame.length();
        out[3] = (byte) (frame.id() >>> 8);
        out[4] = (byte) frame.id();
        for (int i = 0; i < frame.length(); i++) {
            out[5 + i] = (byte) frame.u8(i);
        }
        return out;
    }

    /** Whether a frame information byte and an identifier could start a frame. */
    static boolean plausible(int info, long id) {
        if ((info & RESERVED) != 0 || (info & 0x0F) > CanFrame.MAX_LENGTH) {
            return false;
        }
        return (info & EXTENDED) != 0 ? id <= 0x1FFF_FFFFL : id <= CanFrame.MAX_STANDARD_ID;
    }

    /** Whether the frame is one {@link CanFrame} can hold: a standard (11-bit) data frame. */
    static boolean isStandardDataFrame(int info) {
        return (info & (EXTENDED | REMOTE)) == 0;
    }

    /**
     * The frame in {@code bytes[offset … offset+12]}, which must be {@link #plausible} and a standard data frame.
     */
    static CanFrame decode(byte[] bytes, int offset) {
        int info = bytes[offset] & 0xFF;
        int id = (bytes[offset + 3] & 0xFF) << 8 | bytes[offset + 4] & 0xFF;
        int length = info & 0x0F;
        long payload = 0;
        for (int i = 0; i < length; i++) {
            payload |= (bytes[offset + 5 + i] & 0xFFL) << (8 * i);
        }
        return new CanFrame(id, length, payload);
    }
}
