package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.ManualClock;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A CAN and an RS485 I/O thread feeding one model at once: the sink sees one consistent, ordered story. */
class BankModelConcurrencyTest {

    @Test
    void twoLinksOnTwoThreadsKeepEventsAndSnapshotConsistent() throws Exception {
        List<BankEvent> events = new ArrayList<>(); // the sink runs under the model's lock
        Instant t0 = ManualClock.T0;
        BankModel model = BankModel.create("b", InverterProfile.VICTRON, events::add, t0);
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "test-io"));
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Source source : Source.values()) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 5_000; i++) {
                        Instant at = t0.plusMillis(i * 10L + source.ordinal());
                        model.onLimits(source, Limits.of(53.2, i % 3 * 10, 100), at);
                        model.onMeasurements(source, Measurements.builder().socPercent(i % 100).build(), at);
                        model.onAlarms(source, "c", i % 7 == 0
                                ? Set.of(ActiveAlarm.of(Alarm.HIGH_VOLTAGE, Alarm.Level.WARNING)) : Set.of(), at);
                        if (i % 500 == 0) {
                            model.tick(at.plus(Duration.ofSeconds(4)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        synchronized (model) {
            BankModelProperties.check(model.status(), events);
        }
        assertThat(events).isNotEmpty();
    }

    @Test
    void connectionStateChangeOverloadUsesTheCurrentState() {
        List<BankEvent> events = new ArrayList<>();
        BankModel model = BankModel.create("b", InverterProfile.VICTRON, events::add, ManualClock.T0);
        model.onLimits(Source.CAN, Limits.of(53.2, 10, 10), ManualClock.T0);
        model.onTransportState(Source.CAN, new ConnectionStateChange("socketcan:can0", ConnectionState.CONNECTED,
                ConnectionState.WAITING_TO_RECONNECT, null, 1, Duration.ofSeconds(1)), ManualClock.T0.plusSeconds(1));
        assertThat(model.status().supervisionState()).isEqualTo(SupervisionState.STALE);
        assertThat(model.status().source(Source.CAN).link()).contains(ConnectionState.WAITING_TO_RECONNECT);
    }
}
