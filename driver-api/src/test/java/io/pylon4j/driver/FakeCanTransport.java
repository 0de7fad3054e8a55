package io.pylon4j.driver;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanIdFilter;
import io.pylon4j.transport.CanTransport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A synchronous CAN transport: {@link #inject} delivers on the test's thread; sent frames are kept. */
final class FakeCanTransport extends FakeTransport implements CanTransport {

    private final List<CanFrameListener> listeners = new CopyOnWriteArrayList<>();
    final List<CanFrame> sent = new ArrayList<>();

    FakeCanTransport() {
        super("fake-can:test");
    }

    /** The battery sends {@code frame}. */
    void inject(CanFrame frame) {
        listeners.forEach(l -> l.onFrame(frame, System.nanoTime()));
    }

    @Override
    public synchronized void send(CanFrame frame) {
        requireConnected();
        sent.add(frame);
    }

    @Override
    public void addFrameListener(CanFrameListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeFrameListener(CanFrameListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void setReceiveFilter(CanIdFilter filter) {
    }

    int listenerCount() {
        return listeners.size();
    }
}
