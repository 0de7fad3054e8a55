package io.pylon4j.samples.cli;

import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.simulator.FaultSettings;
import io.pylon4j.simulator.LoadProfile;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.time.ManualTimeSource;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated bank on in-memory CAN and RS485 buses, read by the real {@link PylonDriver}, with both sides' time in
 * the caller's hands: {@link #step(Duration)} lets simulated time pass on the bank (its CAN cycles and physics), runs
 * one driver poll cycle, and returns when the driver has taken in what the bank sent. Used by {@code pylon
 * commission --simulate} and its tests; nothing here sleeps or depends on the wall clock except the bounded wait
 * for the in-memory buses' delivery threads.
 *
 * <p>The driver has no hook that says "this poll cycle is done", so {@link #step} polls the driver's counters (each
 * millisecond, for at most {@link #DELIVERY_TIMEOUT}) until every frame the bank sent was received and every RS485
 * request answered — or, under a fault that breaks RS485, until the driver has seen the broken reply.
 */
final class SimulatedBankRig implements AutoCloseable {

    /** The longest wait for the in-memory buses to deliver one step's traffic. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern SPEC = Pattern.compile("(\\d+)\\s*[xX×]\\s*([A-Za-z0-9+-]+)");
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final SimulatedBank bank;
    /** The bank's simulated time, which the driver also reads, so that supervision ages data by simulated seconds. */
    private final ManualScheduler bankTime = new ManualScheduler(new ManualTimeSource(EPOCH));
    /** When the driver's polls and timeouts run; moved apart from the bank's time (see {@link #step}). */
    private final ManualScheduler driverTime = new ManualScheduler();
    private final SimulatorServer server;
    private final PylonDriver driver;
    private final CanTransport driverCan;
    private final ByteStreamTransport driverRs485;
    private boolean firstStep = true;

    private SimulatedBankRig(SimulatedBank bank, boolean can, boolean rs485, InverterProfile inverter) {
        this.bank = bank;
        VirtualTransportProvider buses = new VirtualTransportProvider();
        SimulatorServer.Builder sb = SimulatorServer.builder(bank).frameSet(Vocabulary.frameSet(inverter))
                .scheduler(bankTime);
        List<Transport> batterySide = new ArrayList<>();
        if (can) {
            CanTransport t = buses.canBus("rig-can").newMember();
            batterySide.add(t);
            sb.can(t);
        }
        if (rs485) {
            ByteStreamTransport t = buses.byteBus("rig-rs485").newMember();
            batterySide.add(t);
            sb.rs485(t);
        }
        this.server = sb.build();
        this.driverCan = can ? buses.canBus("rig-can").newMember() : null;
        this.driverRs485 = rs485 ? buses.byteBus("rig-rs485").newMember() : null;
        DriverOptions options = DriverOptions.builder("simulated-bank").profile(inverter)
                .time(bankTime.timeSource()).scheduler(driverTime).build();
        this.driver = can && rs485 ? PylonDriver.canAndRs485(driverCan, driverRs485, options)
                : can ? PylonDriver.can(driverCan, options) : PylonDriver.rs485(driverRs485, options);
        server.start();
        try {
            for (Transport t : batterySide) {
                t.open().toCompletableFuture().get(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            driver.start().toCompletableFuture().get(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting the simulated bank", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("the simulated bank's in-memory buses did not open", e);
        }
    }

    /**
     * A rig for {@code spec}, {@code "4xUS3000C"}: that many modules (1 to 16) of that preset in one group, at 60 %
     * SOC, discharging at 20 A and 30 A in turn (a load, so that live values move).
     *
     * @throws IllegalArgumentException for a spec that is not {@code NxMODEL} or names no preset
     */
    static SimulatedBankRig start(String spec, boolean can, boolean rs485) {
        return start(spec, can, rs485, InverterProfile.GENERIC_PYLON);
    }

    /**
     * As {@link #start(String, boolean, boolean)}, with the driver running {@code inverter}'s profile and the bank
     * sending the CAN frame set that inverter reads ({@link Vocabulary#frameSet}).
     */
    static SimulatedBankRig start(String spec, boolean can, boolean rs485, InverterProfile inverter) {
        Matcher m = SPEC.matcher(spec.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("a simulated bank is given as MODULESxPRESET, e.g. 4xUS3000C: '"
                    + spec + "'");
        }
        int modules = Integer.parseInt(m.group(1));
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.named(m.group(2))).modulesPerGroup(modules)
                .stateOfCharge(60).build();
        // a household load that changes every 40 s, so that live values visibly move from snapshot to snapshot
        bank.setLoadProfile(LoadProfile.repeating(List.of(LoadProfile.step(Duration.ofSeconds(40), -20),
                LoadProfile.step(Duration.ofSeconds(40), -30))));
        return new SimulatedBankRig(bank, can, rs485, inverter);
    }

    /** Whether {@code spec} has the form {@code NxMODEL}. */
    static boolean isSpec(String spec) {
        return SPEC.matcher(spec.strip()).matches();
    }

    /** The simulated bank, to switch faults on. */
    SimulatedBank bank() {
        return bank;
    }

    /** The driver reading it. */
    PylonDriver driver() {
        return driver;
    }

    /** The driver's CAN transport (for a recorder's frame listener), or null without CAN. */
    CanTransport driverCan() {
        return driverCan;
    }

    /** Whether the driver polls RS485. */
    boolean rs485() {
        return driverRs485 != null;
    }

    /**
     * Lets {@code simulated} time pass on the bank (one CAN cycle per simulated second), runs one driver poll cycle,
     * and waits until the driver has taken in the step's traffic.
     *
     * @throws TimeoutException if the buses did not deliver within {@link #DELIVERY_TIMEOUT}
     */
    void step(Duration simulated) throws TimeoutException, InterruptedException {
        DriverCounters before = driver.counters();
        bankTime.advance(simulated);
        if (driverCan != null) {
            long sent = server.traffic().canFramesSent();
            await(() -> driver.counters().canFrames() >= sent, "the bank's CAN frames");
        }
        // the driver's time stands just before a poll: move onto it, let the cycle finish, then stop just before
        // the next one, so that no response timeout falls due while a reply is still on its way through the bus
        driverTime.advance(firstStep ? Duration.ZERO : Duration.ofNanos(1));
        firstStep = false;
        try {
            awaitRs485(before);
        } finally {
            driverTime.advance(driver.options().profile().rs485PollInterval().minusNanos(1));
        }
    }

    private void awaitRs485(DriverCounters before) throws TimeoutException, InterruptedException {
        if (driverRs485 == null) {
            return;
        }
        FaultSettings f = bank.faults();
        if (f.communicationLost()) {
            return; // nothing will come
        }
        if (f.baudMismatch() || f.corruptChecksums()) {
            await(() -> {
                DriverCounters c = driver.counters();
                // no request written in this step: the driver keeps the line quiet after a timeout, nothing is due
                return c.rs485Resyncs() > before.rs485Resyncs() || c.rs485BadFrames() > before.rs485BadFrames()
                        || c.rs485Requests() == before.rs485Requests();
            }, "the bank's broken RS485 reply");
            return;
        }
        await(() -> {
            DriverCounters c = driver.counters();
            return c.rs485Replies() >= before.rs485Replies() + 3
                    && c.rs485Requests() == c.rs485Replies() + c.rs485Rejections();
        }, "the bank's RS485 replies");
    }

    private void await(BooleanSupplier done, String what) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException(String.format(Locale.ROOT, "%s did not arrive within %d s (driver: %s)",
                        what, DELIVERY_TIMEOUT.toSeconds(), driver.counters()));
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Closes the driver, then the bank's server. */
    @Override
    public void close() {
        driver.close();
        if (driverCan != null) {
            driverCan.close();
        }
        if (driverRs485 != null) {
            driverRs485.close();
        }
        server.close();
    }
}
