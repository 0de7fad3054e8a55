package io.pylon4j.transport.contract;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ConnectionStateListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a transport's state changes and lets a test wait, with a bound, for the next one in a given state. */
public final class StateRecorder implements ConnectionStateListener {

    private final LinkedBlockingQueue<ConnectionStateChange> pending = new LinkedBlockingQueue<>();
    private final List<ConnectionStateChange> all = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void onStateChange(ConnectionStateChange change) {
        all.add(change);
        pending.add(change);
    }

    /**
     * Waits for the next change into {@code state}, skipping others.
     *
     * @throws AssertionError if none comes within {@code timeout}
     */
    public ConnectionStateChange await(ConnectionState state, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ConnectionStateChange next = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no change to " + state + " within " + timeout + "; changes so far: "
                        + states());
            }
            if (next.current() == state) {
                return next;
            }
        }
    }

    /** Every change so far, in order. */
    public List<ConnectionStateChange> changes() {
        return List.copyOf(all);
    }

    /** The states of every change so far, in order. */
    public List<ConnectionState> states() {
        List<ConnectionState> out = new ArrayList<>();
        all.forEach(c -> out.add(c.current()));
        return out;
    }
}
