package io.pylon4j.rs485.exchange;

import io.pylon4j.rs485.ChecksumMismatchException;
import io.pylon4j.rs485.LengthChecksumException;
import io.pylon4j.rs485.ReadResult;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Exception;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485FrameCodec;
import io.pylon4j.rs485.Rs485FrameReader;
import io.pylon4j.rs485.Rs485Request;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The master side of an RS485 bus, sans I/O: one request in flight, its timeout and retries, waiting while a reply is
 * still arriving, matching a reply to its request, and the counters. The driver's poll and the address scanner run on
 * it; they only wire it to their transport and timer.
 *
 * <p>How it is driven (one thread at a time; the caller's lock):
 * <ol>
 *   <li>{@link #send(Rs485Request, int)} returns a {@link Transmit}: arm a timer for its {@link Transmit#timeout()}
 *       first (a transport may hand over the reply before {@code write} returns), then write its
 *       {@link Transmit#bytes()};</li>
 *   <li>every byte read goes to {@link #onBytes}, which reports, in stream order, the {@link Replied} reply (the
 *       request is then done and another may be sent, even from within the sink) or what was {@link Discarded};</li>
 *   <li>when the armed timer fires, {@link #onTimeout(long, Consumer)} with the timer's number says what to do next:
 *       {@link Transmit} again (a retry), {@link Wait} longer (a reply is still arriving), {@link GiveUp}, or
 *       {@link Ignore} (a timer of an exchange that already ended).</li>
 * </ol>
 *
 * <p>The rules (they were the driver's, docs/protocol.md §2.3):
 * <ul>
 *   <li>A reply matches when it decodes against the request in flight ({@link Rs485Codec#decodeResponse}): its ADR
 *       is the request's, its return code one the request can get, and its INFO fits the request's layout: long
 *       enough for every field and not longer than the layout (with its counts) plus
 *       {@link Rs485Codec#trailingBytesTolerated} (a reply names no command, so its length is what tells a late
 *       reply to another command from the answer). Anything else is counted and
 *       {@linkplain Reason#NOT_THE_REPLY discarded}, and the request keeps waiting: a good reply may still follow.
 *       A battery's "no" (RTN ≠ 0) is a match, decoded to a {@link io.pylon4j.rs485.Rejection}.</li>
 *   <li>After a response timeout the line is given a quiet guard ({@link Settings#lateReplyGuard()}) before the
 *       next write, a retry or (after a {@link GiveUp}) the next request: a frame arriving in it is the late reply to
 *       the request that timed out and is {@linkplain Reason#LATE counted and discarded}, never taken as the answer to
 *       what is written next. While bytes keep arriving the guard is extended until the line has been quiet for a
 *       whole guard, while the wait and its extensions have not yet reached {@link Settings#maxReplyWireTime()}
 *       (the two share that bound, so a babbling line holds a request at most one guard longer than it did without
 *       one). No guard when nothing timed out: the
 *       next request still goes out as soon as a reply is read.</li>
 *   <li>A frame while nothing is in flight (a reply after its request was given up, or one nobody asked for) is
 *       {@linkplain Reason#UNASKED counted and discarded}, never matched to a later request.</li>
 *   <li>When the timeout falls while bytes of an unfinished frame came in since the wait began or was last extended
 *       (a long reply at 9600 baud), the wait is extended by one more timeout, up to {@link Settings#maxReplyWireTime()}
 *       in all: a retry written into a reply still on the half-duplex line would collide with it. Otherwise the
 *       unfinished frame is dropped ({@link Rs485FrameReader#endOfInput}, {@linkplain Reason#BROKEN_FRAME discarded}),
 *       and the request is written again while retries are left, then given up.</li>
 *   <li>Memory is bounded by the frame reader's buffer ({@link Rs485FrameCodec#MAX_FRAME_LENGTH}); nothing queues.</li>
 * </ul>
 *
 * <p>No clock of its own: the caller's timer measures the delays it is given (on its scheduler's monotonic clock),
 * and each armed wait has a number, so a timer that fires after its exchange ended (a race with the reply) is
 * {@link Ignore}d rather than timing out the next request. The counters are plain sums over the exchange's life.
 */
public final class Rs485Exchange {

    /**
     * The longest a wait is extended while a reply is still arriving: the longest frame the LENGTH field allows (4113
     * bytes, {@link Rs485FrameCodec#MAX_FRAME_LENGTH}) at 9600 baud, 10 bits a byte (docs/protocol.md §2.1), about
     * 4.3 s. A line that babbles an endless frame cannot hold the exchange beyond it.
     */
    public static final Duration MAX_REPLY_WIRE_TIME =
            Duration.ofNanos(Rs485FrameCodec.MAX_FRAME_LENGTH * 10L * 1_000_000_000L / 9600);

    /**
     * How long to wait for a reply, how often to ask again, and how long the line stays quiet after a timeout.
     *
     * @param responseTimeout  how long a request waits for its reply (and each extension while it arrives); positive
     * @param retries          how often an unanswered request is written again before it is given up; at least 0
     * @param maxReplyWireTime the most the wait (or the guard) is extended for a reply still arriving;
     *                         {@link Duration#ZERO} never extends it
     * @param lateReplyGuard   how long the line must stay quiet after a response timeout before the next write, the
     *                         frames arriving meanwhile {@linkplain Reason#LATE discarded as late};
     *                         {@link Duration#ZERO} for none (a caller that keeps its own gap after a timeout, and
     *                         treats what arrives in it as unasked, as the address scanner does)
     */
    public record Settings(Duration responseTimeout, int retries, Duration maxReplyWireTime, Duration lateReplyGuard) {

        /**
         * Checks the settings.
         *
         * @param responseTimeout  how long a request waits for its reply; positive
         * @param retries          how often an unanswered request is written again; at least 0
         * @param maxReplyWireTime the most the wait is extended for a reply still arriving; at least 0
         * @param lateReplyGuard   how long the line stays quiet after a timeout; at least 0
         * @throws IllegalArgumentException if the timeout is not positive, retries negative, the extension or the
         *                                  guard negative
         */
        public Settings {
            Objects.requireNonNull(responseTimeout, "responseTimeout");
            Objects.requireNonNull(maxReplyWireTime, "maxReplyWireTime");
            Objects.requireNonNull(lateReplyGuard, "lateReplyGuard");
            if (responseTimeout.isZero() || responseTimeout.isNegative() || retries < 0
                    || maxReplyWireTime.isNegative() || lateReplyGuard.isNegative()) {
                throw new IllegalArgumentException("need a positive timeout, retries ≥ 0, an extension ≥ 0 and a "
                        + "guard ≥ 0: " + responseTimeout + ", " + retries + ", " + maxReplyWireTime + ", "
                        + lateReplyGuard);
            }
        }

        /**
         * Settings without a late-reply guard (the shape before it was added).
         *
         * @param responseTimeout  how long a request waits for its reply; positive
         * @param retries          how often an unanswered request is written again; at least 0
         * @param maxReplyWireTime the most the wait is extended for a reply still arriving; at least 0
         * @throws IllegalArgumentException if the timeout is not positive, retries negative or the extension negative
         */
        public Settings(Duration responseTimeout, int retries, Duration maxReplyWireTime) {
            this(responseTimeout, retries, maxReplyWireTime, Duration.ZERO);
        }
    }

    /** What the caller does next; from {@link #send} and {@link #onTimeout}. */
    public sealed interface Action permits Transmit, Wait, GiveUp, Ignore {
    }

    /**
     * Write the request and arm a timer: the first attempt or a retry.
     *
     * @param request the request
     * @param attempt 0 for the first write, 1 for the first retry, …
     * @param timeout how long to wait for its reply: arm the timer before writing
     * @param timer   the number to give {@link #onTimeout(long, Consumer)} when that timer fires
     */
    public record Transmit(Rs485Request request, int attempt, Duration timeout, long timer) implements Action {

        /**
         * The bytes to write.
         *
         * @return the request's frame, encoded (a new array)
         */
        public byte[] bytes() {
            return request.toFrame().encode();
        }
    }

    /**
     * Arm the timer again, without writing: a reply is still arriving, or the line is kept quiet after a timeout (the
     * {@linkplain Settings#lateReplyGuard() late-reply guard}).
     *
     * @param timeout how long
     * @param timer   the number to give {@link #onTimeout(long, Consumer)}
     */
    public record Wait(Duration timeout, long timer) implements Action {
    }

    /**
     * The request got no reply in its attempts and is given up; the exchange is free for the next.
     *
     * @param request  the request
     * @param attempts how often it was written
     */
    public record GiveUp(Rs485Request request, int attempts) implements Action {
    }

    /** Nothing to do: the timer belonged to an exchange that has already ended. */
    public record Ignore() implements Action {
    }

    /** What {@link #onBytes} and {@link #onTimeout} report through their sink. */
    public sealed interface Event permits Replied, Discarded {
    }

    /**
     * The reply to the request in flight, decoded against it; the exchange is free for the next request.
     *
     * @param request  the request
     * @param response the decoded reply (a {@link io.pylon4j.rs485.Rejection} when the battery said no)
     * @param attempt  the attempt it answered (0 for the first write)
     */
    public record Replied(Rs485Request request, io.pylon4j.rs485.Rs485Response response, int attempt)
            implements Event {
    }

    /** Why a frame (or what began as one) was thrown away. */
    public enum Reason {
        /** It failed a framing check (checksum, length, a stray character, cut short). */
        BROKEN_FRAME,
        /** A good frame that does not answer the request in flight: another ADR, CID1, return code or INFO. */
        NOT_THE_REPLY,
        /** A good frame while no request was in flight: late after its request was given up, or unasked. */
        UNASKED,
        /**
         * A good frame in the quiet guard after a response timeout: the late reply to the request that timed out,
         * never taken as the answer to the next one.
         */
        LATE
    }

    /**
     * A frame, or the start of one, thrown away and counted.
     *
     * @param reason why
     * @param frame  the frame, when it was a good one ({@link Reason#NOT_THE_REPLY}, {@link Reason#UNASKED},
     *               {@link Reason#LATE})
     * @param error  what was wrong with it, when something was ({@link Reason#BROKEN_FRAME}, {@link Reason#NOT_THE_REPLY})
     */
    public record Discarded(Reason reason, Optional<Rs485Frame> frame, Optional<Rs485Exception> error)
            implements Event {

        /**
         * Whether it failed CHKSUM or LCHKSUM (docs/protocol.md §2.2): noise on the line, bad termination.
         *
         * @return true for a checksum error
         */
        public boolean isChecksumError() {
            return error.filter(e -> e instanceof ChecksumMismatchException || e instanceof LengthChecksumException)
                    .isPresent();
        }
    }

    /**
     * What the exchange has done and seen, summed over its life.
     *
     * @param writes        requests written, retries included
     * @param retries       requests written again after a timeout
     * @param extensions    waits extended for a reply still arriving
     * @param giveUps       requests given up unanswered
     * @param replies       replies matched to their request (rejections included)
     * @param brokenFrames  frames that failed a framing check
     * @param checksumErrors of those, the ones failing CHKSUM or LCHKSUM
     * @param notTheReply   good frames that did not answer the request in flight
     * @param unasked       good frames while nothing was in flight
     * @param noiseBytes    bytes outside any frame (before a {@code '~'})
     * @param late          good frames in the quiet guard after a timeout ({@link Reason#LATE})
     * @param guards        quiet guards kept after a timeout, extensions while the line was busy included
     */
    public record Counters(long writes, long retries, long extensions, long giveUps, long replies, long brokenFrames,
                           long checksumErrors, long notTheReply, long unasked, long noiseBytes, long late,
                           long guards) {
    }

    private final Settings settings;
    private final Rs485FrameReader reader = new Rs485FrameReader();
    private Rs485Request inFlight;
    private int attempt;
    private int retriesAllowed;
    private long timer;
    private final ReplyWait replyWait;
    private final LateReplyGuard guard;
    private final ReplyMatcher matcher = new ReplyMatcher();
    private long writes;
    private long retries;
    private long giveUps;

    /**
     * An idle exchange.
     *
     * @param settings its timeout, retries and longest extension
     */
    public Rs485Exchange(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.replyWait = new ReplyWait(settings.responseTimeout(), settings.maxReplyWireTime());
        this.guard = new LateReplyGuard(settings.lateReplyGuard());
    }

    /**
     * Sends {@code request} with the settings' retries.
     *
     * @param request the request
     * @return what to write and how long to wait
     * @throws IllegalStateException if a request is in flight
     */
    public Transmit send(Rs485Request request) {
        return send(request, settings.retries());
    }

    /**
     * Sends {@code request}, written again at most {@code retries} times when unanswered (0 for a probe).
     *
     * @param request the request
     * @param retries how often to write it again; at least 0
     * @return what to write and how long to wait
     * @throws IllegalStateException    if a request is in flight
     * @throws IllegalArgumentException if {@code retries} is negative
     */
    public Transmit send(Rs485Request request, int retries) {
        Objects.requireNonNull(request, "request");
        if (inFlight != null) {
            throw new IllegalStateException("a request is in flight: " + inFlight);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries < 0: " + retries);
        }
        inFlight = request;
        retriesAllowed = retries;
        attempt = 0;
        return transmit();
    }

    private Transmit transmit() {
        writes++;
        replyWait.restart();
        guard.end();
        return new Transmit(inFlight, attempt, settings.responseTimeout(), ++timer);
    }

    /**
     * The request in flight.
     *
     * @return it, or empty when the exchange is free
     */
    public Optional<Rs485Request> inFlight() {
        return Optional.ofNullable(inFlight);
    }

    /**
     * Feeds bytes read from the line, in any chunking; reports each reply or discard through {@code sink}, in stream
     * order, before it returns. The sink may {@link #send} the next request when told {@link Replied}.
     *
     * @param bytes  the buffer
     * @param offset where the bytes start
     * @param length how many
     * @param sink   receives the events
     * @throws IndexOutOfBoundsException if the range is not within the array
     */
    public void onBytes(byte[] bytes, int offset, int length, Consumer<? super Event> sink) {
        Objects.requireNonNull(sink, "sink");
        reader.push(bytes, offset, length, r -> onResult(r, sink));
        if (inFlight != null && reader.pendingBytes() > 0) {
            replyWait.onReplyBytes();
        }
        guard.onBytes(length);
    }

    private void onResult(ReadResult result, Consumer<? super Event> sink) {
        Event event = matcher.match(result, inFlight, guard.active(), attempt);
        if (event instanceof Replied) {
            inFlight = null; // free before the sink runs: it may send the next request
            timer++;          // the armed timer is now stale
        }
        sink.accept(event);
    }

    /**
     * The timer armed for a {@link Transmit} or {@link Wait} fired: extend, retry or give up.
     *
     * @param timer the number of that {@link Transmit} or {@link Wait}
     * @param sink  receives a reply's unfinished start, dropped as {@link Reason#BROKEN_FRAME}
     * @return what to do next; {@link Ignore} if the timer is not the current one
     */
    public Action onTimeout(long timer, Consumer<? super Event> sink) {
        Objects.requireNonNull(sink, "sink");
        if (inFlight == null || timer != this.timer) {
            return new Ignore();
        }
        if (guard.active()) {
            return endGuard(sink);
        }
        if (replyWait.replyStillArriving(reader.pendingBytes())) {
            // the reply is on its way (a slow baud rate, a long stack): wait for it rather than talk over it
            return new Wait(replyWait.extendForReply(), ++this.timer);
        }
        reader.endOfInput(r -> onResult(r, sink)); // a reply cut short must not merge with the next one
        if (guard.enabled()) {
            // a reply may still come: keep the line quiet, so that it cannot be read as the next request's answer
            return new Wait(guard.begin(), ++this.timer);
        }
        return retryOrGiveUp();
    }

    /** The guard after a timeout fell: extend it while the line is busy, else retry or give up. */
    private Action endGuard(Consumer<? super Event> sink) {
        if (guard.lineBusy() && replyWait.withinWireTime()) {
            // a late reply is still on the line: writing now would collide with it on the half-duplex bus
            Duration more = guard.extend();
            replyWait.spend(more);
            return new Wait(more, ++this.timer);
        }
        reader.endOfInput(r -> onResult(r, sink)); // the late reply's unfinished rest must not merge with the next
        guard.end();
        return retryOrGiveUp();
    }

    private Action retryOrGiveUp() {
        if (attempt < retriesAllowed) {
            attempt++;
            retries++;
            return transmit();
        }
        Rs485Request request = inFlight;
        inFlight = null;
        this.timer++;
        giveUps++;
        return new GiveUp(request, attempt + 1);
    }

    /**
     * Bytes of a frame still arriving.
     *
     * @return 0 between frames
     */
    public int pendingBytes() {
        return reader.pendingBytes();
    }

    /**
     * The counters so far.
     *
     * @return a snapshot
     */
    public Counters counters() {
        return new Counters(writes, retries, replyWait.extensions(), giveUps, matcher.replies(), matcher.brokenFrames(),
                matcher.checksumErrors(), matcher.notTheReply(), matcher.unasked(),
                reader.counters().bytesDiscarded() - matcher.failedFrameBytes(), matcher.late(), guard.guards());
    }

    /**
     * The frame reader's own counters (every byte accounted for: in frames, discarded, pending).
     *
     * @return a snapshot
     */
    public Rs485FrameReader.Counters readerCounters() {
        return reader.counters();
    }
}
