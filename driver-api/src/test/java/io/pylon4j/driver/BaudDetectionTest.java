package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.internal.BaudRates;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.spi.TransportProvider;
import io.pylon4j.transport.virtual.VirtualTransportProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stack whose DIP switch 1 is up answers only at 9600 baud; the driver finds it after 115200 stays silent (a fake
 * battery on a virtual clock), or reads garbage (the simulator's baud-mismatch fault, on real threads and an
 * in-memory link).
 */
class BaudDetectionTest {

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock.source());
    final ManualExecutor executor = new ManualExecutor();
    final FakeRs485Battery battery = new FakeRs485Battery();
    final List<Integer> opened = new ArrayList<>();
    final List<FakeByteTransport> links = new ArrayList<>();
    PylonDriver driver;

    FakeByteTransport link(int baud) {
        opened.add(baud);
        // at the wrong rate the battery sees garbage and says nothing
        FakeByteTransport t = new FakeByteTransport("fake-serial:ttyUSB0?baud=" + baud,
                baud == 9600 ? battery : request -> null);
        links.add(t);
        return t;
    }

    FakeByteTransport current() {
        return links.get(links.size() - 1);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void silentAt115200ThenFoundAt9600() {
        driver = PylonDriver.rs485DetectingBaud(this::link, DriverOptions.builder("dip1").time(clock)
                .scheduler(scheduler).eventExecutor(executor).build());
        driver.start();
        // window = 1 s × (2 retries + 1) + 1 s poll = 4 s
        for (int i = 0; i < 4; i++) {
            scheduler.advance(Duration.ofSeconds(1));
            current().pump();
        }
        assertThat(opened).containsExactly(115200, 9600);
        assertThat(links.get(0).closedByDriver).isTrue();
        assertThat(driver.counters().baudSwitches()).isEqualTo(1);
        assertThat(driver.rs485BaudRate()).isEmpty(); // answered, not yet confirmed by the next window

        scheduler.advance(Duration.ZERO);
        current().pump();
        assertThat(driver.status().batteryLimits()).isPresent();
        assertThat(driver.status().moduleCount()).hasValue(3);

        for (int i = 0; i < 4; i++) {
            scheduler.advance(Duration.ofSeconds(1));
            current().pump();
        }
        assertThat(driver.rs485BaudRate()).hasValue(9600);
        assertThat(opened).containsExactly(115200, 9600); // no further switching once found
    }

    @Test
    void closeClosesTheTransportTheFactoryMade() {
        driver = PylonDriver.rs485DetectingBaud(this::link, DriverOptions.builder("dip1").time(clock)
                .scheduler(scheduler).eventExecutor(executor).build());
        driver.start();
        driver.close();
        assertThat(links).allMatch(t -> t.closedByDriver);
        assertThat(scheduler.pending()).isZero();
    }

    // --- against the simulator, on real threads ---------------------------------------------------------------

    /** Short windows (0.3 s × 2 + 0.3 s) so that the real-time tests switch quickly; nothing is timed. */
    static DriverOptions fast(String bankId) {
        return DriverOptions.builder(bankId).profile(InverterProfile.GENERIC_PYLON.toBuilder()
                .rs485PollInterval(Duration.ofMillis(300)).rs485ResponseTimeout(Duration.ofMillis(300))
                .rs485Retries(1).build()).build();
    }

    /**
     * The simulated stack's DIP switch 1 says 9600: a line opened at any other rate reads what the simulator's
     * baud-mismatch fault sends (one garbage byte per reply byte, never a frame).
     */
    static void lineAt(SimulatedBank bank, int baud) {
        bank.updateFaults(f -> f.withBaudMismatch(baud != 9600));
    }

    /** Waits, re-checking on each event, until {@code done} holds; fails after 20 s. */
    static void await(LinkedBlockingQueue<BankEvent> events, BooleanSupplier done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            assertThat(left).as("waited 20 s for " + what).isPositive();
            // the confirmed rate has no event of its own: re-check at least every 100 ms while events are quiet
            events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
        }
    }

    @Test
    void theSimulatorAt9600ReadAt115200IsFoundAt9600AndGoesFresh() throws Exception {
        VirtualTransportProvider buses = new VirtualTransportProvider();
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(2).stateOfCharge(55).build();
        List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
        try (SimulatorServer battery = SimulatorServer.builder(bank).rs485(buses.byteBus("dip1").newMember())
                .build()) {
            battery.start();
            driver = PylonDriver.rs485DetectingBaud(baud -> {
                asked.add(baud);
                lineAt(bank, baud);
                return buses.byteBus("dip1").newMember();
            }, fast("dip1"));
            LinkedBlockingQueue<BankEvent> events = new LinkedBlockingQueue<>();
            driver.addListener(events::add);
            driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);

            await(events, () -> driver.rs485BaudRate().isPresent(), "a confirmed baud rate");
            assertThat(driver.rs485BaudRate()).hasValue(9600);
            assertThat(asked).startsWith(115200, 9600);
            assertThat(asked.get(asked.size() - 1)).isEqualTo(9600);
            assertThat(driver.counters().baudSwitches()).isPositive();
            assertThat(driver.counters().rs485Resyncs()).as("the garbage read at 115200").isPositive();
            await(events, () -> driver.status().supervisionState() == SupervisionState.FRESH, "FRESH");
            assertThat(driver.status().moduleCount()).hasValue(2);
            assertThat(driver.status().batteryLimits()).isPresent();
            assertThat(driver.status().chargeCurrentLimitProvenance().source()).isEqualTo(LimitSource.BATTERY);
        }
    }

    /**
     * {@code dip:NAME?baud=N}: a serial line to the simulated stack on the in-memory byte bus NAME, at the rate the
     * endpoint asks for; records every endpoint it is asked to open.
     */
    static final class DipProvider implements TransportProvider {
        final VirtualTransportProvider buses = new VirtualTransportProvider();
        final List<String> opened = Collections.synchronizedList(new ArrayList<>());
        final SimulatedBank bank;

        DipProvider(SimulatedBank bank) {
            this.bank = bank;
        }

        @Override
        public Set<String> schemes() {
            return Set.of("dip");
        }

        @Override
        public boolean isCan(String scheme) {
            return false;
        }

        @Override
        public ByteStreamTransport createByteStream(Endpoint endpoint, TransportOptions options) {
            opened.add(endpoint.text());
            lineAt(bank, endpoint.intParameter("baud", 115200));
            return buses.createByteStream(Endpoint.parse("virtual:" + endpoint.target()), options);
        }
    }

    @Test
    void theEndpointFormReplacesTheBaudTheReadmesEndpointAlreadyHas() throws Exception {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(3).build();
        DipProvider dip = new DipProvider(bank);
        try (SimulatorServer battery = SimulatorServer.builder(bank).rs485(dip.buses.byteBus("ttyUSB0").newMember())
                .build()) {
            battery.start();
            // the README's form, with the rate written out; it used to fail with "repeats parameter 'baud'"
            driver = PylonDriver.openRs485DetectingBaud(new Transports(List.of(dip)),
                    "dip:ttyUSB0?parity=none&baud=115200&stopbits=1", fast("readme"));
            LinkedBlockingQueue<BankEvent> events = new LinkedBlockingQueue<>();
            driver.addListener(events::add);
            driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);

            await(events, () -> driver.rs485BaudRate().isPresent(), "a confirmed baud rate");
            assertThat(driver.rs485BaudRate()).hasValue(9600);
            assertThat(dip.opened).startsWith("dip:ttyUSB0?parity=none&baud=115200&stopbits=1",
                    "dip:ttyUSB0?parity=none&baud=9600&stopbits=1");
            await(events, () -> driver.status().supervisionState() == SupervisionState.FRESH, "FRESH");
            assertThat(driver.status().moduleCount()).hasValue(3);
        }
    }

    @Test
    void aRateTheEndpointNamesIsTriedFirst() {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(1).build();
        DipProvider dip = new DipProvider(bank);
        driver = PylonDriver.openRs485DetectingBaud(new Transports(List.of(dip)), "dip:x?baud=9600",
                DriverOptions.builder("first").time(clock).scheduler(scheduler).eventExecutor(executor).build());
        assertThat(dip.opened).containsExactly("dip:x?baud=9600");
        driver.start();
        for (int i = 0; i < 4; i++) { // one silent window (nothing serves bus x)
            scheduler.advance(Duration.ofSeconds(1));
        }
        assertThat(dip.opened).containsExactly("dip:x?baud=9600", "dip:x?baud=115200");
    }

    @Test
    void theBaudParameterIsSetInPlaceOrAdded() {
        assertThat(BaudRates.withBaud(Endpoint.parse("serial:/dev/ttyUSB0"), 115200))
                .isEqualTo("serial:/dev/ttyUSB0?baud=115200");
        assertThat(BaudRates.withBaud(Endpoint.parse("serial:/dev/ttyUSB0?baud=115200"), 9600))
                .isEqualTo("serial:/dev/ttyUSB0?baud=9600");
        assertThat(BaudRates.withBaud(Endpoint.parse("rfc2217:[::1]:2001?parity=none"), 9600))
                .isEqualTo("rfc2217:[::1]:2001?parity=none&baud=9600");
    }

    @Test
    void aBadEndpointFailsBeforeAnyThreadStarts() {
        Set<Thread> before = DriverLifecycleTest.pylonThreads();
        Transports transports = new Transports(List.of(new DipProvider(null)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PylonDriver.openRs485DetectingBaud(transports,
                "dip:x?baud=fast", DriverOptions.defaults("bad"))).isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("baud=fast");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PylonDriver.openRs485DetectingBaud(transports,
                "dip:x?baud=9600&baud=115200", DriverOptions.defaults("bad")))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("repeats parameter 'baud'");
        // no thread of ours started; one left over from an earlier test may still end meanwhile (CI saw it go)
        assertThat(DriverLifecycleTest.pylonThreads()).isSubsetOf(before);
    }
}
