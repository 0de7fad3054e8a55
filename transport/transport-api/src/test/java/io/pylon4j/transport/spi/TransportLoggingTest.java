package io.pylon4j.transport.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.ConnectionState;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the transports log through {@link System.Logger} (which defaults to {@code java.util.logging}, so a JUL
 * handler sees it): link up and down with the cause, a listener's exception once with its stack trace.
 */
class TransportLoggingTest {

    private final Logger jul = Logger.getLogger("io.pylon4j.transport");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level before;

    @BeforeEach
    void capture() {
        before = jul.getLevel();
        jul.setLevel(Level.ALL);
        jul.addHandler(handler);
    }

    @AfterEach
    void release() {
        jul.removeHandler(handler);
        jul.setLevel(before);
    }

    @Test
    void linkDownIsAWarningWithItsCauseAndARepeatIsQuiet() {
        ConnectionStateTracker tracker = new ConnectionStateTracker("tcp:127.0.0.1:9", new TransportMetrics());
        ConnectException refused = new ConnectException("Connection refused");

        tracker.transition(ConnectionState.CONNECTING, null, 1, Duration.ZERO);
        tracker.transition(ConnectionState.WAITING_TO_RECONNECT, refused, 1, Duration.ofSeconds(1));
        tracker.transition(ConnectionState.CONNECTING, null, 2, Duration.ZERO);
        tracker.transition(ConnectionState.WAITING_TO_RECONNECT, refused, 2, Duration.ofSeconds(2));
        tracker.transition(ConnectionState.CONNECTING, null, 3, Duration.ZERO);
        tracker.transition(ConnectionState.CONNECTED, null, 3, Duration.ZERO);

        assertThat(records).filteredOn(r -> r.getLevel() == Level.WARNING).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).isEqualTo(
                        "tcp:127.0.0.1:9: link not up: connection refused by 127.0.0.1:9; next attempt in 1000 ms"));
        assertThat(records).filteredOn(r -> r.getLevel() == Level.INFO).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).isEqualTo("tcp:127.0.0.1:9: link up (attempt 3)"));
    }

    @Test
    void aThrowingListenerIsLoggedOnceWithItsStackTraceAndEveryFailureCounted() {
        TransportMetrics metrics = new TransportMetrics();
        ConnectionStateTracker tracker = new ConnectionStateTracker("virtual:t", metrics);
        IllegalStateException boom = new IllegalStateException("listener bug");
        tracker.addListener(change -> {
            throw boom;
        });

        for (int i = 0; i < 5; i++) {
            tracker.transition(ConnectionState.CONNECTING, null, i + 1, Duration.ZERO);
        }

        assertThat(metrics.snapshot().errors()).isEqualTo(5);
        assertThat(records).filteredOn(r -> r.getThrown() != null).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getThrown()).isSameAs(boom);
            assertThat(r.getMessage()).contains("virtual:t connection state listener");
        });
    }

    @Test
    void aThrowingByteListenerIsLoggedOnceWithItsStackTrace() throws Exception {
        byte[] bytes = new byte[64];
        IllegalStateException bug = new IllegalStateException("byte listener bug");
        java.util.concurrent.CountDownLatch calls = new java.util.concurrent.CountDownLatch(2);
        try (var t = io.pylon4j.transport.stream.StreamTransports.of(new java.io.InputStream() {
            private int left = 2; // two reads of bytes, then silence until closed

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (left-- > 0) {
                    System.arraycopy(bytes, 0, b, off, Math.min(len, bytes.length));
                    return Math.min(len, bytes.length);
                }
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new java.io.InterruptedIOException("closed");
            }
        }, java.io.OutputStream.nullOutputStream(), "bytes")) {
            t.addByteListener((b, off, len, at) -> {
                calls.countDown();
                throw bug;
            });
            t.open();
            assertThat(calls.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }

        assertThat(records).filteredOn(r -> r.getThrown() == bug).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).contains("stream:bytes byte listener"));
    }

    @Test
    void afterAQuietSpellTheNextReportSaysHowManyWereOnlyCounted() {
        AtomicLong now = new AtomicLong();
        ListenerFailureLog log = new ListenerFailureLog(System.getLogger("io.pylon4j.transport"), "test",
                Duration.ofMinutes(1), now::get);
        Object listener = new Object();

        assertThat(log.failed(listener, new RuntimeException("1"))).isTrue();
        assertThat(log.failed(listener, new RuntimeException("2"))).isFalse();
        assertThat(log.failed(listener, new RuntimeException("3"))).isFalse();
        assertThat(log.failed(new Object(), new RuntimeException("other listener"))).isTrue();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(log.failed(listener, new RuntimeException("4"))).isTrue();

        assertThat(records).filteredOn(r -> r.getThrown() != null).hasSize(3).last()
                .satisfies(r -> assertThat(r.getMessage()).contains("2 more failures"));
    }
}
