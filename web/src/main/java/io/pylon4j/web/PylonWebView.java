package io.pylon4j.web;

import com.sun.net.httpserver.HttpServer;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.CanFrameTap;
import io.pylon4j.driver.EventSubscription;
import io.pylon4j.driver.PylonDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live, read-only web page of one driver, for an installer's phone or an EMS that embeds it: bank state and links,
 * published limits beside the battery's own with their provenance, plots of the last hour, the module table with a
 * cell-voltage heat map, alarms with raised and cleared times, counters and the commissioning checks. Served by the
 * JDK's HTTP server, updated with Server-Sent Events; endpoints and security defaults in {@code docs/web.md}.
 *
 * <p>Safe by default: it listens on loopback unless given another address, answers GET and HEAD only (nothing can be
 * commanded), sends a strict Content-Security-Policy, and holds a fixed amount of memory however many browsers
 * connect ({@link WebViewOptions}). It reads the driver's public snapshot ({@link PylonDriver#status()}) and events;
 * it never writes to the bank.
 *
 * <p>Threads, all named {@code pylon4j-web-…} and ended by {@link #close()}: one sampler, and
 * {@code maxSseClients + 4} HTTP threads (each live page holds one while it is connected). Closing the view does not
 * close the driver.
 */
public final class PylonWebView implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PylonWebView.class.getName());

    /** HTTP threads beyond the live pages, for page loads and JSON while every live slot is taken. */
    private static final int SPARE_HTTP_THREADS = 4;

    /** Requests waiting for an HTTP thread; more are shed (counted). */
    private static final int REQUEST_QUEUE = 64;

    private final PylonDriver driver;
    private final WebViewOptions options;
    private final ViewState state;
    private final SseHub hub;
    private final WebHandler handler;
    private final HttpServer server;
    private final ThreadPoolExecutor httpThreads;
    private final ScheduledExecutorService sampler;
    private final EventSubscription alarms;
    /** The bank frames of the last minute, for the single-CAN-master check; null for a driver without CAN. */
    private final BankFrameWindow canFrames;
    private final CanFrameTap.Registration canTap;
    private final AtomicLong shed = new AtomicLong();

    private PylonWebView(PylonDriver driver, WebViewOptions options) throws IOException {
        this.driver = driver;
        this.options = options;
        this.hub = new SseHub(options.maxSseClients(), options.clientQueueMessages());
        this.canFrames = driver.canFrameTap().isPresent() ? new BankFrameWindow(ViewState.COMMISSIONING_WINDOW)
                : null;
        this.state = new ViewState(driver, options.historySamples(), canFrames, this::counters);
        this.handler = new WebHandler(state, hub, options.expectations());
        String bank = driver.bankId();
        AtomicInteger n = new AtomicInteger();
        int threads = options.maxSseClients() + SPARE_HTTP_THREADS;
        this.httpThreads = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(REQUEST_QUEUE), r -> thread(r, "pylon4j-web-http-" + bank + "-"
                + n.incrementAndGet()), (r, pool) -> shed.incrementAndGet());
        httpThreads.allowCoreThreadTimeOut(true);
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "pylon4j-web-sampler-" + bank));
        this.server = HttpServer.create(options.address(), 0);
        server.createContext("/", handler);
        server.setExecutor(httpThreads);
        this.alarms = driver.addListener(this::onEvent);
        // read-only: the tap hands over received frames, never the transport (nothing can be sent to the bank)
        this.canTap = canFrames == null ? () -> { } : driver.canFrameTap().orElseThrow().listen(canFrames);
        try {
            server.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        long periodNanos = options.samplePeriod().toNanos();
        sampler.scheduleAtFixedRate(this::sample, 0, periodNanos, TimeUnit.NANOSECONDS);
        LOG.log(System.Logger.Level.INFO, "pylon4j web view of bank {0} at {1}", bank, url());
    }

    /**
     * Serves a view of {@code driver} on {@code address} with the default bounds.
     *
     * @param driver  the driver to show (started or not; the view never starts or closes it)
     * @param address where to listen; pass a loopback address unless the page must be reachable from elsewhere
     * @return the running view
     * @throws UncheckedIOException if the address cannot be bound (in use, not local)
     */
    public static PylonWebView start(PylonDriver driver, InetSocketAddress address) {
        return start(driver, WebViewOptions.defaults().withAddress(address));
    }

    /**
     * Serves a view of {@code driver} with the given options.
     *
     * @param driver  the driver to show (started or not; the view never starts or closes it)
     * @param options where to listen and the memory bounds
     * @return the running view
     * @throws UncheckedIOException if the address cannot be bound (in use, not local)
     */
    public static PylonWebView start(PylonDriver driver, WebViewOptions options) {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(options, "options");
        try {
            return new PylonWebView(driver, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the web view on " + options.address() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The address the view listens on (with the port chosen when the options asked for port 0).
     *
     * @return the bound address
     */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * The page's URL, {@code http://host:port/}, with an IPv6 host in brackets.
     *
     * @return the URL of the page
     */
    public String url() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    /**
     * The options the view was started with.
     *
     * @return the options
     */
    public WebViewOptions options() {
        return options;
    }

    /**
     * What the view has served and refused so far.
     *
     * @return a snapshot of the counters
     */
    public WebViewCounters counters() {
        return new WebViewCounters(handler.requests.get(), handler.methodNotAllowed.get(), handler.notFound.get(),
                hub.clientCount(), hub.rejected(), hub.dropped(), shed.get(), state.samples(),
                canFrames == null ? 0 : canFrames.overwritten(), handler.badRequests.get());
    }

    /**
     * Keeps the alarm log, and pushes a change of the bank's state, an alarm or a link at once rather than at the next
     * sample, so that a short STALE shows on the page even when the sampler runs late. Runs on the driver's event
     * executor: hands the push to the sampler thread and returns.
     */
    private void onEvent(BankEvent event) {
        state.onEvent(event);
        if (event instanceof BankEvent.SupervisionStateChanged || event instanceof BankEvent.AlarmRaised
                || event instanceof BankEvent.AlarmCleared || event instanceof BankEvent.LinkStateChanged) {
            try {
                sampler.execute(this::push);
            } catch (RejectedExecutionException closing) {
                // the view is closing: nobody to push to
            }
        }
    }

    private void push() {
        try {
            hub.broadcast("status", state.statusJson());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "web view push failed", e);
        }
    }

    /** Takes one sample and pushes it to the live pages; never throws (the schedule would stop). */
    private void sample() {
        try {
            BankStatus s = driver.status();
            state.record(s);
            hub.broadcast("status", state.statusJson());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "web view sample failed", e);
        }
    }

    /** Stops serving: ends the live streams, the HTTP server and the view's threads. The driver keeps running. */
    @Override
    public void close() {
        alarms.close();
        canTap.close();
        sampler.shutdownNow();
        hub.closeAll();
        server.stop(0);
        httpThreads.shutdownNow();
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            httpThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "PylonWebView[" + driver.bankId() + " at " + url() + "]";
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true); // a forgotten close must not keep an EMS's JVM alive; close() still ends them
        return t;
    }
}
