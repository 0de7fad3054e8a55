package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.Source;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A bank event listener that throws is logged once with its stack trace through {@link System.Logger} (read here
 * through the {@code java.util.logging} handler it defaults to) and every failure is counted.
 */
class EventPublisherLoggingTest {

    @Test
    void aThrowingListenerIsLoggedOnceWithItsStackTraceAndCountedEveryTime() {
        Logger jul = Logger.getLogger("io.pylon4j.driver");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
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
        jul.addHandler(handler);
        try (EventPublisher publisher = new EventPublisher(Runnable::run)) {
            IllegalStateException bug = new IllegalStateException("listener bug");
            publisher.addListener(e -> {
                throw bug;
            });
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 4; i++) {
                publisher.submit(new BankEvent.ModuleLeft("b", t.plusSeconds(i), Source.RS485, 2));
            }

            assertThat(publisher.listenerFailures()).isEqualTo(4);
            assertThat(records).filteredOn(r -> r.getThrown() != null).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getThrown()).isSameAs(bug);
                assertThat(r.getMessage()).contains("bank event listener");
            });
        } finally {
            jul.removeHandler(handler);
        }
    }
}
