package io.pylon4j.rs485.exchange;

import io.pylon4j.rs485.ReadResult;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485FrameReader;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The battery side of an RS485 bus, sans I/O: the twin of {@link Rs485Exchange}. Request frames are cut from the byte
 * stream with the bounded, resynchronising {@link Rs485FrameReader}; each is handed to the answerer, and the request
 * with its reply (or silence) to the sink, in stream order, for the caller to write (with whatever wire faults it
 * applies). The simulator's front end and the scale benchmark's server run on it.
 *
 * <p>A battery answers only whole, valid frames: a frame failing a framing check is dropped and counted (a real
 * module is silent then, and the master times out), and so are bytes outside any frame. Memory is bounded by the
 * frame reader's buffer. No I/O, no thread, no clock; not thread-safe (one per byte stream, one thread at a time).
 */
public final class Rs485ReplyExchange {

    /**
     * One request cut from the stream and the answerer's reply to it.
     *
     * @param request the request frame
     * @param reply   the reply frame, or empty for silence
     */
    public record Answered(Rs485Frame request, Optional<Rs485Frame> reply) {

        /**
         * Checks the components.
         *
         * @param request the request frame
         * @param reply   the reply frame, or empty for silence
         * @throws NullPointerException if one is null
         */
        public Answered {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * What the exchange has seen and answered, summed over its life.
     *
     * @param requests     request frames received whole
     * @param replies      of those, the ones answered
     * @param brokenFrames frames that failed a framing check (not answered)
     * @param noiseBytes   bytes outside any frame
     */
    public record Counters(long requests, long replies, long brokenFrames, long noiseBytes) {
    }

    private final Function<? super Rs485Frame, Optional<Rs485Frame>> answerer;
    private final Rs485FrameReader reader = new Rs485FrameReader();
    private long requests;
    private long replies;
    private long brokenFrames;
    private long failedFrameBytes;

    /**
     * An exchange answering with {@code answerer}.
     *
     * @param answerer the reply to a request frame, or empty for silence; called once per request, in stream order
     */
    public Rs485ReplyExchange(Function<? super Rs485Frame, Optional<Rs485Frame>> answerer) {
        this.answerer = Objects.requireNonNull(answerer, "answerer");
    }

    /**
     * Feeds bytes read from the line, in any chunking; each whole request is answered and handed to {@code sink}
     * before this returns.
     *
     * @param bytes  the buffer
     * @param offset where the bytes start
     * @param length how many
     * @param sink   receives each request with its reply
     * @throws IndexOutOfBoundsException if the range is not within the array
     */
    public void onBytes(byte[] bytes, int offset, int length, Consumer<? super Answered> sink) {
        Objects.requireNonNull(sink, "sink");
        reader.push(bytes, offset, length, r -> {
            if (r instanceof ReadResult.Frame f) {
                requests++;
                Optional<Rs485Frame> reply = Objects.requireNonNull(answerer.apply(f.frame()), "reply");
                if (reply.isPresent()) {
                    replies++;
                }
                sink.accept(new Answered(f.frame(), reply));
            } else {
                brokenFrames++;
                failedFrameBytes += ((ReadResult.Failure) r).discardedBytes();
            }
        });
    }

    /**
     * The counters so far.
     *
     * @return a snapshot
     */
    public Counters counters() {
        return new Counters(requests, replies, brokenFrames, reader.counters().bytesDiscarded() - failedFrameBytes);
    }
}
