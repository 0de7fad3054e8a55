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

    public void frameIn() {
        framesIn.increment();
    }

    public void frameOut() {
        framesOut.increment();
    }

    public void bytesIn(long n) {
        bytesIn.add(n);
    }

    public void bytesOut(long n) {
        bytesOut.add(n);
    }

    public void discarded(long n) {
        discardedBytes.add(n);
    }

    public void droppedFrame() {
        droppedFrames.increment();
    }

    public void error() {
        errors.increment();
    }

    public void reconnect() {
        reconnects.increment();
    }

    /** The counters now. */
    public TransportCounters snapshot() {
        return new TransportCounters(framesIn.sum(), framesOut.sum(), bytesIn.sum(), bytesOut.sum(),
                discardedBytes.sum(), droppedFrames.sum(), errors.sum(), reconnects.sum());
    }
}
