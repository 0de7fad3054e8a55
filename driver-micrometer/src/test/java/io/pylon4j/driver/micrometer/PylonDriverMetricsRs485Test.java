package io.pylon4j.driver.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.SupervisionTicker;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.virtual.VirtualByteBus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checksum errors, resyncs and retries from the simulator's RS485 wire faults reach the meters. The driver polls
 * through a scheduler the test steps by hand, so exactly one request is in flight per step and each step waits
 * for the one reply (its CR) to be delivered.
 */
class PylonDriverMetricsRs485Test {

    /** Runs the poll cycle and the response timeouts only when the test says so; any thread may schedule. */
    static final class SteppedScheduler implements Scheduler {
        private final List<Entry> entries = new ArrayList<>();

        private static final class Entry {
            final Runnable task;
            volatile boolean cancelled;

            Entry(Runnable task) {
                this.task = task;
            }
        }

        @Override
        public synchronized Cancellable scheduleAtFixedRate(Runnable task, Duration initialDelay, Duration period) {
            Entry e = new Entry(task);
            entries.add(e);
            return () -> e.cancelled = true;
        }

        /** Runs the first task scheduled: the RS485 poll cycle. */
        void runCycle() {
            Entry cycle;
            synchronized (this) {
                cycle = entries.get(0);
            }
            cycle.task.run();
        }

        /** Runs every pending response timeout (a one-shot: it cancels itself). */
        void runTimeouts() {
            List<Entry> due;
            synchronized (this) {
                due = entries.subList(1, entries.size()).stream().filter(e -> !e.cancelled).toList();
            }
            due.forEach(e -> e.task.run());
        }
    }

    static final String BANK = "rs485-bank";
    static final int NOISE_BYTES = 7;

    final SteppedScheduler polls = new SteppedScheduler();
    final Scheduler idle = (task, initialDelay, period) -> () -> { };
    final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "pylon4j-test-events"));
    final VirtualByteBus bus = new VirtualByteBus("micrometer-rs485");
    final ByteStreamTransport inverterSide = bus.newMember();
    final SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).stateOfCharge(60)
            .build();
    final ByteStreamTransport batterySide = bus.newMember();
    final SimulatorServer server = SimulatorServer.builder(bank).rs485(batterySide)
            .scheduler(new ManualScheduler()).build();
    final Semaphore replies = new Semaphore(0);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PylonDriver driver;

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.close();
        }
        server.close();
        inverterSide.close();
        events.shutdownNow();
        assertThat(events.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    double counter(String name) {
        FunctionCounter c = registry.find(name).tags("bank", BANK).functionCounter();
        assertThat(c).as(name).isNotNull();
        return c.count();
    }

    void awaitReplies(int n) throws InterruptedException {
        assertThat(replies.tryAcquire(n, 10, TimeUnit.SECONDS)).as("%d replies delivered", n).isTrue();
    }

    @Test
    void corruptedChecksumsNoiseAndRetriesAreCountedThenGoodRepliesApply() throws Exception {
        driver = PylonDriver.rs485(inverterSide, DriverOptions.builder(BANK).scheduler(polls)
                .ticker(new SupervisionTicker(java.time.Clock.systemUTC(), idle)).eventExecutor(events).build());
        inverterSide.addByteListener((buffer, offset, length, nanos) -> { // after the driver's own listener
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\r') {
                    replies.release();
                }
            }
        });
        CompletableFuture<BankEvent> limits = new CompletableFuture<>();
        driver.addListener(e -> {
            if (e instanceof BankEvent.LimitsChanged l && l.limits().chargeCurrentLimitAmps() > 0) {
                limits.complete(e); // the battery's limits, not the fail-safe 0 A
            }
        });
        new PylonDriverMetrics(driver).bindTo(registry);
        server.start();
        Links.awaitConnected(batterySide); // a reply written before would go nowhere
        driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
        bank.updateFaults(f -> f.withCorruptChecksums(true).withNoiseBytes(NOISE_BYTES));

        polls.runCycle(); // the first request; its reply has a bad checksum: the driver waits for its timeout
        awaitReplies(1);
        assertThat(counter("pylon4j.rs485.cycles")).isEqualTo(1);
        assertThat(counter("pylon4j.rs485.requests")).isEqualTo(1);
        assertThat(counter("pylon4j.rs485.bad.frames")).isEqualTo(1);
        assertThat(counter("pylon4j.rs485.checksum.errors")).isEqualTo(1); // the simulator's corrupted CHKSUM
        assertThat(counter("pylon4j.rs485.resync")).isGreaterThanOrEqualTo(NOISE_BYTES);
        assertThat(counter("pylon4j.rs485.replies")).isZero();

        polls.runTimeouts(); // the timeout: the line is kept quiet for a guard (docs/safety.md, "A late RS485 reply")
        polls.runTimeouts(); // the guard ends: retry 1, corrupted again
        awaitReplies(1);
        assertThat(counter("pylon4j.rs485.retries")).isEqualTo(1);
        assertThat(counter("pylon4j.rs485.bad.frames")).isEqualTo(2);

        bank.updateFaults(f -> f.withCorruptChecksums(false).withNoiseBytes(0));
        polls.runTimeouts(); // the timeout, then its quiet guard
        polls.runTimeouts(); // retry 2 is answered cleanly, and the rest of the cycle follows reply by reply
        limits.get(10, TimeUnit.SECONDS);
        assertThat(counter("pylon4j.rs485.retries")).isEqualTo(2);
        assertThat(counter("pylon4j.rs485.timeouts")).isZero();
        assertThat(counter("pylon4j.rs485.bad.frames")).isEqualTo(2);
        assertThat(counter("pylon4j.rs485.checksum.errors")).isEqualTo(2); // both corrupted replies, no more
        assertThat(counter("pylon4j.rs485.replies")).isGreaterThanOrEqualTo(4); // 0x51, 0x47, 0x42, 0x44, then 0x92
        assertThat(registry.find("pylon4j.supervision.state").tags("bank", BANK, "state", "FRESH").gauge().value())
                .isEqualTo(1);
    }
}
