package io.pylon4j.transport.netty.internal;

import io.pylon4j.can.CanFrame;

/**
 * One element {@code < … >} received from a socketcand server, as far as a raw-mode client cares. Parsed by
 * {@link SocketcandCodec#parse(String)}.
 */
sealed interface SocketcandMessage {

    /** {@code < hi >}: the greeting on connect. */
    record Hi() implements SocketcandMessage {
    }

    /** {@code < ok >}: a command was accepted. */
    record Ok() implements SocketcandMessage {
    }

    /** {@code < error … >}: a refused command, or an error frame on the bus in raw mode. */
    record Error(String text) implements SocketcandMessage {
    }

    /** {@code < frame ID SECONDS.MICROS DATA >}: a classic data frame with an 11-bit id. */
    record Frame(CanFrame frame, long timestampMicros) implements SocketcandMessage {
    }

    /**
     * A well-formed frame that {@link CanFrame} cannot hold (extended id, remote request, CAN FD): not delivered,
     * counted as a dropped frame.
     */
    record Unsupported(String why) implements SocketcandMessage {
    }

    /** Anything else: a malformed frame, an unknown command, garbage between brackets. */
    record Malformed(String why) implements SocketcandMessage {
    }
}
