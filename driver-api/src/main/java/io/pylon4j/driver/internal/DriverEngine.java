package io.pylon4j.driver.internal;

import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * What one {@link io.pylon4j.driver.PylonDriver} runs, wired: its threads, event publisher and bank model, and per
 * link a strategy and a watcher (the RS485 link with its baud detection in {@link Rs485Link}). The driver is its
 * public face: it adds the model to the ticker, starts and closes this engine once.
 */
public final class DriverEngine {

    private final DriverMetrics metrics = new DriverMetrics();
    private final DriverThreads threads;
    private final EventPublisher publisher;
    private final BankModel model;
    private final CanTransport can;
    private final boolean ownsCan;
    private final CanStrategy canStrategy;
    private final Runnable canDetach;
    private final Rs485Link rs485;

    /**
     * Wires a driver's engine; with {@code rs485Factory}, the RS485 transport is the factory's at the first rate.
     *
     * @param can          the CAN transport, or null
     * @param rs485        the RS485 transport, or null (and null with a factory)
     * @param owned        the transports the driver closes
     * @param options      the bank, profiles, policy, time source and threads
     * @param rs485Factory makes an RS485 transport per baud rate tried; null unless detecting the rate
     * @param baudRates    the rates to try with a factory, in order; ignored without
     */
    public DriverEngine(CanTransport can, ByteStreamTransport rs485, List<Transport> owned, DriverOptions options,
                        IntFunction<ByteStreamTransport> rs485Factory, int[] baudRates) {
        Objects.requireNonNull(options, "options");
        if (rs485Factory != null) { // before any thread: a factory that throws leaves nothing behind
            rs485 = Objects.requireNonNull(rs485Factory.apply(baudRates[0]), "transport from the factory");
        }
        this.threads = DriverThreads.of(options);
        this.publisher = new EventPublisher(threads.events(), options.eventBuffer(), EventPublisher.DEFAULT_BATCH_SIZE);
        this.model = new BankModel(options.bankId(), options.profile(), options.policy(), publisher::submit,
                options.time().now());
        LinkWatcher watcher = new LinkWatcher(model, metrics, options.time());
        this.can = can;
        this.ownsCan = can != null && owned.contains(can);
        this.canStrategy = can == null ? null : new CanStrategy(can, model, options, metrics);
        this.canDetach = can == null ? () -> { } : watcher.watch(can, Source.CAN, () -> { });
        this.rs485 = rs485 == null ? null : new Rs485Link(rs485, owned.contains(rs485) || rs485Factory != null,
                rs485Factory, baudRates, model, options, metrics, watcher);
    }

    /**
     * Opens the transports still new and starts keep-alives and polling; call once.
     *
     * @return completed when every link is first up
     */
    public CompletableFuture<Void> start() {
        List<CompletableFuture<Void>> opens = new ArrayList<>();
        if (can != null) {
            opens.add(LinkWatcher.openIfNew(can));
            canStrategy.start(threads.scheduler());
        }
        if (rs485 != null) {
            opens.add(rs485.start(threads.scheduler())); // opens, then Rs485Strategy.start (Rs485Link#start)
        }
        return CompletableFuture.allOf(opens.toArray(CompletableFuture[]::new));
    }

    /**
     * The CAN link, for a read-only frame tap on the façade.
     *
     * @return the CAN transport, or empty when the driver reads RS485 only
     */
    public Optional<CanTransport> can() {
        return Optional.ofNullable(can);
    }

    /**
     * The model the links feed.
     *
     * @return the bank model
     */
    public BankModel model() {
        return model;
    }

    /**
     * The driver's threads.
     *
     * @return its executor, scheduler and ticker
     */
    public DriverThreads threads() {
        return threads;
    }

    /**
     * Where the model's events go.
     *
     * @return the publisher listeners and subscribers are added to
     */
    public EventPublisher publisher() {
        return publisher;
    }

    /**
     * The driver's counters now.
     *
     * @return a snapshot of every counter
     */
    public DriverCounters counters() {
        return metrics.snapshot(publisher);
    }

    /**
     * The RS485 baud rate that answered.
     *
     * @return the rate when detecting and one answered; empty otherwise
     */
    public OptionalInt rs485BaudRate() {
        return rs485 == null ? OptionalInt.empty() : rs485.baudRate();
    }

    /**
     * Stops the links, closes the ticker if it is the driver's own and the transports the driver owns, completes
     * the event stream and shuts the driver's thread down. Call once; never throws.
     */
    public void close() {
        List<Transport> toClose = new ArrayList<>(2);
        if (canStrategy != null) {
            canStrategy.close();
            if (ownsCan) {
                toClose.add(can);
            }
        }
        if (rs485 != null) {
            rs485.stop();
            toClose.add(rs485.ownedTransport());
        }
        canDetach.run();
        threads.closeTicker();
        for (Transport t : toClose) {
            try {
                if (t != null) {
                    t.close();
                }
            } catch (RuntimeException e) {
                // close never throws by contract; keep closing the rest if one breaks it
            }
        }
        publisher.close();
        threads.shutdown();
    }

    @Override
    public String toString() {
        return (can != null ? " can=" + can.endpoint() : "") + (rs485 != null ? " rs485=" + rs485.transport().endpoint()
                : "");
    }
}
