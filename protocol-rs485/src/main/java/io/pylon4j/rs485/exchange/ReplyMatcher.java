package io.pylon4j.rs485.exchange;

import io.pylon4j.rs485.ReadResult;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Exception;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485Request;
import io.pylon4j.rs485.Rs485Response;
import io.pylon4j.rs485.exchange.Rs485Exchange.Discarded;
import io.pylon4j.rs485.exchange.Rs485Exchange.Event;
import io.pylon4j.rs485.exchange.Rs485Exchange.Reason;
import io.pylon4j.rs485.exchange.Rs485Exchange.Replied;
import java.util.Optional;

/**
 * {@link Rs485Exchange}'s matching of what the frame reader read to the request in flight, and the counts of what
 * it read: a broken frame, a frame while nothing is in flight (unasked), one in the late-reply guard (late), one that
 * does not decode against the request (not the reply), or the reply. It only sorts and counts; the exchange keeps the
 * request, the attempt and the timers, so that the rules stay in one place (its Javadoc).
 */
final class ReplyMatcher {

    /** Bytes of broken frames, which the reader counts as discarded too: noise is the rest. */
    private long failedFrameBytes;
    private long replies;
    private long brokenFrames;
    private long checksumErrors;
    private long notTheReply;
    private long unasked;
    private long late;

    /**
     * Sorts one read result and counts it.
     *
     * @param result   what the frame reader read
     * @param inFlight the request in flight, or null when none is
     * @param guarding whether the line is in the quiet guard after a response timeout
     * @param attempt  the attempt in flight, for a {@link Replied}
     * @return the event to report: {@link Replied} when the frame answers {@code inFlight}
     */
    Event match(ReadResult result, Rs485Request inFlight, boolean guarding, int attempt) {
        if (result instanceof ReadResult.Failure f) {
            brokenFrames++;
            failedFrameBytes += f.discardedBytes();
            Discarded d = new Discarded(Reason.BROKEN_FRAME, Optional.empty(), Optional.of(f.error()));
            if (d.isChecksumError()) {
                checksumErrors++;
            }
            return d;
        }
        Rs485Frame frame = ((ReadResult.Frame) result).frame();
        if (inFlight == null) {
            unasked++;
            return new Discarded(Reason.UNASKED, Optional.of(frame), Optional.empty());
        }
        if (guarding) {
            late++; // the reply to the request that timed out: whatever it decodes to, it is not the answer now
            return new Discarded(Reason.LATE, Optional.of(frame), Optional.empty());
        }
        Rs485Response response;
        try {
            response = Rs485Codec.decodeResponse(inFlight, frame);
        } catch (Rs485Exception e) {
            notTheReply++;
            return new Discarded(Reason.NOT_THE_REPLY, Optional.of(frame), Optional.of(e));
        }
        replies++;
        return new Replied(inFlight, response, attempt);
    }

    long failedFrameBytes() {
        return failedFrameBytes;
    }

    long replies() {
        return replies;
    }

    long brokenFrames() {
        return brokenFrames;
    }

    long checksumErrors() {
        return checksumErrors;
    }

    long notTheReply() {
        return notTheReply;
    }

    long unasked() {
        return unasked;
    }

    long late() {
        return late;
    }
}
