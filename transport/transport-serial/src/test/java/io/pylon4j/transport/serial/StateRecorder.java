package io.pylon4j.transport.serial;

import static org.junit.jupiter.api.Assertions.fail;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ConnectionStateListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Records a transport's state changes; {@link #await} waits, bounded, for the next change into a given state. */
final class StateRecorder implements ConnectionStateListener {

    private final LinkedBlockingQueue<ConnectionStateChange> pending = new LinkedBlockingQueue<>();
    private final List<ConnectionStateChange> all = new CopyOnWriteArrayList<>();

    @Override
    public void onStateChange(ConnectionStateChange change) {
        all.add(change);
        pending.add(change);
    }

    /** The next change into {@code state}, skipping others; fails the test after {@code timeout}. */
    ConnectionStateChange await(ConnectionState state, Duration timeout) throws InterruptedException {
        return await(state, change -> true, timeout);
    }

    /** The next change into {@code state} that also matches {@code condition}; fails the test after {@code timeout}. */
    ConnectionStateChange await(ConnectionState state, Predicate<ConnectionStateChange> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ConnectionStateChange change = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (change == null) {
                fail("no matching change to " + state + " within " + timeout + "; changes so far: " + all);
            }
            if (change.current() == state && condition.test(change)) {
                return change;
            }
        }
    }

    /** Every change so far. */
    List<ConnectionStateChange> all() {
        return List.copyOf(all);
    }
}
