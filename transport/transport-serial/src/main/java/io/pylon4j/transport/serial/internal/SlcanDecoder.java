package io.pylon4j.transport.serial.internal;

import io.pylon4j.can.CanFrame;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits the byte stream an SLCAN (Lawicel ASCII) adapter sends into {@link SlcanMessage}s. Pure, single-threaded
 * and chunk-agnostic: feed it whatever each read returned; it keeps a partial line between calls.
 *
 * <p>Format (Lawicel CANUSB manual; Linux {@code drivers/net/can/slcan/slcan-core.c}, "SLCAN ENCAPSULATION
 * FORMAT"): a message ends with CR (0x0D) or BEL (0x07); frames are {@code t} (11-bit data), {@code T} (29-bit
 * data), {@code r}/{@code R} (remote), then 3 or 8 hex digits of identifier, one digit {@code 0}–{@code 8} of length,
 * two hex digits per data byte, and, when the adapter's timestamps are on ({@code Z1}), four hex digits of
 * milliseconds. A frame line is at most 30 bytes before its terminator (the kernel's {@code SLC_MTU}: an extended
 * frame with eight bytes and a timestamp), but replies can be longer: CANable firmware answers {@code V} with its git
 * version and remote URL. Lines are kept up to {@value #MAX_LINE} bytes; a longer run of bytes is garbage, discarded
 * up to the next terminator and counted, never buffered without bound.
 */
public final class SlcanDecoder {

    /**
     * The longest line kept, without its terminator: room for the longest frame line
     * ({@code T1111222281122334455667788EA5F}, 30) and for free-text version replies.
     */
    public static final int MAX_LINE = 80;

    private static final byte CR = '\r';
    private static final byte BEL = 0x07;

    private final byte[] line = new byte[MAX_LINE];
    private int length;
    private int overflow; // bytes dropped from the current over-long line

    /**
     * Decodes a chunk, handing each complete message to {@code sink} in stream order.
     */
    public void decode(byte[] data, int offset, int count, Consumer<? super SlcanMessage> sink) {
        for (int i = offset; i < offset + count; i++) {
            byte b = data[i];
            if (b == CR) {
                sink.accept(endOfLine());
            } else if (b == BEL) {
                if (length > 0 || overflow > 0) {
                    sink.accept(new SlcanMessage.Malformed("text cut short by BEL", length + overflow));
                    length = 0;
                    overflow = 0;
                }
                sink.accept(new SlcanMessage.ErrorReply(1));
            } else if (overflow > 0 || length == MAX_LINE) {
                overflow++;
            } else {
                line[length++] = b;
            }
        }
    }

    /** How many bytes of an unfinished line are held. */
    public int pending() {
        return length + overflow;
    }

    private SlcanMessage endOfLine() {
        int wire = length + overflow + 1;
        try {
            if (overflow > 0) {
                return new SlcanMessage.Malformed("line longer than " + MAX_LINE + " bytes", wire);
            }
            if (length == 0) {
                return new SlcanMessage.Ack('\r', wire);
            }
            return switch (line[0]) {
                case 't' -> frame(false, false, wire);
                case 'T' -> frame(true, false, wire);
                case 'r' -> frame(false, true, wire);
                case 'R' -> frame(true, true, wire);
                case 'z', 'Z' -> length == 1 ? new SlcanMessage.Ack((char) line[0], wire) : text(wire);
                default -> text(wire);
            };
        } finally {
            length = 0;
            overflow = 0;
        }
    }

    private SlcanMessage text(int wire) {
        for (int i = 0; i < length; i++) {
            if (line[i] < 0x20 || line[i] > 0x7E) {
                return new SlcanMessage.Malformed("non-printable byte in a reply", wire);
            }
        }
        return new SlcanMessage.Text(new String(line, 0, length, StandardCharsets.US_ASCII), wire);
    }

    private SlcanMessage frame(boolean extended, boolean remote, int wire) {
        char type = (char) line[0];
        int idDigits = extended ? 8 : 3;
        if (length < 1 + idDigits + 1) {
            return new SlcanMessage.Malformed("'" + type + "' frame too short", wire);
        }
        long id = hex(1, idDigits);
        if (id < 0 || id > (extended ? 0x1FFF_FFFFL : CanFrame.MAX_STANDARD_ID)) {
            return new SlcanMessage.Malformed("'" + type + "' frame with a bad identifier", wire);
        }
        int dlc = line[1 + idDigits] - '0';
        if (dlc < 0 || dlc > CanFrame.MAX_LENGTH) {
            return new SlcanMessage.Malformed("'" + type + "' frame with a bad length digit", wire);
        }
        int dataStart = 2 + idDigits;
        int dataDigits = remote ? 0 : 2 * dlc; // remote frames carry a length but no data
        int rest = length - dataStart - dataDigits;
        if (rest != 0 && rest != 4) {
            return new SlcanMessage.Malformed("'" + type + "' frame of " + length + " characters does not match its"
                    + " length " + dlc, wire);
        }
        long payload = 0;
        for (int i = 0; i < dataDigits / 2; i++) {
            long b = hex(dataStart + 2 * i, 2);
            if (b < 0) {
                return new SlcanMessage.Malformed("'" + type + "' frame with a bad data digit", wire);
            }
            payload |= b << (8 * i);
        }
        int timestamp = -1;
        if (rest == 4) {
            long ts = hex(dataStart + dataDigits, 4);
            if (ts < 0) {
                return new SlcanMessage.Malformed("'" + type + "' frame with a bad timestamp", wire);
            }
            timestamp = (int) ts;
        }
        if (extended || remote) {
            return new SlcanMessage.UnsupportedFrame(type, (int) id, wire);
        }
        return new SlcanMessage.DataFrame(new CanFrame((int) id, dlc, payload), timestamp, wire);
    }

    /** The value of {@code digits} hex digits at {@code from}, or -1 if one is not a hex digit. */
    private long hex(int from, int digits) {
        long value = 0;
        for (int i = from; i < from + digits; i++) {
            int d = Character.digit(line[i], 16);
            if (d < 0) {
                return -1;
            }
            value = value << 4 | d;
        }
        return value;
    }
}
