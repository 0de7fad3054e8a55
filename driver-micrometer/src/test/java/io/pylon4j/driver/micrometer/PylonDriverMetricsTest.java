package io.pylon4j.driver.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pylon4j.can.CanFrame;
import io.pylon4j.driver.BankField;
import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.driver.SupervisionTicker;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.time.ManualTimeSource;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.virtual.VirtualCanBus;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The binder against a real driver reading a simulated US3000C bank over the in-memory CAN bus. The simulator runs
 * on its manual scheduler and the driver on a clock the test moves; the driver's own scheduler never fires, so
 * counters stand still between the test's steps. Waits are on a semaphore released per delivered frame.
 */
class PylonDriverMetricsTest {

    static final String BANK = "garage,1=\"x\"";

    final ManualTimeSource clock = new ManualTimeSource(Instant.parse("2026-11-24T08:00:00Z"));
    final Scheduler idle = (task, initialDelay, period) -> () -> { }; // keep-alives and ticks never run
    final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "pylon4j-test-events"));
    final VirtualCanBus bus = new VirtualCanBus("micrometer-test");
    final CanTransport inverterSide = bus.newMember();
    final CanTransport noise = bus.newMember();
    final ManualScheduler simTime = new ManualScheduler();
    final SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).stateOfCharge(60)
            .build();
    final CanTransport batterySide = bus.newMember();
    final SimulatorServer server = SimulatorServer.builder(bank).can(batterySide).scheduler(simTime).build();
    final Semaphore delivered = new Semaphore(0);
    final AtomicInteger sent = new AtomicInteger();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PylonDriver driver;

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.close();
        }
        server.close();
        inverterSide.close();
        noise.close();
        events.shutdownNow();
        assertThat(events.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    PylonDriverMetrics startDriver() throws Exception {
        driver = PylonDriver.can(inverterSide, DriverOptions.builder(BANK).time(clock).scheduler(idle)
                .ticker(new SupervisionTicker(clock, idle)).eventExecutor(events).build());
        inverterSide.addFrameListener((f, t) -> delivered.release()); // after the driver's own listener
        PylonDriverMetrics metrics = new PylonDriverMetrics(driver, Tags.of("site", "test"));
        metrics.bindTo(registry);
        driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.can().orElseThrow().onCycle(frames -> sent.addAndGet(frames.size()));
        server.start();
        Links.awaitConnected(batterySide); // frames sent before would go nowhere
        return metrics;
    }

    /** Runs {@code cycles} CAN cycles of the simulator and waits until the driver has seen every frame. */
    void cycles(int cycles) throws InterruptedException {
        int before = sent.get();
        for (int i = 0; i < cycles; i++) {
            simTime.advance(i == 0 ? Duration.ZERO : Duration.ofSeconds(1));
        }
        assertThat(delivered.tryAcquire(sent.get() - before, 10, TimeUnit.SECONDS)).as("frames delivered").isTrue();
    }

    double counter(String name) {
        FunctionCounter c = registry.find(name).tags("bank", BANK, "site", "test").functionCounter();
        assertThat(c).as(name).isNotNull();
        return c.count();
    }

    double gauge(String name, String... tags) {
        Gauge g = registry.find(name).tags("bank", BANK, "site", "test").tags(tags).gauge();
        assertThat(g).as(name + " " + String.join(",", tags)).isNotNull();
        return g.value();
    }

    @Test
    void metersArePresentTaggedAndFollowTheDriver() throws Exception {
        PylonDriverMetrics metrics = startDriver();
        assertThat(metrics.tags()).contains(io.micrometer.core.instrument.Tag.of("bank", BANK));
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("bank")).isEqualTo(BANK))
                .allSatisfy(m -> assertThat(m.getId().getTag("site")).isEqualTo("test"));
        assertThat(gauge("pylon4j.supervision.state", "state", "CONNECTING")).isEqualTo(1);
        assertThat(gauge("pylon4j.field.age", "field", "limits")).isNaN();
        assertThat(gauge("pylon4j.link.up", "source", "CAN")).isEqualTo(1); // the virtual bus is up
        assertThat(gauge("pylon4j.link.up", "source", "RS485")).isNaN(); // this driver has no RS485 link

        cycles(3);
        int frames = sent.get();
        assertThat(frames).isGreaterThanOrEqualTo(3 * 5); // a Pylon V1.2 set: 0x351, 0x355, 0x356, 0x359, 0x35C, …
        assertThat(counter("pylon4j.can.frames")).isEqualTo(frames).isEqualTo(driver.counters().canFrames());
        assertThat(counter("pylon4j.can.malformed")).isZero();
        assertThat(gauge("pylon4j.supervision.state", "state", "FRESH")).isEqualTo(1);
        assertThat(gauge("pylon4j.supervision.state", "state", "CONNECTING")).isZero();

        clock.advance(Duration.ofMillis(2500));
        assertThat(gauge("pylon4j.field.age", "field", "limits")).isCloseTo(2.5, within(1e-9));
        assertThat(gauge("pylon4j.field.age", "field", "soc")).isCloseTo(2.5, within(1e-9));
        assertThat(gauge("pylon4j.field.age", "field", "module_details")).isNaN(); // CAN has no per-module data
        assertThat(gauge("pylon4j.supervision.state.age")).isCloseTo(2.5, within(1e-9));
        // every frame arrived within the 2.5 s since the binder took its first sample
        assertThat(gauge("pylon4j.can.frames.per.second")).isCloseTo(frames / 2.5, within(1e-9));
        assertThat(gauge("pylon4j.rs485.replies.per.second")).isZero();

        noise.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        noise.send(CanFrame.of(0x351, new byte[] {1, 2}));   // too short: malformed
        noise.send(CanFrame.of(0x123, new byte[] {1}));      // not a Pylon id
        // CVL and DVL 0xFFFF ("invalid"), CCL and DCL 3276.7 A: refused by the plausibility gate
        noise.send(CanFrame.of(0x351, new byte[] {-1, -1, -1, 0x7F, -1, 0x7F, -1, -1}));
        assertThat(delivered.tryAcquire(3, 10, TimeUnit.SECONDS)).isTrue();
        assertThat(counter("pylon4j.can.malformed")).isEqualTo(1);
        assertThat(counter("pylon4j.can.unknown")).isEqualTo(1);
        assertThat(counter("pylon4j.limits.implausible")).isEqualTo(1);
        assertThat(counter("pylon4j.can.frames")).isEqualTo(frames + 3);
        clock.advance(Duration.ofMillis(2500));
        assertThat(gauge("pylon4j.bad.frames.per.second")).isCloseTo(1 / 5.0, within(1e-9));

        everyCounterMeterHasTheDriversValue();
    }

    @Test
    void closingTheDriverRemovesTheMetersAndLaterBindsRegisterNothing() throws Exception {
        PylonDriverMetrics metrics = startDriver();
        int perBank = PylonDriverMetrics.COUNTERS.size() + PylonDriverMetrics.GAUGES.size() + 3
                + SupervisionState.values().length + 1
                + io.pylon4j.driver.Source.values().length + BankField.values().length;
        assertThat(registry.getMeters()).hasSize(perBank);
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        metrics.bindTo(second);
        assertThat(second.getMeters()).hasSize(perBank);
        driver.close();
        assertThat(registry.getMeters()).isEmpty();
        assertThat(second.getMeters()).isEmpty();
        metrics.bindTo(registry);
        assertThat(registry.getMeters()).isEmpty();
        metrics.close(); // idempotent
    }

    @Test
    void closingTheBinderRemovesOnlyItsMeters() throws Exception {
        PylonDriverMetrics metrics = startDriver();
        registry.counter("someone.else").increment();
        metrics.close();
        assertThat(registry.getMeters()).extracting(m -> m.getId().getName()).containsExactly("someone.else");
    }

    @Test
    void aCallerBankTagIsRejected() throws Exception {
        startDriver();
        assertThatThrownBy(() -> new PylonDriverMetrics(driver, Tags.of("bank", "other")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bank");
    }

    void everyCounterMeterHasTheDriversValue() {
        DriverCounters counters = driver.counters(); // quiescent: no frames in flight, no scheduler running
        for (RecordComponent rc : DriverCounters.class.getRecordComponents()) {
            PylonDriverMetrics.CounterMeter meter = PylonDriverMetrics.COUNTERS.stream()
                    .filter(c -> c.component().equals(rc.getName())).findFirst().orElse(null);
            if (meter == null) { // a gauge component (the silent groups now)
                meter = PylonDriverMetrics.GAUGES.stream().filter(c -> c.component().equals(rc.getName()))
                        .findFirst().orElseThrow(() -> new AssertionError("no meter for counter " + rc.getName()));
                assertThat(gauge(meter.name())).as(meter.name())
                        .isEqualTo(PylonDriverMetricsWiringTest.value(counters, rc));
                continue;
            }
            assertThat(counter(meter.name())).as(meter.name()).isEqualTo(PylonDriverMetricsWiringTest.value(counters, rc));
        }
        assertThat(registry.getMeters()).extracting(Meter::getId).doesNotHaveDuplicates();
    }
}
