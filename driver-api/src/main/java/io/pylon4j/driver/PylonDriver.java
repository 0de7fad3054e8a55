package io.pylon4j.driver;

import io.pylon4j.driver.internal.BankModel;
import io.pylon4j.driver.internal.CanStrategy;
import io.pylon4j.driver.internal.DriverMetrics;
import io.pylon4j.driver.internal.EventPublisher;
import io.pylon4j.driver.internal.Rs485Strategy;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ConnectionStateListener;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.time.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The inverter-side driver of one Pylontech bank: reads it over CAN, RS485 or both, merges what it reads into one
 * bank model, supervises freshness and publishes {@link BankEvent}s and fail-safe limits.
 *
 * <pre>{@code
 * try (PylonDriver driver = PylonDriver.openCan("socketcan:can0", DriverOptions.builder("bank-1")
 *         .profile(InverterProfile.VICTRON).eventExecutor(myExecutor).build())) {
 *     driver.addListener(event -> System.out.println(BankEventJson.toJson(event)));
 *     driver.start().toCompletableFuture().join();
 *     PublishedLimits limits = driver.status().publishedLimits();
 * }
 * }</pre>
 *
 * <p><b>Strategies.</b> CAN: a frame listener decodes each frame on the transport's I/O thread and calls the model
 * (never blocks); a scheduled task sends 0x305 (and 0x307 in Victron mode) every
 * {@link InverterProfile#keepAliveInterval()}, skipped and counted while the link is down. RS485: a non-blocking
 * poll state machine (for each group of {@link DriverOptions#rs485Groups()}: whole-stack 0x42 and 0x44 and the
 * master's 0x92 every {@link InverterProfile#rs485PollInterval()}; 0x51 and 0x47 once, into
 * {@link BankStatus#bankInfo()}; 0x93/0x96 per module when a group's module count changes), with per-request timeout
 * and retries.
 *
 * <p><b>Threads.</b> Events are delivered in order on {@link DriverOptions#eventExecutor()}, never on a transport's
 * I/O thread; a slow listener delays only itself. Periodic work runs on {@link DriverOptions#scheduler()}. What the
 * options leave empty runs on one daemon thread the driver owns ({@code pylon4j-driver-<bankId>}), shut down by
 * {@link #close()}. Share one executor, scheduler and {@link SupervisionTicker} among many drivers to run
 * thousands of banks on a handful of threads.
 *
 * <p><b>Lifecycle.</b> Create with a factory, add listeners, {@link #start()}. {@link #close()} is idempotent, never
 * throws, cancels every task, completes the event stream, and closes the transports the driver opened itself (from
 * an endpoint string); transports handed in are left open — their owner closes them.
 */
public final class PylonDriver implements AutoCloseable {


    /** Tried in this order by baud detection: the default, then the DIP-switch-1 mistake (docs/protocol.md §2.1). */
    private static final int[] DEFAULT_BAUD_RATES = {115200, 9600};

    private final DriverOptions options;
    private final DriverMetrics metrics = new DriverMetrics();
    private final EventPublisher publisher;
    private final BankModel model;
    private final ScheduledThreadPoolExecutor ownExecutor;
    private final Scheduler scheduler;
    private final SupervisionTicker ticker;
    private final boolean ownTicker;
    private final CanTransport can;
    private ByteStreamTransport rs485;
    private final List<Transport> owned;
    private final CanStrategy canStrategy;
    /** Volatile: {@link #onState} reads it on a transport's I/O thread, where the driver's lock is not taken. */
    private volatile Rs485Strategy rs485Strategy;
    private Runnable rs485Detach;
    private final IntFunction<ByteStreamTransport> rs485Factory;
    private final int[] baudRates;
    private int baudIndex;
    private volatile int detectedBaud;
    private Scheduler.Cancellable baudCheck;
    private final List<Runnable> detach = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Completed at the end of {@link #close()}; metrics registrations hang their own clean-up on it. */
    private final CompletableFuture<Void> closedStage = new CompletableFuture<>();

    private PylonDriver(CanTransport can, ByteStreamTransport rs485, List<Transport> owned, DriverOptions options) {
        this(can, rs485, owned, options, null, null);
    }

    private PylonDriver(CanTransport can, ByteStreamTransport rs485, List<Transport> owned, DriverOptions options,
                        IntFunction<ByteStreamTransport> rs485Factory, int[] baudRates) {
        this.options = Objects.requireNonNull(options, "options");
        this.can = can;
        this.rs485Factory = rs485Factory;
        this.baudRates = baudRates;
        if (rs485Factory != null) {
            rs485 = Objects.requireNonNull(rs485Factory.apply(baudRates[0]), "transport from the factory");
            owned = List.of(rs485);
        }
        this.rs485 = rs485;
        this.owned = new ArrayList<>(owned);
        boolean needOwn = options.eventExecutor().isEmpty() || options.scheduler().isEmpty();
        if (needOwn) {
            String name = "pylon4j-driver-" + options.bankId();
            ownExecutor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            ownExecutor.setRemoveOnCancelPolicy(true);
        } else {
            ownExecutor = null;
        }
        Executor events = options.eventExecutor().orElse(ownExecutor);
        this.scheduler = options.scheduler().orElseGet(() -> Scheduler.of(ownExecutor));
        this.publisher = new EventPublisher(events, options.eventBuffer(), EventPublisher.DEFAULT_BATCH_SIZE);
        this.model = new BankModel(options.bankId(), options.profile(), options.policy(), publisher::submit,
                options.time().now());
        this.ownTicker = options.ticker().isEmpty();
        this.ticker = ownTicker ? newTicker(options, scheduler, ownExecutor) : options.ticker().get();
        ticker.add(model);
        this.canStrategy = can == null ? null : new CanStrategy(can, model, options, metrics);
        this.rs485Strategy = rs485 == null ? null : new Rs485Strategy(rs485, model, options, metrics);
        if (can != null) {
            detach.add(watch(can, Source.CAN));
        }
        if (rs485 != null) {
            rs485Detach = watch(rs485, Source.RS485);
        }
    }

    private static SupervisionTicker newTicker(DriverOptions options, Scheduler scheduler,
                                               ScheduledThreadPoolExecutor own) {
        try {
            return new SupervisionTicker(options.time(), scheduler);
        } catch (RuntimeException e) {
            if (own != null) {
                own.shutdown(); // a constructor that fails must not leave its thread behind
            }
            throw e;
        }
    }

    private Runnable watch(Transport t, Source source) {
        ConnectionStateListener l = change -> onState(source, change);
        t.addStateListener(l);
        if (t.state() != ConnectionState.NEW) {
            model.onTransportState(source, t.state(), options.time().now());
        }
        if (t.state() == ConnectionState.CONNECTED) {
            everUp.add(source); // opened by the caller before the driver: its next CONNECTED is a reconnect
        }
        return () -> t.removeStateListener(l);
    }

    private void onState(Source source, ConnectionStateChange change) {
        if (change.current() == ConnectionState.CONNECTED && change.previous() != ConnectionState.CONNECTED
                && !everUp.add(source)) {
            metrics.reconnects.increment(); // up again after having been up before
            Rs485Strategy rs485Now = rs485Strategy;
            if (source == Source.RS485 && rs485Now != null) {
                rs485Now.linkReconnected();
            }
        }
        model.onTransportState(source, change, options.time().now());
    }

    /** Links that have been up at least once; not under the driver's lock (an I/O thread must never wait for it). */
    private final Set<Source> everUp = ConcurrentHashMap.newKeySet();

    /**
     * A driver reading a bank over CAN, on a transport the caller owns (and closes).
     *
     * @param transport the CAN link to the bank; the driver opens it if still new, but never closes it
     * @param options   the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     */
    public static PylonDriver can(CanTransport transport, DriverOptions options) {
        return new PylonDriver(Objects.requireNonNull(transport, "transport"), null, List.of(), options);
    }

    /**
     * A driver polling a bank over RS485, on a transport the caller owns (and closes).
     *
     * @param transport the RS485 link to the bank; the driver opens it if still new, but never closes it
     * @param options   the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     */
    public static PylonDriver rs485(ByteStreamTransport transport, DriverOptions options) {
        return new PylonDriver(null, Objects.requireNonNull(transport, "transport"), List.of(), options);
    }

    /**
     * A driver reading one bank over CAN and RS485 at once, merged into one model with per-source freshness
     * ({@link BankStatus#sources()}); the bank is down only when both links are. The caller owns both transports.
     *
     * @param can     the CAN link to the bank; opened by the driver if still new, never closed by it
     * @param rs485   the RS485 link to the same bank; opened by the driver if still new, never closed by it
     * @param options the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     */
    public static PylonDriver canAndRs485(CanTransport can, ByteStreamTransport rs485, DriverOptions options) {
        return new PylonDriver(Objects.requireNonNull(can, "can"), Objects.requireNonNull(rs485, "rs485"), List.of(),
                options);
    }

    /**
     * A driver reading one bank over CAN and RS485 at once, both opened by endpoint; the driver closes both. If the
     * second endpoint cannot be resolved the first transport is closed before the exception leaves.
     *
     * @param transports    the transport providers that resolve both endpoints
     * @param canEndpoint   the CAN transport's endpoint, e.g. {@code socketcan:can0}
     * @param rs485Endpoint the RS485 transport's endpoint, e.g. {@code serial:/dev/ttyUSB0?baud=115200}
     * @param options       the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     * @throws io.pylon4j.transport.InvalidEndpointException if the endpoint is malformed, names an unknown scheme or
     *         one of the other kind (CAN for RS485, or the reverse)
     */
    public static PylonDriver openCanAndRs485(Transports transports, String canEndpoint, String rs485Endpoint,
                                              DriverOptions options) {
        CanTransport c = transports.can(canEndpoint);
        ByteStreamTransport r;
        try {
            r = transports.byteStream(rs485Endpoint);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return new PylonDriver(c, r, List.of(c, r), options);
    }

    /**
     * An RS485 driver that finds the battery's baud rate: it polls on {@code factory.apply(115200)} and, when no
     * valid reply has come within one detection window (response timeout × (retries + 1) + poll interval), closes
     * that transport and tries {@code factory.apply(9600)} (the DIP-switch-1 mistake, docs/protocol.md §2.1), and so on in turn
     * until a rate answers ({@link #rs485BaudRate()}, {@link DriverCounters#baudSwitches()}). The driver owns and
     * closes the transports the factory makes.
     *
     * @param factory makes a new, unopened RS485 transport at the given baud rate (bit/s); called once per rate tried
     * @param options the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     */
    public static PylonDriver rs485DetectingBaud(IntFunction<ByteStreamTransport> factory, DriverOptions options) {
        return new PylonDriver(null, null, List.of(), options, Objects.requireNonNull(factory, "factory"),
                DEFAULT_BAUD_RATES.clone());
    }

    /**
     * {@link #rs485DetectingBaud(IntFunction, DriverOptions)} on an endpoint string: the endpoint's {@code baud}
     * parameter is set for each rate tried (replaced when the endpoint has one, added when not; the other
     * parameters are kept in their order), e.g. {@code serial:/dev/ttyUSB0} → {@code serial:/dev/ttyUSB0?baud=115200},
     * then {@code ?baud=9600}. A rate the endpoint names is tried first (so {@code serial:/dev/ttyUSB0?baud=9600}
     * starts at 9600), then the others of 115200 and 9600.
     *
     * @param transports the transport providers that resolve the endpoint at each rate
     * @param endpoint   the RS485 transport's endpoint, with or without a {@code baud} parameter
     * @param options    the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     * @throws io.pylon4j.transport.InvalidEndpointException if the endpoint does not parse or its baud is not a number
     */
    public static PylonDriver openRs485DetectingBaud(Transports transports, String endpoint, DriverOptions options) {
        Objects.requireNonNull(transports, "transports");
        Endpoint parsed = Endpoint.parse(Objects.requireNonNull(endpoint, "endpoint"));
        int named = parsed.intParameter(BAUD, 0);
        int[] rates = named > 0 ? IntStream.concat(IntStream.of(named),
                IntStream.of(DEFAULT_BAUD_RATES).filter(b -> b != named)).toArray() : DEFAULT_BAUD_RATES.clone();
        return new PylonDriver(null, null, List.of(), options,
                baud -> transports.byteStream(withBaud(parsed, baud)), rates);
    }

    private static final String BAUD = "baud";

    /** {@code endpoint} with its {@code baud} parameter set to {@code baud} (replaced in place, or added last). */
    static String withBaud(Endpoint endpoint, int baud) {
        Map<String, String> parameters = new LinkedHashMap<>(endpoint.parameters());
        parameters.put(BAUD, Integer.toString(baud)); // a repeated key would make the endpoint invalid
        String text = endpoint.text();
        int question = text.indexOf('?');
        StringJoiner query = new StringJoiner("&", "?", "");
        parameters.forEach((k, v) -> query.add(k + "=" + v));
        return (question < 0 ? text : text.substring(0, question)) + query;
    }

    /**
     * A CAN driver on a transport found by endpoint ({@code socketcan:can0}, {@code replay:FILE}); closes it.
     *
     * @param endpoint the CAN transport's endpoint, resolved by the transports the service loader finds
     * @param options  the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     * @throws io.pylon4j.transport.InvalidEndpointException if the endpoint is malformed, names an unknown scheme or
     *         one of the other kind (CAN for RS485, or the reverse)
     */
    public static PylonDriver openCan(String endpoint, DriverOptions options) {
        return openCan(Transports.fromServiceLoader(), endpoint, options);
    }

    /**
     * A CAN driver on a transport from {@code transports}; the driver closes the transport.
     *
     * @param transports the transport providers that resolve {@code endpoint}
     * @param endpoint   the CAN transport's endpoint, e.g. {@code socketcan:can0}
     * @param options    the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     * @throws io.pylon4j.transport.InvalidEndpointException if the endpoint is malformed, names an unknown scheme or
     *         one of the other kind (CAN for RS485, or the reverse)
     */
    public static PylonDriver openCan(Transports transports, String endpoint, DriverOptions options) {
        CanTransport t = transports.can(endpoint);
        return new PylonDriver(t, null, List.of(t), options);
    }

    /**
     * An RS485 driver on a transport found by endpoint ({@code serial:/dev/ttyUSB0?baud=115200}); closes it.
     *
     * @param endpoint the RS485 transport's endpoint, resolved by the transports the service loader finds
     * @param options  the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     * @throws io.pylon4j.transport.InvalidEndpointException if the endpoint is malformed, names an unknown scheme or
     *         one of the other kind (CAN for RS485, or the reverse)
     */
    public static PylonDriver openRs485(String endpoint, DriverOptions options) {
        return openRs485(Transports.fromServiceLoader(), endpoint, options);
    }

    /**
     * An RS485 driver on a transport from {@code transports}; the driver closes the transport.
     *
     * @param transports the transport providers that resolve {@code endpoint}
     * @param endpoint   the RS485 transport's endpoint, e.g. {@code serial:/dev/ttyUSB0?baud=115200}
     * @param options    the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     * @throws io.pylon4j.transport.InvalidEndpointException if the endpoint is malformed, names an unknown scheme or
     *         one of the other kind (CAN for RS485, or the reverse)
     */
    public static PylonDriver openRs485(Transports transports, String endpoint, DriverOptions options) {
        ByteStreamTransport t = transports.byteStream(endpoint);
        return new PylonDriver(null, t, List.of(t), options);
    }

    /**
     * Opens the transports (those still {@link ConnectionState#NEW}) and starts keep-alives and polling.
     * Idempotent. The stage completes when every link is up the first time, or exceptionally when a transport
     * gives up; the driver keeps running either way (supervision reports the link) until closed.
     *
     * @return a stage completed when every link is first up, completed exceptionally when a transport gives up or the
     *         driver is already closed
     */
    public CompletionStage<Void> start() {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("driver closed"));
        }
        List<CompletableFuture<Void>> opens = new ArrayList<>();
        if (started.compareAndSet(false, true)) {
            if (can != null) {
                opens.add(open(can));
                canStrategy.start(scheduler);
            }
            synchronized (this) {
                if (rs485 != null) {
                    opens.add(open(rs485));
                    rs485Strategy.start(scheduler);
                    if (rs485Factory != null) {
                        scheduleBaudCheck();
                    }
                }
            }
        }
        return CompletableFuture.allOf(opens.toArray(CompletableFuture[]::new));
    }

    private static CompletableFuture<Void> open(Transport t) {
        if (t.state() == ConnectionState.NEW) {
            return t.open().toCompletableFuture();
        }
        return CompletableFuture.completedFuture(null);
    }

    private void scheduleBaudCheck() {
        InverterProfile p = options.profile();
        var window = p.rs485ResponseTimeout().multipliedBy(p.rs485Retries() + 1L).plus(p.rs485PollInterval());
        baudCheck = scheduler.schedule(this::checkBaud, window);
    }

    private synchronized void checkBaud() {
        if (closed.get()) {
            return;
        }
        if (rs485Strategy.answered()) {
            detectedBaud = baudRates[baudIndex];
            return;
        }
        rs485Strategy.close();
        rs485Detach.run();
        owned.remove(rs485);
        rs485.close();
        metrics.baudSwitches.increment();
        everUp.remove(Source.RS485); // a new transport coming up is not a reconnect
        baudIndex = (baudIndex + 1) % baudRates.length;
        rs485 = Objects.requireNonNull(rs485Factory.apply(baudRates[baudIndex]), "transport from the factory");
        owned.add(rs485);
        rs485Strategy = new Rs485Strategy(rs485, model, options, metrics);
        rs485Detach = watch(rs485, Source.RS485);
        open(rs485).exceptionally(e -> null); // a failed open shows in the link state and the next window
        rs485Strategy.start(scheduler);
        scheduleBaudCheck();
    }

    /**
     * The baud rate that answered, when the driver was made with {@link #rs485DetectingBaud}; empty before a rate
     * answered or for other drivers.
     *
     * @return the rate that answered, bit/s
     */
    public OptionalInt rs485BaudRate() {
        int b = detectedBaud;
        return b == 0 ? OptionalInt.empty() : OptionalInt.of(b);
    }

    /**
     * The bank's id.
     *
     * @return {@link DriverOptions#bankId()}, carried by every event
     */
    public String bankId() {
        return options.bankId();
    }

    /**
     * The options this driver runs with.
     *
     * @return the options given at construction (the policy may since have been replaced by {@link #setPolicy})
     */
    public DriverOptions options() {
        return options;
    }

    /**
     * The current time of this driver's {@link DriverOptions#time() time source}: pass it to
     * {@link BankStatus#age} and {@link BankStatusJson#toJson} (ages are monotonic; the wall reading is for display).
     *
     * @return the time source's monotonic and wall readings now
     */
    public io.pylon4j.transport.time.Moment now() {
        return options.time().now();
    }

    /**
     * The newest snapshot; lock-free, any thread.
     *
     * @return the bank's state after the newest input, tick or policy change
     */
    public BankStatus status() {
        return model.status();
    }

    /**
     * Adds a listener called for every event, in order, on the event executor.
     *
     * @param listener called once per event, never concurrently with itself; what it throws is counted
     *                 ({@link DriverCounters#listenerFailures()}), not propagated
     * @return a subscription whose cancel or close removes the listener
     */
    public EventSubscription addListener(Consumer<? super BankEvent> listener) {
        return publisher.addListener(listener);
    }

    /**
     * The events as a {@link Flow.Publisher} (delivered on the event executor; see {@link EventSubscription}).
     *
     * @return the driver's publisher; each subscriber gets its own bounded queue
     */
    public Flow.Publisher<BankEvent> events() {
        return publisher;
    }

    /**
     * A snapshot of the driver's counters.
     *
     * @return every counter's value now; each only grows
     */
    public DriverCounters counters() {
        return metrics.snapshot(publisher);
    }

    /**
     * The model, for tests in this package that look inside it; the engine is not part of the public face.
     *
     * @return the model this driver feeds; its inputs and ticks are serialised with the driver's
     */
    BankModel model() {
        return model;
    }

    /**
     * Replaces the limit policy (new caps, expected module count) and republishes.
     *
     * @param policy the policy that decides the published limits from now on
     */
    public void setPolicy(LimitPolicy policy) {
        model.setPolicy(policy, options.time().now());
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once {@link #close()} has been called, even while it is still running
     */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * A stage completed when {@link #close()} has finished. Actions added to it run on the thread that closes the
     * driver (or at once, on the caller's thread, if it is closed already), must be quick, and cannot make
     * {@code close()} throw; the JMX and Micrometer registrations use it to remove themselves. The stage is a
     * read-only view: completing what {@code toCompletableFuture()} returns does not affect the driver's.
     *
     * @return a stage completed, normally, once {@link #close()} has finished
     */
    public CompletionStage<Void> whenClosed() {
        return closedStage.minimalCompletionStage();
    }

    /**
     * Stops everything: keep-alives, polls, supervision, event delivery (subscribers complete after what is
     * queued), then closes the transports the driver opened and shuts its own thread down. Idempotent; never throws.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (canStrategy != null) {
            canStrategy.close();
        }
        List<Transport> toClose;
        synchronized (this) {
            if (baudCheck != null) {
                baudCheck.close();
            }
            if (rs485Strategy != null) {
                rs485Strategy.close();
                rs485Detach.run();
            }
            toClose = List.copyOf(owned);
        }
        detach.forEach(Runnable::run);
        ticker.remove(model);
        if (ownTicker) {
            ticker.close();
        }
        for (Transport t : toClose) {
            try {
                t.close();
            } catch (RuntimeException e) {
                // close never throws by contract; keep closing the rest if one breaks it
            }
        }
        publisher.close();
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
        closedStage.complete(null); // dependents' exceptions stay in their own stages: close still never throws
    }

    @Override
    public String toString() {
        return "PylonDriver[" + options.bankId() + (can != null ? " can=" + can.endpoint() : "")
                + (rs485 != null ? " rs485=" + rs485.endpoint() : "") + "]";
    }
}
