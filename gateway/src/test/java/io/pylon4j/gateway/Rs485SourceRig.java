package io.pylon4j.gateway;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.time.ManualTimeSource;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A gateway's source that has per-module data: the real simulator's RS485 battery side on an in-memory byte bus,
 * polled by a real pylon4j RS485 driver (0x51, 0x47, 0x42, 0x44, 0x92, 0x93, 0x96 per cycle), on manual time.
 * {@link #pollCycle()} lets one second pass for the driver and waits (bounded, never sleeping) until the cycle's
 * values are in its model.
 */
final class Rs485SourceRig implements AutoCloseable {

    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    /** One step of manual time: replies arrive on other threads, so time moves on only once they are in. */
    static final Duration STEP = Duration.ofMillis(10);

    final ManualTimeSource clock;
    final ManualScheduler driverTime;
    final VirtualTransportProvider buses = new VirtualTransportProvider();
    final SimulatedBank bank;
    final SimulatorServer server;
    final PylonDriver driver;
    private final FrameEnds driverEnds = new FrameEnds();

    /**
     * Four US5000 modules in one group, read over RS485.
     *
     * @param clock the shared manual clock
     */
    Rs485SourceRig(ManualTimeSource clock) throws Exception {
        this(new ManualScheduler(clock), 4, 60);
    }

    /**
     * {@code modules} US5000 modules in one group at {@code socPercent}, read over RS485; the simulator and the driver
     * run on {@code time}, which several rigs may share (then {@link #quiet()} of each tells when a second is over).
     *
     * @param time       the manual scheduler, on the shared clock
     * @param modules    the modules of the group
     * @param socPercent the bank's state of charge
     */
    Rs485SourceRig(ManualScheduler time, int modules, double socPercent) throws Exception {
        this.clock = time.timeSource();
        this.driverTime = time;
        bank = SimulatedBank.builder(ModulePreset.named("US5000")).modulesPerGroup(modules)
                .stateOfCharge(socPercent).build();
        ByteStreamTransport batterySide = buses.byteBus("battery").newMember();
        server = SimulatorServer.builder(bank).rs485(batterySide).scheduler(driverTime).build();
        server.start();
        ByteStreamTransport driverSide = buses.byteBus("battery").newMember();
        driver = PylonDriver.rs485(driverSide, DriverOptions.builder("rs485-bank")
                .profile(InverterProfile.GENERIC_PYLON).time(clock).scheduler(driverTime)
                .eventExecutor(Runnable::run).build());
        driverSide.addByteListener(driverEnds); // after the driver's own listener, added when it was made
        driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** {@return a rig on its own clock} */
    static Rs485SourceRig standalone() throws Exception {
        return new Rs485SourceRig(new ManualTimeSource(Instant.parse("2026-01-01T00:00:00Z")));
    }

    /**
     * One second for the driver: its poll cycle runs (or its timeouts fire), and this waits until the exchange is
     * quiet: every request the driver wrote taken in and answered by the simulator (which records a request after its
     * reply), and every reply the simulator wrote handled by the driver (which counts a request before writing it).
     */
    void pollCycle() throws TimeoutException, InterruptedException {
        oneSecondInSteps(driverTime, this::quiet, "the source driver's poll cycle");
    }

    /**
     * {@return whether the exchange is quiet: every request the driver wrote taken in and answered by the simulator
     * (which records a request after its reply), every reply the simulator wrote handled by the driver}
     */
    boolean quiet() {
        return server.traffic().rs485RequestCount() == driver.counters().rs485Requests()
                && driverEnds.count() == server.traffic().rs485ReplyCount();
    }

    /**
     * Lets one second pass on {@code time} in 10 ms steps, waiting after each until {@code quiet}: on an in-memory
     * bus a reply arrives on another thread, so time must not jump past it in one step, or a response timeout would
     * fire before the reply is read and the next request would be matched with it.
     */
    static void oneSecondInSteps(ManualScheduler time, BooleanSupplier quiet, String what)
            throws TimeoutException, InterruptedException {
        for (int step = 0; step < 100; step++) {
            time.advance(STEP);
            await(quiet, what);
        }
    }

    static void await(BooleanSupplier done, String what) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException(what + " did not arrive within " + DELIVERY_TIMEOUT.toSeconds() + " s");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Override
    public void close() {
        driver.close();
        server.close();
    }
}
