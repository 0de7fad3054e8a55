package io.pylon4j.gateway;

import io.pylon4j.transport.ByteListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the RS485 frame ends (CR) a party has taken in: added to a transport after that party's own listener, it
 * runs after the party has handled the bytes (a transport calls its listeners in order, on one thread), so that a
 * test can tell when every frame written so far has been handled, without sleeping.
 */
final class FrameEnds implements ByteListener {

    private final AtomicLong ends = new AtomicLong();

    @Override
    public void onBytes(byte[] buffer, int offset, int length, long receivedNanos) {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            if (buffer[i] == '\r') {
                n++;
            }
        }
        ends.addAndGet(n);
    }

    /** {@return the frame ends taken in so far} */
    long count() {
        return ends.get();
    }
}
