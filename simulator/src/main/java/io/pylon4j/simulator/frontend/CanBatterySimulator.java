package io.pylon4j.simulator.frontend;

import io.pylon4j.can.CanFrame;
import io.pylon4j.simulator.BankSnapshot;
import io.pylon4j.simulator.FaultSettings;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.TransportException;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The CAN front end: every period (1 s by default) it advances the bank by the period, then sends the master's frame
 * set ({@link CanFrameSetGenerator}) on a {@link CanTransport}; it records every frame it receives, the inverter's
 * 0x305 keep-alives among them, in a {@link ReceivedTraffic}.
 *
 * <p>Wire faults, read from {@link SimulatedBank#faults()} at every cycle: communication lost → nothing is sent;
 * second master → after the set, a second 0x351 with {@link FaultSettings#secondMasterLimits()}; frozen values → the
 * same frames as long as the snapshot stays frozen (the model's doing). Module faults (offline modules, forced flags,
 * SOC divergence) show through the snapshot.
 *
 * <p>The transport is the caller's: open it before or after {@link #start()}, close it after {@link #close()}. A
 * frame that cannot be sent (transport not connected) is dropped and not counted.
 */
public final class CanBatterySimulator implements AutoCloseable {

    private final SimulatedBank bank;
    private final CanTransport transport;
    private final CanFrameSetGenerator generator;
    private final Scheduler scheduler;
    private final Duration period;
    private final ReceivedTraffic traffic;
    private final CanFrameListener listener;
    private volatile Consumer<List<CanFrame>> cycleListener = frames -> { };
    private volatile boolean running;
    private Scheduler.Cancellable next;
    /**
     * Held while a cycle runs, so that {@link #close()} can wait for one under way: once close returns, nothing more
     * is sent (a test that stops the CAN side must not see a cycle's frames trickle in afterwards).
     */
    private final Object cycleLock = new Object();

    /**
     * A front end for {@code bank} on {@code transport}.
     *
     * @param bank      the bank whose snapshot each cycle sends, and which each cycle advances by {@code period}
     * @param transport the CAN bus to send on and listen to (0x305 keep-alives); opened and closed by the caller
     * @param frameSet  which frames a cycle holds
     * @param scheduler times the cycles: wall-clock or a test's manual time
     * @param period    the cycle, 1 s on real batteries; positive
     * @param traffic   where received frames are recorded (shared with the RS485 front end if wanted)
     * @throws IllegalArgumentException if {@code period} is not positive
     */
    public CanBatterySimulator(SimulatedBank bank, CanTransport transport, CanFrameSet frameSet,
            Scheduler scheduler, Duration period, ReceivedTraffic traffic) {
        this.bank = Objects.requireNonNull(bank, "bank");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.generator = new CanFrameSetGenerator(frameSet);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.period = Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        this.traffic = Objects.requireNonNull(traffic, "traffic");
        this.listener = (frame, nanos) -> traffic.canReceived(frame, bank.now());
    }

    /**
     * Calls {@code listener} with the frames of every cycle, after they are sent (for logging).
     *
     * @param listener receives the frames sent by each cycle, on the scheduler's thread; replaces any listener before
     */
    public void onCycle(Consumer<List<CanFrame>> listener) {
        this.cycleListener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts listening and schedules the first cycle at once, then one every period. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        transport.addFrameListener(listener);
        next = scheduler.schedule(this::tick, Duration.ZERO);
    }

    private void tick() {
        synchronized (cycleLock) {
            if (!running) {
                return;
            }
            try {
                cycle();
            } finally {
                synchronized (this) {
                    if (running) {
                        next = scheduler.schedule(this::tick, period);
                    }
                }
            }
        }
    }

    private void cycle() {
        bank.advance(period);
        List<CanFrame> frames = frames(bank.snapshot(), bank.faults());
        List<CanFrame> sent = new ArrayList<>(frames.size());
        for (CanFrame f : frames) {
            try {
                transport.send(f);
                sent.add(f);
            } catch (TransportException e) {
                // not connected (yet): a real battery's frames also go nowhere without a bus partner
            }
        }
        traffic.canSent(sent.size());
        cycleListener.accept(sent);
    }

    /**
     * {@return the frames one cycle sends for {@code snapshot} under {@code faults}; empty when communication is lost}
     *
     * @param snapshot the bank state to encode
     * @param faults   the bank-wide faults: communication lost, a second master
     */
    public List<CanFrame> frames(BankSnapshot snapshot, FaultSettings faults) {
        if (faults.communicationLost()) {
            return List.of();
        }
        List<CanFrame> frames = new ArrayList<>(generator.frames(snapshot));
        faults.secondMaster().ifPresent(l -> frames.add(generator.limitsFrame(l)));
        return frames;
    }

    /** {@return what was received and sent} */
    public ReceivedTraffic traffic() {
        return traffic;
    }

    /**
     * Stops the cycle and the listener; the transport stays open. A cycle under way on another thread is finished
     * first (its frames all go out), so that no frame is sent after this returns; {@link #start()} resumes.
     */
    @Override
    public void close() {
        synchronized (this) {
            running = false;
            if (next != null) {
                next.close();
            }
            transport.removeFrameListener(listener);
        }
        synchronized (cycleLock) {
            // nothing: only waits for a cycle under way (re-entrant when a cycle listener closes the front end)
        }
    }
}
