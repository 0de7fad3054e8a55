package io.pylon4j.driver;

import io.pylon4j.driver.internal.BankModel;
import io.pylon4j.driver.internal.DriverEngine;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.Transports;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
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
 * <p>How it reads each link (CAN keep-alives; the RS485 poll of every group, with timeouts and retries), and every
 * factory at a glance with who closes its transports: {@code docs/driver-model.md}.
 *
 * <p><b>Threads.</b> Events come in order on {@link DriverOptions#eventExecutor()}, never on a transport's I/O thread;
 * a slow listener delays only itself. What runs where, and how 1,000 banks share a few threads: {@link DriverOptions}.
 */
public final class PylonDriver implements AutoCloseable {

    private final DriverOptions options;
    private final DriverEngine engine;
    private final DriverLifecycle lifecycle = new DriverLifecycle();

    private PylonDriver(DriverLinks links, DriverOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.engine = links.engine(options);
    }

    /**
     * A driver reading a bank over CAN, on a transport the caller owns (and closes).
     *
     * @param transport the CAN link to the bank; the driver opens it if still new, but never closes it
     * @param options   the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     */
    public static PylonDriver can(CanTransport transport, DriverOptions options) {
        return new PylonDriver(DriverLinks.of(Objects.requireNonNull(transport, "transport"), null), options);
    }

    /**
     * A driver polling a bank over RS485, on a transport the caller owns (and closes).
     *
     * @param transport the RS485 link to the bank; the driver opens it if still new, but never closes it
     * @param options   the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     */
    public static PylonDriver rs485(ByteStreamTransport transport, DriverOptions options) {
        return new PylonDriver(DriverLinks.of(null, Objects.requireNonNull(transport, "transport")), options);
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
        return new PylonDriver(DriverLinks.both(can, rs485), options);
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
     * @throws InvalidEndpointException if an endpoint is malformed, names an unknown scheme or one of the wrong kind
     */
    public static PylonDriver openCanAndRs485(Transports transports, String canEndpoint, String rs485Endpoint,
                                              DriverOptions options) {
        return new PylonDriver(DriverLinks.open(transports, canEndpoint, rs485Endpoint), options);
    }

    /**
     * An RS485 driver that finds the battery's baud rate (DIP switch 1, docs/protocol.md §2.1): it polls on
     * {@code factory.apply(115200)}, then {@code factory.apply(9600)}, and so on in turn, each for one detection window
     * ({@code docs/driver-model.md}), until one answers ({@link #rs485BaudRate()}). It closes what the factory makes.
     *
     * @param factory makes a new, unopened RS485 transport at the given baud rate (bit/s); called once per rate tried
     * @param options the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     */
    public static PylonDriver rs485DetectingBaud(IntFunction<ByteStreamTransport> factory, DriverOptions options) {
        return new PylonDriver(DriverLinks.detectingBaud(Objects.requireNonNull(factory, "factory")), options);
    }

    /**
     * {@link #rs485DetectingBaud(IntFunction, DriverOptions)} on an endpoint string whose {@code baud} parameter is
     * set to each rate tried (replaced or added, the other parameters kept in order), a rate the endpoint names first:
     * {@code serial:/dev/ttyUSB0} is tried as {@code serial:/dev/ttyUSB0?baud=115200}, then with {@code ?baud=9600}.
     *
     * @param transports the transport providers that resolve the endpoint at each rate
     * @param endpoint   the RS485 transport's endpoint, with or without a {@code baud} parameter
     * @param options    the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     * @throws InvalidEndpointException if the endpoint does not parse or its baud is not a number
     */
    public static PylonDriver openRs485DetectingBaud(Transports transports, String endpoint, DriverOptions options) {
        return new PylonDriver(DriverLinks.detectingBaud(transports, endpoint), options);
    }

    /**
     * A CAN driver on a transport found by endpoint ({@code socketcan:can0}, {@code replay:FILE}); closes it.
     *
     * @param endpoint the CAN transport's endpoint, resolved by the transports the service loader finds
     * @param options  the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     * @throws InvalidEndpointException if the endpoint is malformed, names an unknown scheme or an RS485 one
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
     * @throws InvalidEndpointException if the endpoint is malformed, names an unknown scheme or an RS485 one
     */
    public static PylonDriver openCan(Transports transports, String endpoint, DriverOptions options) {
        return new PylonDriver(DriverLinks.owned(transports.can(endpoint), null), options);
    }

    /**
     * An RS485 driver on a transport found by endpoint ({@code serial:/dev/ttyUSB0?baud=115200}); closes it.
     *
     * @param endpoint the RS485 transport's endpoint, resolved by the transports the service loader finds
     * @param options  the bank, profiles, policy, time source and threads
     * @return a driver not yet started ({@link #start()})
     * @throws InvalidEndpointException if the endpoint is malformed, names an unknown scheme or a CAN one
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
     * @throws InvalidEndpointException if the endpoint is malformed, names an unknown scheme or a CAN one
     */
    public static PylonDriver openRs485(Transports transports, String endpoint, DriverOptions options) {
        return new PylonDriver(DriverLinks.owned(null, transports.byteStream(endpoint)), options);
    }

    /**
     * Opens the transports (those still {@link ConnectionState#NEW}) and starts keep-alives and polling. Idempotent.
     * The driver keeps running whatever the stage says (supervision reports each link) until closed.
     *
     * @return a stage completed when every link is first up, completed exceptionally when a transport gives up or the
     *         driver is already closed
     */
    public CompletionStage<Void> start() {
        return lifecycle.start(engine::start);
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
        return engine.can().map(CanFrameTap::new);
    }

    /**
     * A snapshot of the driver's counters.
     *
     * @return every counter's value now; each only grows
     */
    public DriverCounters counters() {
        return engine.counters();
    }

    /** The model this driver feeds, for tests in this package that look inside it (not part of the public face). */
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
        return lifecycle.isClosed();
    }

    /**
     * A stage completed when {@link #close()} has finished. Actions added to it run on the thread that closes the
     * driver (or at once, on the caller's thread, if it is closed already), must be quick, and cannot make
     * {@code close()} throw. A read-only view: completing its {@code toCompletableFuture()} does not affect it.
     *
     * @return a stage completed, normally, once {@link #close()} has finished
     */
    public CompletionStage<Void> whenClosed() {
        return lifecycle.whenClosed();
    }

    /**
     * Stops everything: keep-alives, polls, supervision, event delivery (subscribers complete after what is
     * queued), then closes the transports the driver opened and shuts its own thread down. Idempotent; never throws.
     */
    @Override
    public void close() {
        lifecycle.close(() -> DriverLinks.close(engine));
    }

    @Override
    public String toString() {
        return "PylonDriver[" + options.bankId() + engine + "]";
    }
}
