package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
import io.pylon4j.can.CanCodecException;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CandumpFormat;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.transport.replay.LogLineReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns the lines of a mixed CAN/RS485 log into JSON Lines, one object per frame line, keeping the state that
 * spans lines (an RS485 response is decoded as the answer to the request before it).
 *
 * <p>A line that is neither a CAN nor an RS485 frame (a shell prompt or a timing line in a published capture) is
 * reported as an error against the bus of the log it is in: the bus of the frame lines around it. Such lines before
 * the first frame line are held back until that frame says which bus the log is (at most {@value #MAX_HELD} lines
 * and {@value #MAX_HELD_CHARS} characters; beyond that, and at the end of a log with no frame at all, they are
 * reported as CAN), so the output keeps the input order and every line still prints exactly one object. Call
 * {@link #finish} at the end of the log.
 *
 * <p>A line longer than the reader's cap ({@link LogLineReader}, 64 KiB) is one error line whose {@code input} is
 * the line's start (a comment stays a comment however long): no frame is that long.
 *
 * <p>Not thread-safe: one decoder per log.
 */
final class LogDecoder {

    /** How many leading non-frame lines wait for the log's bus to become known. */
    static final int MAX_HELD = 256;

    /**
     * How many characters of leading non-frame lines may wait for the log's bus: with lines of up to 64 KiB,
     * {@value #MAX_HELD} of them would be 32 MB of heap before the first frame.
     */
    static final int MAX_HELD_CHARS = 1 << 20;

    private enum Bus { UNKNOWN, CAN, RS485 }

    /**
     * A non-frame line waiting for its bus, with the reason the CAN reader gave, or with the reason that holds on
     * either bus ({@code anyBusReason}, for an over-long line; null otherwise).
     */
    private record Held(String line, String canReason, String anyBusReason) {
    }

    /** How CAN frames are read, made at the log's first CAN frame: an RS485 log never loads the CAN codec's table. */
    private final Supplier<PylonCanCodec> canCodec;
    private CanLineDecoder can;
    private final Rs485LineDecoder rs485 = new Rs485LineDecoder();
    private final List<Held> held = new ArrayList<>();
    private Bus bus = Bus.UNKNOWN;
    private long heldChars;

    /** A decoder for real Pylontech behaviour on CAN, {@link PylonCanCodec#standard()}. */
    LogDecoder() {
        this(PylonCanCodec::standard);
    }

    /** A decoder whose CAN frames are read under {@code canCodec}'s profile (Victron names, Sol-Ark units, ...). */
    LogDecoder(PylonCanCodec canCodec) {
        this(() -> canCodec);
    }

    /**
     * A decoder whose CAN frames are read by the codec {@code canCodec} makes when the log's first CAN frame comes:
     * the CAN codec's table (about 120 classes and 64 lambdas) is start-up work that an RS485 log, the slower to
     * decode, does not need (benchmarks/README.md, "RS485 per line, sixth pass").
     */
    LogDecoder(Supplier<PylonCanCodec> canCodec) {
        this.canCodec = canCodec;
    }

    /**
     * Decodes one line as read by a {@link LogLineReader}: as {@link #decodeLine(String, JsonWriter)}, except that a
     * truncated line (longer than the reader's cap) that is not a comment prints one error line holding its start.
     *
     * @return false when the line was a frame line that could not be decoded, or an over-long one
     */
    boolean decodeLine(LogLineReader.Line line, JsonWriter json) {
        if (!line.truncated()) {
            return decodeLine(line.text(), json);
        }
        String text = line.text();
        if (text.strip().startsWith("#")) {
            return true;
        }
        String reason = "line too long: " + line.lengthBytes() + " bytes, more than the "
                + LogLineReader.DEFAULT_MAX_LINE_BYTES + " a line may have; \"input\" holds only its start";
        switch (bus) {
            case RS485 -> DecodeError.write(json, json.buffered(), "rs485", reason, text);
            case CAN -> DecodeError.write(json, json.buffered(), "can", reason, text);
            case UNKNOWN -> hold(new Held(text, reason, reason), json);
        }
        return false;
    }

    /**
     * Decodes one line. Blank lines and {@code #} comments print nothing.
     *
     * @return false when the line was a frame line that could not be decoded (its error object is printed now, or,
     *         for a line before the log's first frame, as soon as that frame is read)
     */
    boolean decodeLine(String line, JsonWriter json) {
        int start = 0;
        int end = line.length();
        while (start < end && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        if (start == end || line.charAt(start) == '#') {
            return true;
        }
        if (Rs485LineDecoder.looksLikeRs485(line, start)) {
            settle(Bus.RS485, json);
            return rs485.decode(line, json);
        }
        CanFrame frame;
        try {
            frame = CandumpFormat.parseFrame(line);
        } catch (CanCodecException e) {
            return notAFrame(line, e.getMessage(), json);
        }
        settle(Bus.CAN, json);
        if (can == null) {
            can = new CanLineDecoder(canCodec.get());
        }
        return can.decode(frame, line, json);
    }

    /** Reports any lines still waiting for the log's bus (as CAN, the log having shown no frame to tell). */
    void finish(JsonWriter json) {
        settle(Bus.CAN, json);
    }

    private boolean notAFrame(String line, String canReason, JsonWriter json) {
        switch (bus) {
            case RS485 -> rs485.decode(line, json);
            case CAN -> DecodeError.write(json, json.buffered(), "can", canReason, line);
            case UNKNOWN -> hold(new Held(line, canReason, null), json);
        }
        return false;
    }

    private void hold(Held line, JsonWriter json) {
        held.add(line);
        heldChars += line.line().length();
        if (held.size() >= MAX_HELD || heldChars >= MAX_HELD_CHARS) {
            settle(Bus.CAN, json);
        }
    }

    private void settle(Bus known, JsonWriter json) {
        if (held.isEmpty()) { // every frame line once the bus is known: no iterator to make
            bus = known;
            return;
        }
        if (bus == Bus.UNKNOWN) {
            bus = known;
        }
        for (Held h : held) {
            if (h.anyBusReason() != null) {
                DecodeError.write(json, json.buffered(), known == Bus.RS485 ? "rs485" : "can", h.anyBusReason(), h.line());
            } else if (known == Bus.RS485) {
                rs485.decode(h.line(), json);
            } else {
                DecodeError.write(json, json.buffered(), "can", h.canReason(), h.line());
            }
        }
        held.clear();
        heldChars = 0;
        bus = known;
    }
}
