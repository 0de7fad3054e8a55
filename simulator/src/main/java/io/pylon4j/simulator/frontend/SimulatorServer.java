package io.pylon4j.simulator.frontend;

import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One simulated bank served on a CAN transport, an RS485 byte-stream transport, or both: the two front ends sharing
 * one {@link ReceivedTraffic}. It opens the transports on {@link #start()} and closes them, the front ends and its
 * own scheduler thread (if it made one) on {@link #close()}.
 *
 * <pre>{@code
 * try (SimulatorServer server = SimulatorServer.builder(bank).can(canTransport).rs485(serialTransport).build()) {
 *     server.start();
 *     ...
 * }
 * }</pre>
 */
public final class SimulatorServer implements AutoCloseable {

    private final SimulatedBank bank;
    private final ReceivedTraffic traffic = new ReceivedTraffic();
    private final CanTransport canTransport;
    private final ByteStreamTransport rs485Transport;
    private final ScheduledExecutorService ownExecutor;
    private final CanBatterySimulator can;
    private final Rs485BatterySimulator rs485;
    private boolean started;
    private boolean closed;

    private SimulatorServer(Builder b) {
        this.bank = b.bank;
        this.canTransport = b.can;
        this.rs485Transport = b.rs485;
        SimulatorScheduler scheduler = b.scheduler;
        if (scheduler == null) {
            ownExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pylon4j-simulator");
                t.setDaemon(true);
                return t;
            });
            scheduler = SimulatorScheduler.of(ownExecutor);
        } else {
            ownExecutor = null;
        }
        this.can = canTransport == null ? null
                : new CanBatterySimulator(bank, canTransport, b.frameSet, scheduler, b.period, traffic);
        this.rs485 = rs485Transport == null ? null
                : new Rs485BatterySimulator(bank, rs485Transport, scheduler, traffic);
    }

    /** A builder for a server of {@code bank}. */
    public static Builder builder(SimulatedBank bank) {
        return new Builder(bank);
    }

    /** Opens the transports (without waiting for a peer) and starts both front ends. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        if (rs485 != null) {
            rs485.start();
            rs485Transport.open();
        }
        if (can != null) {
            can.start();
            canTransport.open();
        }
    }

    /** The bank served. */
    public SimulatedBank bank() {
        return bank;
    }

    /** What the front ends received and sent. */
    public ReceivedTraffic traffic() {
        return traffic;
    }

    /** The CAN front end, if the server has a CAN transport. */
    public Optional<CanBatterySimulator> can() {
        return Optional.ofNullable(can);
    }

    /** The RS485 front end, if the server has an RS485 transport. */
    public Optional<Rs485BatterySimulator> rs485() {
        return Optional.ofNullable(rs485);
    }

    /** Stops the front ends, closes the transports and the server's own scheduler thread. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (can != null) {
            can.close();
            canTransport.close();
        }
        if (rs485 != null) {
            rs485.close();
            rs485Transport.close();
        }
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
            try {
                ownExecutor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Builds a {@link SimulatorServer}. */
    public static final class Builder {
        private final SimulatedBank bank;
        private CanTransport can;
        private ByteStreamTransport rs485;
        private CanFrameSet frameSet = CanFrameSet.PYLON_V12;
        private SimulatorScheduler scheduler;
        private Duration period = Duration.ofSeconds(1);

        private Builder(SimulatedBank bank) {
            this.bank = Objects.requireNonNull(bank, "bank");
        }

        /** Serves CAN on {@code transport} (not yet opened; the server opens and closes it). */
        public Builder can(CanTransport transport) {
            this.can = transport;
            return this;
        }

        /** Serves RS485 on {@code transport} (not yet opened; the server opens and closes it). */
        public Builder rs485(ByteStreamTransport transport) {
            this.rs485 = transport;
            return this;
        }

        /** The CAN frame set, {@link CanFrameSet#PYLON_V12} by default. */
        public Builder frameSet(CanFrameSet frameSet) {
            this.frameSet = Objects.requireNonNull(frameSet, "frameSet");
            return this;
        }

        /** The scheduler; by default the server runs its own daemon thread on wall-clock time. */
        public Builder scheduler(SimulatorScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The CAN cycle, 1 s by default. */
        public Builder period(Duration period) {
            this.period = Objects.requireNonNull(period, "period");
            return this;
        }

        /**
         * Builds the server.
         *
         * @throws IllegalStateException if neither a CAN nor an RS485 transport was given
         */
        public SimulatorServer build() {
            if (can == null && rs485 == null) {
                throw new IllegalStateException("a simulator server needs a CAN or an RS485 transport, or both");
            }
            return new SimulatorServer(this);
        }
    }
}
