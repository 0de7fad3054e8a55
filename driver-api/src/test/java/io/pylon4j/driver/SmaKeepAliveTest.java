package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanMessage;
import io.pylon4j.can.CanProfile;
import io.pylon4j.can.InverterKeepAlive;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.SmaMeasurements;
import io.pylon4j.can.VictronIdentity;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.virtual.VirtualCanBus;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SMA's 0x305 with the inverter's measurement (docs/protocol.md §1.4, [SMA] §6): what the driver sends decodes, with the SMA
 * CAN profile, to the values the caller supplied; with none it is the generic 8 × 00; other profiles are unchanged.
 */
class SmaKeepAliveTest {

    static final PylonCanCodec SMA_CODEC = new PylonCanCodec(CanProfile.SMA);

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final FakeCanTransport bus = new FakeCanTransport();
    PylonDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    void start(InverterProfile profile, InverterMeasurementSource source) {
        driver = PylonDriver.can(bus, DriverOptions.builder("sma").profile(profile).time(clock).scheduler(scheduler)
                .eventExecutor(new ManualExecutor()).inverterMeasurements(source).build());
        driver.start();
    }

    List<CanMessage> sent(PylonCanCodec codec) {
        return bus.sent.stream().map(codec::decode).toList();
    }

    @Test
    void eachKeepAliveCarriesTheNewestSuppliedMeasurementWithSmaSignAndUnits() {
        ArrayDeque<InverterMeasurement> values = new ArrayDeque<>(List.of(
                new InverterMeasurement(52.3, 12.5, 21.4, 67.8),     // charging 12.5 A → SMA -125
                new InverterMeasurement(51.05, -40.0, -3.2, 66.0))); // discharging → SMA +400; 51.05 rounds up
        start(InverterProfile.SMA, () -> Optional.ofNullable(values.poll()));
        scheduler.advance(Duration.ofMillis(2500));
        assertThat(sent(SMA_CODEC)).containsExactly(
                new SmaMeasurements(523, -125, 214, 678),
                new SmaMeasurements(511, 400, -32, 660),
                SMA_CODEC.decode(InverterKeepAliveFrame.zeros())); // the source ran dry: 8 × 00
        assertThat(bus.sent.get(0).dataHex()).isEqualToIgnoringCase("0B0283FFD600A602");
        assertThat(bus.sent).allMatch(f -> f.id() == 0x305 && f.length() == 8);
        assertThat(driver.counters().keepAlivesSent()).isEqualTo(3);
        assertThat(driver.counters().inverterMeasurementsMissing()).isEqualTo(1); // the third
        assertThat(driver.counters().inverterMeasurementFailures()).isZero();
    }

    @Test
    void withoutASourceSmaSendsTheGenericZeroKeepAlive() {
        start(InverterProfile.SMA, InverterMeasurementSource.NONE);
        scheduler.advance(Duration.ofMillis(1500));
        assertThat(sent(PylonCanCodec.standard())).containsExactly(InverterKeepAlive.ZEROS, InverterKeepAlive.ZEROS);
        assertThat(driver.counters().inverterMeasurementsMissing()).isEqualTo(2); // no measurement, no failure
        assertThat(driver.counters().inverterMeasurementFailures()).isZero();
    }

    @Test
    void aFailingOrNullSourceStillLetsTheKeepAliveGoOut() {
        int[] calls = {0};
        start(InverterProfile.SMA, () -> {
            calls[0]++;
            if (calls[0] == 1) {
                throw new IllegalStateException("meter not ready");
            }
            return calls[0] == 2 ? null : Optional.of(new InverterMeasurement(50, 0, 25, 50));
        });
        scheduler.advance(Duration.ofMillis(2500));
        assertThat(sent(SMA_CODEC)).containsExactly(SMA_CODEC.decode(InverterKeepAliveFrame.zeros()),
                SMA_CODEC.decode(InverterKeepAliveFrame.zeros()), new SmaMeasurements(500, 0, 250, 500));
        assertThat(calls[0]).isEqualTo(3);
        // "Count what you drop": the throw and the null are failures; the keep-alive went out all the same
        assertThat(driver.counters().inverterMeasurementFailures()).isEqualTo(2);
        assertThat(driver.counters().inverterMeasurementsMissing()).isZero();
        assertThat(driver.counters().keepAlivesSent()).isEqualTo(3);
    }

    @Test
    void profilesWithoutValuesIgnoreTheSource() {
        InverterMeasurementSource source = () -> Optional.of(new InverterMeasurement(52, 10, 20, 50));
        start(InverterProfile.GENERIC_PYLON, source);
        scheduler.advance(Duration.ofMillis(1500));
        assertThat(sent(PylonCanCodec.standard())).containsExactly(InverterKeepAlive.ZEROS, InverterKeepAlive.ZEROS);
        assertThat(driver.counters().inverterMeasurementsMissing()).isZero(); // the source is not even asked
        assertThat(driver.counters().inverterMeasurementFailures()).isZero();
        driver.close();
        bus.sent.clear();
        start(InverterProfile.VICTRON, source);
        scheduler.advance(Duration.ofMillis(500));
        assertThat(sent(PylonCanCodec.standard())).containsExactly(InverterKeepAlive.ZEROS, VictronIdentity.VICTRON);
    }

    @Test
    void measurementsOutsideTheWireRangesAreRefusedWhenMade() {
        assertThatThrownBy(() -> new InverterMeasurement(-1, 0, 20, 50)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("voltageVolts");
        assertThatThrownBy(() -> new InverterMeasurement(52, 0, 20, 100.1))
                .hasMessageContaining("socPercent");
        assertThatThrownBy(() -> new InverterMeasurement(52, Double.NaN, 20, 50)).hasMessageContaining("currentAmps");
        assertThatThrownBy(() -> new InverterMeasurement(52, 0, 3300, 50)).hasMessageContaining("temperatureCelsius");
        assertThat(new InverterMeasurement(6553.5, -3276.7, -3276.8, 100).toSmaMeasurements())
                .isEqualTo(new SmaMeasurements(65535, 32767, -32768, 1000));
    }

    @Test
    void aBatteryOnTheVirtualBusDecodesTheSuppliedValues() throws Exception {
        VirtualCanBus virtualBus = new VirtualCanBus("sma-keepalive");
        CanTransport battery = virtualBus.newMember();
        CanTransport inverterSide = virtualBus.newMember();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "pylon4j-test-timers"));
        ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "pylon4j-test-events"));
        try {
            CompletableFuture<SmaMeasurements> received = new CompletableFuture<>();
            battery.addFrameListener((f, t) -> {
                if (f.id() == SmaMeasurements.ID && SMA_CODEC.decode(f) instanceof SmaMeasurements m) {
                    received.complete(m);
                }
            });
            battery.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (PylonDriver real = PylonDriver.can(inverterSide, DriverOptions.builder("sma-it")
                    .profile(InverterProfile.SMA).scheduler(Scheduler.of(timers)).eventExecutor(events)
                    .inverterMeasurements(() -> Optional.of(new InverterMeasurement(53.1, -20.0, 24.0, 88.5)))
                    .build())) {
                real.start();
                assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(new SmaMeasurements(531, 200, 240, 885));
            }
        } finally {
            battery.close();
            inverterSide.close();
            timers.shutdownNow();
            events.shutdownNow();
            assertThat(timers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The 8 × 00 keep-alive frame, for decoding with the SMA profile (where it reads as zero values). */
    static final class InverterKeepAliveFrame {
        static io.pylon4j.can.CanFrame zeros() {
            return PylonCanCodec.standard().encode(InverterKeepAlive.ZEROS);
        }
    }
}
