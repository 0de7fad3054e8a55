package io.pylon4j.driver.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.SilentGroup;
import io.pylon4j.driver.SupervisionTicker;
import io.pylon4j.driver.micrometer.PylonDriverMetricsRs485Test.SteppedScheduler;
import io.pylon4j.simulator.ModuleId;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.virtual.VirtualByteBus;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A silent LV-Hub group in the meters: the simulator's battery side with two groups of two US3000C modules, group 2's
 * master switched off, read by a real driver polling groups 1 and 2 over an in-memory byte bus, its meters in a real
 * {@link SimpleMeterRegistry}. The poll cycle and the response timeouts run only when the test steps them
 * ({@link SteppedScheduler}), so each step's requests and replies are known.
 */
class PylonDriverMetricsSilentGroupTest {

    static final String BANK = "lv-hub";

    final SteppedScheduler polls = new SteppedScheduler();
    final Scheduler idle = (task, initialDelay, period) -> () -> { };
    final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "pylon4j-test-events"));
    final VirtualByteBus bus = new VirtualByteBus("micrometer-silent-group");
    final ByteStreamTransport inverterSide = bus.newMember();
    final SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).groups(2).modulesPerGroup(2)
            .stateOfCharge(60).build();
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

    double silences() {
        FunctionCounter c = registry.find("pylon4j.rs485.group.silences").tags("bank", BANK).functionCounter();
        assertThat(c).as("pylon4j.rs485.group.silences").isNotNull();
        return c.count();
    }

    double silentNow() {
        Gauge g = registry.find("pylon4j.rs485.groups.silent").tags("bank", BANK).gauge();
        assertThat(g).as("pylon4j.rs485.groups.silent").isNotNull();
        return g.value();
    }

    void awaitReplies(int n) throws InterruptedException {
        assertThat(replies.tryAcquire(n, 10, TimeUnit.SECONDS)).as("%d replies delivered", n).isTrue();
    }

    /** Lets the request in flight time out in all its attempts: each timeout, then its quiet guard. */
    void allAttemptsTimeOut() {
        for (int attempt = 0; attempt < 3; attempt++) { // the generic profile: 1 + 2 retries
            polls.runTimeouts(); // the timeout
            polls.runTimeouts(); // the guard ends: the retry, or after the last attempt the give-up
        }
    }

    @Test
    void aGroupThatFallsSilentIsCountedAndGaugedUntilItAnswersAgain() throws Exception {
        driver = PylonDriver.rs485(inverterSide, DriverOptions.builder(BANK).rs485Groups(List.of(1, 2))
                .scheduler(polls).ticker(new SupervisionTicker(Clock.systemUTC(), idle)).eventExecutor(events)
                .build());
        inverterSide.addByteListener((buffer, offset, length, nanos) -> { // after the driver's own listener
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\r') {
                    replies.release();
                }
            }
        });
        new PylonDriverMetrics(driver).bindTo(registry);
        server.start();
        Links.awaitConnected(batterySide); // a reply written before would go nowhere
        driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
        bank.setModuleOnline(ModuleId.of(1, 0), false); // group 2's master off: the whole group is silent

        polls.runCycle(); // 0x51, 0x47, then group 1's 0x42, 0x44, 0x92 answered; group 2's 0x42 is in flight
        awaitReplies(5);
        assertThat(silences()).isZero();
        assertThat(silentNow()).isZero();

        allAttemptsTimeOut(); // group 2's 0x42 given up: it answered nothing this cycle, so it is silent
        assertThat(driver.status().silentGroups()).extracting(SilentGroup::group).containsExactly(2);
        assertThat(silences()).isEqualTo(1);
        assertThat(silentNow()).isEqualTo(1);
        awaitReplies(4); // the cycle goes on with group 1's 0x93 and 0x96 of each module

        polls.runCycle(); // the next cycle probes group 2 once, without retries: still the one silence
        awaitReplies(3);
        polls.runTimeouts();
        polls.runTimeouts();
        assertThat(silences()).isEqualTo(1);
        assertThat(silentNow()).isEqualTo(1);

        bank.setModuleOnline(ModuleId.of(1, 0), true);
        polls.runCycle(); // group 1 in full, then group 2's probe is answered: it is back
        awaitReplies(4);
        assertThat(driver.status().silentGroups()).isEmpty();
        assertThat(silentNow()).isZero();
        assertThat(silences()).isEqualTo(1); // a counter: it keeps its count
    }
}
