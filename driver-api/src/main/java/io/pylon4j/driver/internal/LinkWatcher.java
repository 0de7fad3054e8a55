package io.pylon4j.driver.internal;

import io.pylon4j.driver.Source;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ConnectionStateListener;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.time.TimeSource;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards each link's transport state changes to the {@link BankModel} and counts reconnects (a link up again after
 * having been up before). Runs on the transports' I/O threads and never takes the driver's lock.
 */
public final class LinkWatcher {

    private final BankModel model;
    private final DriverMetrics metrics;
    private final TimeSource time;
    /** Links that have been up at least once. */
    private final Set<Source> everUp = ConcurrentHashMap.newKeySet();

    /**
     * A watcher feeding {@code model}.
     *
     * @param model   receives every link's state changes
     * @param metrics counts reconnects
     * @param time    stamps the changes
     */
    public LinkWatcher(BankModel model, DriverMetrics metrics, TimeSource time) {
        this.model = model;
        this.metrics = metrics;
        this.time = time;
    }

    /**
     * Starts watching {@code t}, and tells the model its state now unless it is still new.
     *
     * @param t           the link's transport
     * @param source      which link it is
     * @param reconnected run (on the I/O thread) when the link comes up again after having been up
     * @return stops watching
     */
    public Runnable watch(Transport t, Source source, Runnable reconnected) {
        ConnectionStateListener l = change -> onState(source, change, reconnected);
        t.addStateListener(l);
        if (t.state() != ConnectionState.NEW) {
            model.onTransportState(source, t.state(), time.now());
        }
        if (t.state() == ConnectionState.CONNECTED) {
            everUp.add(source); // opened by the caller before the driver: its next CONNECTED is a reconnect
        }
        return () -> t.removeStateListener(l);
    }

    /**
     * Forgets that {@code source} has been up: its next transport coming up is a first connection, not a reconnect.
     *
     * @param source the link whose transport is being replaced
     */
    public void forget(Source source) {
        everUp.remove(source);
    }

    /**
     * Opens {@code t} if it is still new; a transport handed in already open is left as it is.
     *
     * @param t the link's transport
     * @return completed when the transport is first up (at once if it was not new)
     */
    public static CompletableFuture<Void> openIfNew(Transport t) {
        if (t.state() == ConnectionState.NEW) {
            return t.open().toCompletableFuture();
        }
        return CompletableFuture.completedFuture(null);
    }

    private void onState(Source source, ConnectionStateChange change, Runnable reconnected) {
        if (change.current() == ConnectionState.CONNECTED && change.previous() != ConnectionState.CONNECTED
                && !everUp.add(source)) {
            metrics.reconnects.increment(); // up again after having been up before
            reconnected.run();
        }
        model.onTransportState(source, change, time.now());
    }
}
