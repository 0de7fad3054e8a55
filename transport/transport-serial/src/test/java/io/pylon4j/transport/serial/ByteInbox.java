package io.pylon4j.transport.serial;

import static org.junit.jupiter.api.Assertions.fail;

import io.pylon4j.transport.ByteListener;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Collects bytes from any thread (a transport's listener, a pty reader) and hands them to the test in order, with a
 * bounded wait: {@code take(n, timeout)} returns exactly the next n bytes or fails the test.
 */
public final class ByteInbox implements ByteListener {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int taken;

    @Override
    public void onBytes(byte[] buffer, int offset, int length, long receivedNanoTime) {
        add(buffer, offset, length);
    }

    void add(byte[] buffer, int offset, int length) {
        lock.lock();
        try {
            bytes.write(buffer, offset, length);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The next {@code n} bytes, waiting at most {@code timeout} for them. */
    byte[] take(int n, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (bytes.size() - taken < n) {
                if (left <= 0) {
                    byte[] have = Arrays.copyOfRange(bytes.toByteArray(), taken, bytes.size());
                    fail("expected " + n + " bytes within " + timeout + ", got " + have.length + ": "
                            + HexFormat.ofDelimiter(" ").formatHex(have));
                }
                left = arrived.awaitNanos(left);
            }
            byte[] out = Arrays.copyOfRange(bytes.toByteArray(), taken, taken + n);
            taken += n;
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes received and not taken yet. */
    int available() {
        lock.lock();
        try {
            return bytes.size() - taken;
        } finally {
            lock.unlock();
        }
    }
}
