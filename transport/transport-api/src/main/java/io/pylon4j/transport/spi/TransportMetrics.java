package io.pylon4j.transport.spi;

import io.pylon4j.transport.TransportCounters;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters behind a transport's {@link TransportCounters}: implementations increment them, callers read
 * {@link #snapshot()}. Thread-safe and cheap to increment from an I/O thread.
 */
public final class TransportMetrics {

    private final LongAdder framesIn = new LongAdder();
    private final LongAdder framesOut = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder discardedBytes = new LongAdder();
    private final LongAdder droppedFrames = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder reconnects = new LongAdder();

    /** Counters all at zero, for one transport to own. */
    public TransportMetrics() {
        // explicit only to carry a comment: newer Javadoc (CI builds on JDK 25 too) warns of an undocumented default
    }

    /** Counts one CAN frame received and delivered. */
    public void frameIn() {
        framesIn.increment();
    }

    /** Counts one CAN frame sent. */
    public void frameOut() {
        framesOut.increment();
    }

    /**
     * Counts bytes received.
     *
     * @param n how many bytes were read
     */
    public void bytesIn(long n) {
        bytesIn.add(n);
    }

    /**
     * Counts bytes sent.
     *
     * @param n how many bytes were written
     */
    public void bytesOut(long n) {
        bytesOut.add(n);
    }

    /**
     * Counts received bytes thrown away: garbage between frames, malformed adapter replies, log lines that are
     * not frames.
     *
     * @param n how many bytes were discarded
     */
    public void discarded(long n) {
        discardedBytes.add(n);
    }

    /** Counts one frame received but not delivered (a full queue), or not sent because the link was down. */
    public void droppedFrame() {
        droppedFrames.increment();
    }

    /**
     * Counts one fault: a failed connect, a lost link, a failed write, an adapter's error reply, a listener that
     * threw.
     */
    public void error() {
        errors.increment();
    }

    /** Counts one successful connection after the first. */
    public void reconnect() {
        reconnects.increment();
    }

    /**
     * The counters now.
     *
     * @return the sums of every counter at this moment, each read once
     */
    public TransportCounters snapshot() {
        return new TransportCounters(framesIn.sum(), framesOut.sum(), bytesIn.sum(), bytesOut.sum(),
                discardedBytes.sum(), droppedFrames.sum(), errors.sum(), reconnects.sum());
    }
}
