package io.pylon4j.transport.serial.internal;

import io.pylon4j.can.CanFrame;

/**
 * One thing an SLCAN adapter said, as {@link SlcanDecoder} splits it off the byte stream: a closed set, matched with
 * an exhaustive {@code switch}.
 */
public sealed interface SlcanMessage {

    /** How many bytes of the stream this message took, terminator included. */
    int wireLength();

    /**
     * A standard (11-bit) data frame, {@code tiiildd…[tttt]}.
     *
     * @param frame       the frame
     * @param timestampMs the adapter's millisecond timestamp (0 to 59999, when enabled with {@code Z1}), or -1
     * @param wireLength  bytes taken
     */
    record DataFrame(CanFrame frame, int timestampMs, int wireLength) implements SlcanMessage {
    }

    /**
     * A well-formed frame this library cannot carry: extended (29-bit, {@code T}), or remote ({@code r}, {@code R}).
     * Pylontech LV CAN uses 11-bit data frames only.
     *
     * @param type       the type letter
     * @param id         the identifier
     * @param wireLength bytes taken
     */
    record UnsupportedFrame(char type, int id, int wireLength) implements SlcanMessage {
    }

    /**
     * A positive reply: a bare CR (most commands; transmit on CANable-style firmware) or {@code z}/{@code Z} then CR
     * (transmit on Lawicel-style firmware).
     *
     * @param kind       {@code '\r'}, {@code 'z'} or {@code 'Z'}
     * @param wireLength bytes taken
     */
    record Ack(char kind, int wireLength) implements SlcanMessage {
    }

    /**
     * BEL (0x07): the adapter refused the last command (unknown, invalid in this state, or transmit failed).
     *
     * @param wireLength bytes taken (1)
     */
    record ErrorReply(int wireLength) implements SlcanMessage {
    }

    /**
     * Any other CR-terminated line: a version ({@code V1013}), a serial number ({@code NA123}), a status flag reply
     * ({@code F00}), or a Linux-style error ({@code e…}) or state ({@code s…}) report.
     *
     * @param text       the line without its CR
     * @param wireLength bytes taken
     */
    record Text(String text, int wireLength) implements SlcanMessage {
    }

    /**
     * Bytes that form nothing valid: a frame line with a bad length or digit, a line longer than any SLCAN message,
     * or text cut short by a BEL. Counted as discarded; the stream goes on.
     *
     * @param reason     why
     * @param wireLength bytes discarded
     */
    record Malformed(String reason, int wireLength) implements SlcanMessage {
    }
}
