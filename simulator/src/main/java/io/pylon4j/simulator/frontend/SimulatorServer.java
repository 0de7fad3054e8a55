package io.pylon4j.simulator.frontend;

import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.tcplisten.TcpListenTransport;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One simulated bank served on a CAN transport, an RS485 byte-stream transport, or both: the two front ends sharing
 * one {@link ReceivedTraffic}. It opens the transports on {@link #start()} and closes them, the front ends and its
 * own scheduler thread (if it made one) on {@link #close()}. {@link #start()} returns once its transports are open, so
 * that the first CAN frames reach the bus.
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
    private final Duration openTimeout;
    private boolean started;
    private boolean closed;

    private SimulatorServer(Builder b) {
        this.bank = b.bank;
        this.canTransport = b.can;
        this.rs485Transport = b.rs485;
        this.openTimeout = b.openTimeout;
        Scheduler scheduler = b.scheduler;
        if (scheduler == null) {
            ownExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pylon4j-simulator");
                t.setDaemon(true);
                return t;
            });
            scheduler = Scheduler.of(ownExecutor);
        } else {
            ownExecutor = null;
        }
        this.can = canTransport == null ? null
                : new CanBatterySimulator(bank, canTransport, b.frameSet, scheduler, b.period, traffic);
        this.rs485 = rs485Transport == null ? null
                : new Rs485BatterySimulator(bank, rs485Transport, scheduler, traffic);
    }

    /**
     * {@return a builder for a server of {@code bank}}
     *
     * @param bank the bank to serve
     */
    public static Builder builder(SimulatedBank bank) {
        return new Builder(bank);
    }

    /**
     * Opens the transports, waits until they are open, and starts both front ends; does nothing if already started
     * or closed. "Open" means the transport's {@code open()} completed, except for a listening
     * {@link TcpListenTransport} ({@code tcp-listen:}), which is open once its socket is bound: a client may come
     * later, and start() does not wait for a peer. The RS485 front end listens before its transport opens; the CAN
     * front end starts sending only once its transport is open, so that its first frames are not lost (a CAN
     * transport refuses frames before that).
     *
     * @throws TransportIoException if a transport fails to open or is not open within the open timeout (10 s
     *                              unless {@link Builder#openTimeout} says otherwise), naming it; the server is
     *                              closed then
     */
    public void start() {
        try {
            CompletableFuture<Void> rs485Open;
            CompletableFuture<Void> canOpen;
            synchronized (this) {
                if (started || closed) {
                    return;
                }
                started = true;
                rs485Open = rs485 == null ? null : startRs485();
                canOpen = can == null ? null : open(canTransport);
            }
            // not under the lock: close() (a shutdown hook) must not wait for this wait
            await("RS485", rs485Transport, rs485Open);
            await("CAN", canTransport, canOpen);
        } catch (RuntimeException e) {
            synchronized (this) {
                if (closed) {
                    return; // closed while opening (a shutdown hook): nothing left to start, not a failure
                }
            }
            close();
            throw e;
        }
        synchronized (this) {
            if (can != null && !closed) {
                can.start();
            }
        }
    }

    private CompletableFuture<Void> startRs485() {
        rs485.start();
        return open(rs485Transport);
    }

    private static CompletableFuture<Void> open(Transport transport) {
        CompletableFuture<Void> opened = transport.open().toCompletableFuture();
        if (transport instanceof TcpListenTransport listen) {
            listen.localPort(); // bound (or throws): open for a listener, which must not wait for a client here
            return CompletableFuture.completedFuture(null);
        }
        return opened;
    }

    private void await(String kind, Transport transport, CompletableFuture<Void> opened) {
        if (opened == null) {
            return;
        }
        try {
            opened.get(openTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TransportIoException(String.format(Locale.ROOT,
                    "simulator: the %s transport %s did not open within %.1f s (state %s)", kind,
                    transport.endpoint(), openTimeout.toMillis() / 1000.0, transport.state()), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new TransportIoException("simulator: the " + kind + " transport " + transport.endpoint()
                    + " failed to open: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportIoException("simulator: interrupted while the " + kind + " transport "
                    + transport.endpoint() + " was opening", e);
        }
    }

    /** {@return the bank served} */
    public SimulatedBank bank() {
        return bank;
    }

    /** {@return what the front ends received and sent} */
    public ReceivedTraffic traffic() {
        return traffic;
    }

    /** {@return the CAN front end, if the server has a CAN transport} */
    public Optional<CanBatterySimulator> can() {
        return Optional.ofNullable(can);
    }

    /** {@return the RS485 front end, if the server has an RS485 transport} */
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
        private Scheduler scheduler;
        private Duration period = Duration.ofSeconds(1);
        private Duration openTimeout = Duration.ofSeconds(10);

        private Builder(SimulatedBank bank) {
            this.bank = Objects.requireNonNull(bank, "bank");
        }

        /**
         * Serves CAN on {@code transport} (not yet opened; the server opens and closes it).
         *
         * @param transport the CAN bus to serve
         * @return this builder
         */
        public Builder can(CanTransport transport) {
            this.can = transport;
            return this;
        }

        /**
         * Serves RS485 on {@code transport} (not yet opened; the server opens and closes it).
         *
         * @param transport the byte stream to serve
         * @return this builder
         */
        public Builder rs485(ByteStreamTransport transport) {
            this.rs485 = transport;
            return this;
        }

        /**
         * The CAN frame set, {@link CanFrameSet#PYLON_V12} by default.
         *
         * @param frameSet the frames each CAN cycle holds
         * @return this builder
         */
        public Builder frameSet(CanFrameSet frameSet) {
            this.frameSet = Objects.requireNonNull(frameSet, "frameSet");
            return this;
        }

        /**
         * The scheduler; by default the server runs its own daemon thread on wall-clock time.
         *
         * @param scheduler times the CAN cycles and late replies; the caller keeps owning it
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * How long {@link SimulatorServer#start()} waits for each transport to open, 10 s by default; positive.
         *
         * @param timeout the longest wait for one transport to open
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder openTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("openTimeout must be positive: " + timeout);
            }
            this.openTimeout = timeout;
            return this;
        }

        /**
         * The CAN cycle, 1 s by default.
         *
         * @param period the CAN cycle, positive
         * @return this builder
         */
        public Builder period(Duration period) {
            this.period = Objects.requireNonNull(period, "period");
            return this;
        }

        /**
         * Builds the server.
         *
         * @return a server, not started yet
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
