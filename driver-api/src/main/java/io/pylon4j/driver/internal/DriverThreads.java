package io.pylon4j.driver.internal;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.SupervisionTicker;
import io.pylon4j.transport.time.Scheduler;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The threads one {@link io.pylon4j.driver.PylonDriver} runs on: the event executor, the scheduler and the
 * supervision ticker its {@link DriverOptions} give, and, for what they leave empty, one daemon thread
 * ({@code pylon4j-driver-<bankId>}) and a ticker of its own, which {@link #closeTicker} and {@link #shutdown} end.
 */
public final class DriverThreads {

    private final ScheduledThreadPoolExecutor ownExecutor;
    private final Executor events;
    private final Scheduler scheduler;
    private final SupervisionTicker ticker;
    private final boolean ownTicker;

    private DriverThreads(DriverOptions options) {
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
        this.events = options.eventExecutor().orElse(ownExecutor);
        this.scheduler = options.scheduler().orElseGet(() -> Scheduler.of(ownExecutor));
        this.ownTicker = options.ticker().isEmpty();
        this.ticker = ownTicker ? newTicker(options) : options.ticker().get();
    }

    /**
     * The threads {@code options} give, completed with the driver's own where they leave one empty.
     *
     * @param options the driver's options
     * @return the threads; the caller ends them with {@link #closeTicker} and {@link #shutdown}
     */
    public static DriverThreads of(DriverOptions options) {
        return new DriverThreads(options);
    }

    private SupervisionTicker newTicker(DriverOptions options) {
        try {
            return new SupervisionTicker(options.time(), scheduler);
        } catch (RuntimeException e) {
            if (ownExecutor != null) {
                ownExecutor.shutdown(); // a constructor that fails must not leave its thread behind
            }
            throw e;
        }
    }

    /**
     * Where events are delivered.
     *
     * @return the options' event executor, or the driver's own thread
     */
    public Executor events() {
        return events;
    }

    /**
     * Where periodic work runs.
     *
     * @return the options' scheduler, or one on the driver's own thread
     */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * What ticks the driver's model.
     *
     * @return the options' shared ticker, or the driver's own
     */
    public SupervisionTicker ticker() {
        return ticker;
    }

    /** Closes the ticker if it is the driver's own; a shared one is its owner's to close. */
    public void closeTicker() {
        if (ownTicker) {
            ticker.close();
        }
    }

    /** Shuts the driver's own thread down, if it has one; tasks already queued still run. */
    public void shutdown() {
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }
}
