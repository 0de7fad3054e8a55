package io.pylon4j.driver.internal;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * A driver's RS485 link: its transport, the {@link Rs485Strategy} polling on it and, when the driver detects the
 * baud rate, the detection: after each window (response timeout × (retries + 1) + poll interval) without a valid
 * reply it closes the transport and polls on a new one at the next rate (docs/protocol.md §2.1), until a rate
 * answers. Thread-safe: its changes are serialised by its own lock; the strategy is read without it.
 */
public final class Rs485Link {

    private final BankModel model;
    private final DriverOptions options;
    private final DriverMetrics metrics;
    private final LinkWatcher watcher;
    private final boolean owned;
    /** Null unless detecting the baud rate: makes a transport per rate, in the order of {@link #baudRates}. */
    private final IntFunction<ByteStreamTransport> factory;
    private final int[] baudRates;
    private int baudIndex;
    private volatile int detectedBaud;
    private Scheduler.Cancellable baudCheck;
    private Scheduler scheduler;
    private volatile ByteStreamTransport transport;
    /** Volatile: a reconnect reads it on the transport's I/O thread, where this link's lock is not taken. */
    private volatile Rs485Strategy strategy;
    private Runnable detach;
    private boolean stopped;

    /**
     * A link on {@code transport}, polled once {@link #start started}; with a {@code factory}, detecting the baud
     * rate ({@code transport} is then the factory's transport at {@code baudRates[0]}).
     *
     * @param transport the RS485 transport to poll on first
     * @param owned     whether the driver closes it (always true with a factory: it owns what the factory makes)
     * @param factory   makes a new, unopened transport at a baud rate (bit/s); null when not detecting
     * @param baudRates the rates to try, in turn, with a factory; ignored without
     * @param model     the bank model the strategy feeds
     * @param options   the driver's options (profile timing)
     * @param metrics   counts baud switches, among others
     * @param watcher   forwards the link's state changes to the model
     */
    public Rs485Link(ByteStreamTransport transport, boolean owned, IntFunction<ByteStreamTransport> factory,
                     int[] baudRates, BankModel model, DriverOptions options, DriverMetrics metrics,
                     LinkWatcher watcher) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.owned = owned || factory != null;
        this.factory = factory;
        this.baudRates = factory == null ? new int[0] : baudRates.clone();
        this.model = model;
        this.options = options;
        this.metrics = metrics;
        this.watcher = watcher;
        this.strategy = new Rs485Strategy(transport, model, options, metrics);
        this.detach = watcher.watch(transport, Source.RS485, this::reconnected);
    }

    /**
     * Opens the transport if it is new and starts polling (and the baud detection's first window).
     *
     * @param scheduler runs the polls and the detection
     * @return completed when the transport is first up
     */
    public synchronized CompletableFuture<Void> start(Scheduler scheduler) {
        this.scheduler = scheduler;
        CompletableFuture<Void> open = LinkWatcher.openIfNew(transport);
        strategy.start(scheduler);
        if (factory != null) {
            scheduleBaudCheck();
        }
        return open;
    }

    private void reconnected() {
        strategy.linkReconnected();
    }

    private void scheduleBaudCheck() {
        InverterProfile p = options.profile();
        Duration window = p.rs485ResponseTimeout().multipliedBy(p.rs485Retries() + 1L).plus(p.rs485PollInterval());
        baudCheck = scheduler.schedule(this::checkBaud, window);
    }

    private synchronized void checkBaud() {
        if (stopped) {
            return;
        }
        if (strategy.answered()) {
            detectedBaud = baudRates[baudIndex];
            return;
        }
        strategy.close();
        detach.run();
        transport.close();
        metrics.baudSwitches.increment();
        watcher.forget(Source.RS485); // a new transport coming up is not a reconnect
        baudIndex = (baudIndex + 1) % baudRates.length;
        transport = Objects.requireNonNull(factory.apply(baudRates[baudIndex]), "transport from the factory");
        strategy = new Rs485Strategy(transport, model, options, metrics);
        detach = watcher.watch(transport, Source.RS485, this::reconnected);
        LinkWatcher.openIfNew(transport).exceptionally(e -> null); // a failure shows in the link state and next window
        strategy.start(scheduler);
        scheduleBaudCheck();
    }

    /**
     * The baud rate that answered, when detecting.
     *
     * @return the rate, bit/s; empty before a rate answered or when not detecting
     */
    public OptionalInt baudRate() {
        int b = detectedBaud;
        return b == 0 ? OptionalInt.empty() : OptionalInt.of(b);
    }

    /**
     * The transport polled now.
     *
     * @return the current transport (a new one after each baud switch)
     */
    public ByteStreamTransport transport() {
        return transport;
    }

    /** Stops polling and the detection, and stops watching the transport; idempotent. */
    public synchronized void stop() {
        stopped = true;
        if (baudCheck != null) {
            baudCheck.close();
        }
        strategy.close();
        detach.run();
    }

    /**
     * The transport, if the driver owns it (it closes it after {@link #stop}); null if its owner is the caller.
     *
     * @return the transport to close, or null
     */
    public synchronized ByteStreamTransport ownedTransport() {
        return owned ? transport : null;
    }
}
