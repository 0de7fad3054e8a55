package io.pylon4j.driver;

import io.pylon4j.driver.internal.BankModel;
import io.pylon4j.driver.internal.BaudRates;
import io.pylon4j.driver.internal.DriverEngine;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.Transports;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntFunction;

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

    private final DriverOptions options;
    private final DriverEngine engine;
    private final CanFrameTap canFrameTap;
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
        this.engine = new DriverEngine(can, rs485, owned, options, rs485Factory, baudRates);
        this.canFrameTap = can == null ? null : new CanFrameTap(can);
        engine.threads().ticker().add(engine.model());
    }

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
                BaudRates.defaults());
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
        return new PylonDriver(null, null, List.of(), options,
                baud -> transports.byteStream(BaudRates.withBaud(parsed, baud)), BaudRates.startingWith(parsed));
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
        if (started.compareAndSet(false, true)) {
            return engine.start();
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The baud rate that answered, when the driver was made with {@link #rs485DetectingBaud}; empty before a rate
     * answered or for other drivers.
     *
     * @return the rate that answered, bit/s
     */
    public OptionalInt rs485BaudRate() {
        return engine.rs485BaudRate();
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
        return engine.model().status();
    }

    /**
     * Adds a listener called for every event, in order, on the event executor.
     *
     * @param listener called once per event, never concurrently with itself; what it throws is counted
     *                 ({@link DriverCounters#listenerFailures()}), not propagated
     * @return a subscription whose cancel or close removes the listener
     */
    public EventSubscription addListener(Consumer<? super BankEvent> listener) {
        return engine.publisher().addListener(listener);
    }

    /**
     * The events as a {@link Flow.Publisher} (delivered on the event executor; see {@link EventSubscription}).
     *
     * @return the driver's publisher; each subscriber gets its own bounded queue
     */
    public Flow.Publisher<BankEvent> events() {
        return engine.publisher();
    }

    /**
     * The CAN frames this driver receives, read-only (a second-master check needs them; {@link CanFrameTap}).
     *
     * @return the tap, or empty when the driver reads no CAN
     */
    public Optional<CanFrameTap> canFrameTap() {
        return Optional.ofNullable(canFrameTap);
    }

    /**
     * A snapshot of the driver's counters.
     *
     * @return every counter's value now; each only grows
     */
    public DriverCounters counters() {
        return engine.counters();
    }

    /**
     * The model, for tests in this package that look inside it; the engine is not part of the public face.
     *
     * @return the model this driver feeds; its inputs and ticks are serialised with the driver's
     */
    BankModel model() {
        return engine.model();
    }

    /**
     * Replaces the limit policy (new caps, expected module count) and republishes.
     *
     * @param policy the policy that decides the published limits from now on
     */
    public void setPolicy(LimitPolicy policy) {
        engine.model().setPolicy(policy, options.time().now());
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
        engine.threads().ticker().remove(engine.model());
        engine.close();
        closedStage.complete(null); // dependents' exceptions stay in their own stages: close still never throws
    }

    @Override
    public String toString() {
        return "PylonDriver[" + options.bankId() + engine + "]";
    }
}
