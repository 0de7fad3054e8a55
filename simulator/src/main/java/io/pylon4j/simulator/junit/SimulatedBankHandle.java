package io.pylon4j.simulator.junit;

import io.pylon4j.simulator.BankSnapshot;
import io.pylon4j.simulator.FaultSettings;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.ReceivedTraffic;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Transports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A running simulated bank as a test sees it: steer it ({@link #bank()} for load, SOC, module and flag faults;
 * {@link #faults(UnaryOperator)} for wire faults), move its time ({@link #advance}), read what it received
 * ({@link #traffic()}), and reach it ({@link #canEndpoint()}, {@link #rs485Endpoint()}, {@link #newCanClient()},
 * {@link #newRs485Client()}). Made and closed by {@link PylonBankExtension}; transports it hands out are closed with
 * it.
 */
public final class SimulatedBankHandle implements AutoCloseable {

    private final SimulatorServer server;
    /** Moves the bank's manual time; null when it runs on real time. */
    private final Consumer<Duration> clock;
    private final Transports transports;
    private final String canEndpoint;
    private final String rs485Endpoint;
    private final int rs485Port;
    private final List<AutoCloseable> clients = new ArrayList<>();

    SimulatedBankHandle(SimulatorServer server, Consumer<Duration> clock, Transports transports, String canEndpoint,
            String rs485Endpoint, int rs485Port) {
        this.server = server;
        this.clock = clock;
        this.transports = transports;
        this.canEndpoint = canEndpoint;
        this.rs485Endpoint = rs485Endpoint;
        this.rs485Port = rs485Port;
    }

    /** {@return the bank model: load, SOC, temperatures, modules offline, forced protections and alarms} */
    public SimulatedBank bank() {
        return server.bank();
    }

    /** {@return the latest snapshot of the bank} */
    public BankSnapshot snapshot() {
        return server.bank().snapshot();
    }

    /**
     * Changes the wire faults, e.g. {@code handle.faults(f -> f.withCorruptChecksums(true))}.
     *
     * @param change maps the current settings to the new ones (see {@link SimulatedBank#updateFaults})
     * @return the new settings
     */
    public FaultSettings faults(UnaryOperator<FaultSettings> change) {
        return server.bank().updateFaults(change);
    }

    /** {@return what the bank received (0x305 keep-alives, RS485 requests) and sent} */
    public ReceivedTraffic traffic() {
        return server.traffic();
    }

    /**
     * Moves the virtual clock: CAN cycles and late replies due in {@code duration} happen now, on this thread.
     *
     * @param duration how much manual time passes, zero or more
     * @throws IllegalStateException if the bank runs on wall-clock time ({@code manualTime = false})
     */
    public void advance(Duration duration) {
        if (clock == null) {
            throw new IllegalStateException("this bank runs on wall-clock time (@PylonBank(manualTime = false))");
        }
        clock.accept(duration);
    }

    /** {@return the transports instance that resolves the bank's {@code virtual:} endpoints (buses belong to it)} */
    public Transports transports() {
        return transports;
    }

    /**
     * {@return the CAN endpoint to connect to ({@code virtual:NAME} through {@link #transports()}), if CAN is served}
     */
    public Optional<String> canEndpoint() {
        return Optional.ofNullable(canEndpoint);
    }

    /**
     * {@return the RS485 endpoint to connect to, if RS485 is served: {@code virtual:NAME} (through
     * {@link #transports()}) or {@code tcp:127.0.0.1:PORT}}
     */
    public Optional<String> rs485Endpoint() {
        return Optional.ofNullable(rs485Endpoint);
    }

    /** {@return the loopback TCP port of the RS485 side, when it listens on TCP} */
    public OptionalInt rs485Port() {
        return rs485Port > 0 ? OptionalInt.of(rs485Port) : OptionalInt.empty();
    }

    /** {@return a new, open member of the bank's virtual CAN bus, closed with the bank} */
    public synchronized CanTransport newCanClient() {
        CanTransport t = transports.can(canEndpoint().orElseThrow(() -> new IllegalStateException("no CAN served")));
        clients.add(t);
        join(t.open());
        return t;
    }

    /** {@return a new, open member of the bank's virtual RS485 bus (VIRTUAL transport only), closed with the bank} */
    public synchronized ByteStreamTransport newRs485Client() {
        String endpoint = rs485Endpoint().filter(e -> e.startsWith("virtual:"))
                .orElseThrow(() -> new IllegalStateException("RS485 is not served on a virtual bus"));
        ByteStreamTransport t = transports.byteStream(endpoint);
        clients.add(t);
        join(t.open());
        return t;
    }

    private static void join(java.util.concurrent.CompletionStage<Void> open) {
        try {
            open.toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening a client", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not open a client of the simulated bank", e);
        }
    }

    /** Closes the clients handed out, the front ends and the bank's transports. */
    @Override
    public synchronized void close() {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception e) {
                // closing test clients: nothing to do about a failure
            }
        }
        server.close();
    }
}
