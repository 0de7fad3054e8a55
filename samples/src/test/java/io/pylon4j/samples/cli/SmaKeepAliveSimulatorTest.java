package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanProfile;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.SmaMeasurements;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterMeasurement;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.virtual.VirtualCanBus;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The driver in SMA mode against the simulated bank on the in-memory CAN bus: the bank records the driver's 0x305,
 * which decodes (SMA CAN profile) to the caller's measurement, and keeps serving its frame set to the driver.
 */
class SmaKeepAliveSimulatorTest {

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 15 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void theSimulatedBankReceivesTheInvertersMeasurementIn0x305() throws Exception {
        VirtualCanBus bus = new VirtualCanBus("sma-sim");
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).build();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "pylon4j-test-timers"));
        ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "pylon4j-test-events"));
        try (SimulatorServer server = SimulatorServer.builder(bank).can(bus.newMember()).build();
             PylonDriver driver = PylonDriver.can(bus.newMember(), DriverOptions.builder("sma-sim")
                     .profile(InverterProfile.SMA).canProfile(CanProfile.SMA).scheduler(Scheduler.of(timers))
                     .eventExecutor(events)
                     .inverterMeasurements(() -> Optional.of(new InverterMeasurement(51.7, 8.5, 22.0, 49.5)))
                     .build())) {
            server.start();
            driver.start();
            await(() -> server.traffic().lastKeepAlive().isPresent()
                    && driver.status().batteryLimits().isPresent());
            CanFrame keepAlive = server.traffic().lastKeepAlive().orElseThrow();
            assertThat(new PylonCanCodec(CanProfile.SMA).decode(keepAlive))
                    .isEqualTo(new SmaMeasurements(517, -85, 220, 495));
            assertThat(server.traffic().keepAliveCount()).isPositive();
            assertThat(driver.status().batteryLimits().orElseThrow().chargeVoltageLimitVolts()).isEqualTo(53.2);
        } finally {
            timers.shutdownNow();
            events.shutdownNow();
            assertThat(timers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
