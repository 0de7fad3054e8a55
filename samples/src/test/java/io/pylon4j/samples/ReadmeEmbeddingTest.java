package io.pylon4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankEventJson;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.LimitSource;
import io.pylon4j.driver.PublishedLimits;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.SupervisionState;
import io.pylon4j.driver.SupervisionTicker;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.CanFrameSet;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding the driver" snippet, run: {@link #theReadmeSnippetReceivesLimits()} holds it line for line,
 * with one adaptation (the endpoint: a {@code virtual:} CAN bus served by the simulator instead of
 * {@code socketcan:can0}, resolved through a {@link Transports} that shares the simulator's bus) and test-only lines
 * marked {@code // test:}. {@link #theSnippetHereIsTheReadmes()} fails when the README's snippet changes and this copy
 * does not.
 */
class ReadmeEmbeddingTest {

    static final String README_ENDPOINT = "PylonDriver.openCan(\"socketcan:can0\", options)";
    static final String TEST_ENDPOINT = "PylonDriver.openCan(transports, \"virtual:readme-can\", options)";

    @Test
    void theReadmeSnippetReceivesLimits() throws Exception {
        VirtualTransportProvider virtual = new VirtualTransportProvider(); // test: the simulator's bus
        Transports transports = new Transports(List.of(virtual)); // test
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(4).build(); // test
        List<BankEvent> received = new CopyOnWriteArrayList<>(); // test
        CountDownLatch fresh = new CountDownLatch(1); // test
        PublishedLimits seen; // test
        try (SimulatorServer battery = SimulatorServer.builder(bank).frameSet(CanFrameSet.PYLON_V12) // test
                .can(virtual.canBus("readme-can").newMember()).build()) { // test
            battery.start(); // test

            // ---- README, "Embedding the driver" ----
            ExecutorService appExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "app-pylon-events"));
            ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "app-pylon-timers"));
            Scheduler scheduler = Scheduler.of(timers);                                      // yours: many banks share it
            SupervisionTicker ticker = new SupervisionTicker(Clock.systemUTC(), scheduler);   // one task ticks every bank
            DriverOptions options = DriverOptions.builder("bank-1").profile(InverterProfile.VICTRON)
                    .eventExecutor(appExecutor).scheduler(scheduler).ticker(ticker).build();
            try (PylonDriver driver = PylonDriver.openCan(transports, "virtual:readme-can", options)) {
                driver.addListener(event -> System.out.println(BankEventJson.toJson(event)));  // in order, on appExecutor
                driver.addListener(event -> { // test: record the events, wake up on the first fresh limits
                    received.add(event);
                    if (driver.status().supervisionState() == SupervisionState.FRESH) {
                        fresh.countDown();
                    }
                });
                driver.start();
                assertThat(fresh.await(30, TimeUnit.SECONDS)).as("fresh limits").isTrue(); // test
                PublishedLimits limits = driver.status().publishedLimits();  // 0 A when the bank is stale or lost, and
                driver.status().chargeCurrentLimitProvenance();              // ... this says why
                seen = limits; // test
                assertThat(driver.status().chargeCurrentLimitProvenance().source()) // test
                        .isEqualTo(LimitSource.BATTERY); // test
                awaitKeepAlivesAt(battery); // test: FRESH can come before the first keep-alive has reached the battery
            }
            ticker.close();                                                  // the threads are yours: stop them at the end
            timers.shutdown();
            appExecutor.shutdown();
            // ---- end of the README's snippet ----

            assertThat(timers.awaitTermination(10, TimeUnit.SECONDS)).isTrue(); // test
            assertThat(appExecutor.awaitTermination(10, TimeUnit.SECONDS)).isTrue(); // test
            // the driver's keep-alives reached the battery: Victron mode sends 0x305 and 0x307 (docs/protocol.md §1.4, §1.8)
            assertThat(battery.traffic().canFrames()).extracting(f -> f.id()).contains(0x305, 0x307); // test
        }
        // 4 x US3000C: 4 x 37 A from the battery (the simulator's preset), the voltage limit as the preset says
        assertThat(seen.chargeCurrentLimitAmps()).isEqualTo(148.0);
        assertThat(seen.dischargeCurrentLimitAmps()).isEqualTo(148.0);
        assertThat(seen.chargeVoltageLimitVolts()).isPositive();
        assertThat(received).anyMatch(e -> e instanceof BankEvent.LimitsChanged);
    }

    /**
     * Waits, at most 10 s, until the battery has received the driver's keep-alives: Victron mode sends 0x305 and 0x307
     * (docs/protocol.md §1.4, §1.8). The bank can read FRESH within milliseconds of the start, before the first keep-alive has
     * been delivered on the in-memory bus (CI caught the snippet closing the driver that early).
     */
    static void awaitKeepAlivesAt(SimulatorServer battery) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!battery.traffic().canFrames().stream().map(f -> f.id()).toList().containsAll(List.of(0x305, 0x307))
                && System.nanoTime() < deadline) {
            Thread.sleep(10); // the simulator's traffic record has no hook to wait on
        }
    }

    /** The README's snippet: the lines of the first {@code ```java} block after "## Embedding the driver". */
    static List<String> readmeSnippet() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int heading = lines.indexOf("## Embedding the driver");
        assertThat(heading).as("the README's embedding section").isNotNegative();
        int start = lines.subList(heading, lines.size()).indexOf("```java") + heading + 1;
        int end = lines.subList(start, lines.size()).indexOf("```") + start;
        assertThat(end).isGreaterThan(start);
        return lines.subList(start, end);
    }

    @Test
    void theSnippetHereIsTheReadmes() throws IOException {
        String here = Files.readString(Path.of("src", "test", "java", "io", "pylon4j", "samples",
                "ReadmeEmbeddingTest.java"), StandardCharsets.UTF_8);
        List<String> snippet = readmeSnippet();
        assertThat(snippet).hasSizeGreaterThan(10).anyMatch(l -> l.contains(README_ENDPOINT));
        List<String> missing = new ArrayList<>();
        for (String line : snippet) {
            String expected = line.replace(README_ENDPOINT, TEST_ENDPOINT).strip();
            if (!expected.isEmpty() && !here.contains(expected)) {
                missing.add(line);
            }
        }
        assertThat(missing).as("README lines not run by this test").isEmpty();
    }
}
