package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.InverterKeepAlive;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.VictronIdentity;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.virtual.VirtualCanBus;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real transports (the in-memory CAN bus, its I/O threads) and real executors: a battery member sends the US5000
 * frames, the driver's keep-alives reach it, and a blocked listener holds up neither the transport nor the others.
 * Waits are on futures (bounded by a generous limit so a failure cannot hang the build), never sleeps.
 */
class VirtualBusDriverTest {

    final VirtualCanBus bus = new VirtualCanBus("driver-it");
    final CanTransport battery = bus.newMember();
    final CanTransport inverterSide = bus.newMember();
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "pylon4j-test-timers"));
    final ExecutorService events = Executors.newFixedThreadPool(2, r -> new Thread(r, "pylon4j-test-events"));
    PylonDriver driver;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (driver != null) {
            driver.close();
        }
        battery.close();
        inverterSide.close();
        timers.shutdownNow();
        events.shutdownNow();
        assertThat(timers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void batteryReceivesKeepAliveAndIdentityAndTheDriverSeesTheFrames() throws Exception {
        PylonCanCodec codec = PylonCanCodec.standard();
        CompletableFuture<Void> gotKeepAlive = new CompletableFuture<>();
        CompletableFuture<Void> gotIdentity = new CompletableFuture<>();
        battery.addFrameListener((f, t) -> {
            var m = codec.decode(f);
            if (m.equals(InverterKeepAlive.ZEROS)) {
                gotKeepAlive.complete(null);
            } else if (m.equals(VictronIdentity.VICTRON)) {
                gotIdentity.complete(null);
            }
        });
        battery.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        driver = PylonDriver.can(inverterSide, DriverOptions.builder("it").profile(InverterProfile.VICTRON)
                .scheduler(Scheduler.of(timers)).eventExecutor(events).build());

        CountDownLatch release = new CountDownLatch(1);
        driver.addListener(e -> {
            try {
                release.await(); // a listener stuck in its own work
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<Double> soc84 = new CompletableFuture<>();
        driver.addListener(e -> {
            if (e instanceof BankEvent.MeasurementsUpdated m && m.measurements().socPercent().orElse(0) == 84.0) {
                soc84.complete(driver.status().batteryLimits().orElseThrow().chargeVoltageLimitVolts());
            }
        });
        driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
        gotKeepAlive.get(10, TimeUnit.SECONDS);
        gotIdentity.get(10, TimeUnit.SECONDS);

        for (CanFrame f : List.of(CanDriverTest.L351, CanDriverTest.S355, CanDriverTest.M356, CanDriverTest.F359,
                CanFrame.of(0x351, CanDriverTest.bytes("10 02 C0 12 C0 12 C2 01")),
                CanFrame.of(0x355, CanDriverTest.bytes("54 00 60 00 00 00")))) {
            battery.send(f);
        }
        // the second data set (52.8 V, SOC 84 %) arrives although the first listener has not returned
        assertThat(soc84.get(10, TimeUnit.SECONDS)).isEqualTo(52.8);
        assertThat(driver.status().moduleCount()).hasValue(6);
        release.countDown();
    }
}
