package io.pylon4j.driver;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ConnectionStateListener;
import io.pylon4j.transport.NotConnectedException;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportCounters;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** The lifecycle part of the synchronous test transports: state changes happen when the test says so. */
abstract class FakeTransport implements Transport {

    private final String endpoint;
    private final List<ConnectionStateListener> stateListeners = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state = ConnectionState.NEW;
    volatile boolean closedByDriver;

    FakeTransport(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public CompletionStage<Void> open() {
        setState(ConnectionState.CONNECTED);
        return CompletableFuture.completedFuture(null);
    }

    /** Moves to {@code next} and tells the listeners, on the test's thread. */
    void setState(ConnectionState next) {
        ConnectionState previous = state;
        state = next;
        var change = new ConnectionStateChange(endpoint, previous, next, null, 0, Duration.ZERO);
        stateListeners.forEach(l -> l.onStateChange(change));
    }

    void requireConnected() {
        if (state != ConnectionState.CONNECTED) {
            throw new NotConnectedException(endpoint, state);
        }
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public void addStateListener(ConnectionStateListener listener) {
        stateListeners.add(listener);
    }

    @Override
    public void removeStateListener(ConnectionStateListener listener) {
        stateListeners.remove(listener);
    }

    int stateListenerCount() {
        return stateListeners.size();
    }

    @Override
    public TransportCounters counters() {
        return TransportCounters.ZERO;
    }

    @Override
    public void close() {
        closedByDriver = true;
        if (state != ConnectionState.CLOSED) {
            setState(ConnectionState.CLOSED);
        }
    }
}
