package io.pylon4j.driver;

import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.time.Scheduler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A byte-stream transport with a battery on the other end: what the driver writes goes to {@code battery}, whose
 * answer waits on the wire until the test {@link #pump()}s it to the driver (as an I/O thread would, later).
 */
final class FakeByteTransport extends FakeTransport implements ByteStreamTransport {

    private final List<ByteListener> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<byte[]> wire = new ArrayDeque<>();
    private final Function<byte[], byte[]> battery;
    final List<String> written = new CopyOnWriteArrayList<>();
    /** Whether the battery's answer reaches the listeners within {@code write}, before it returns. */
    private volatile boolean inline;
    /** What {@link #ioScheduler()} offers; null for none, as most transports. */
    private volatile Scheduler io;

    /** @param battery the request bytes in, the reply bytes out, or null for no answer */
    FakeByteTransport(String endpoint, Function<byte[], byte[]> battery) {
        super(endpoint);
        this.battery = battery;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        requireConnected();
        byte[] copy = java.util.Arrays.copyOfRange(data, offset, offset + length);
        written.add(new String(copy, StandardCharsets.US_ASCII).strip());
        byte[] reply = battery.apply(copy);
        if (reply != null && inline) {
            listeners.forEach(l -> l.onBytes(reply, 0, reply.length, System.nanoTime()));
        } else if (reply != null) {
            wire.add(reply);
        }
    }

    /**
     * From now on the battery's answers are delivered within {@code write}, on the writer's thread, as a transport
     * with synchronous delivery might (a caller's executor that runs tasks inline); returns this transport.
     */
    FakeByteTransport deliverInline() {
        inline = true;
        return this;
    }

    /** From now on {@link #ioScheduler()} offers {@code scheduler}, as an event-loop transport offers its loop. */
    FakeByteTransport withIoScheduler(Scheduler scheduler) {
        io = scheduler;
        return this;
    }

    @Override
    public Optional<Scheduler> ioScheduler() {
        return Optional.ofNullable(io);
    }

    /** Bytes from the battery that nobody asked for (noise, a second master). */
    void inject(byte[] bytes) {
        wire.add(bytes);
    }

    /** Delivers what is on the wire, and what the driver's next requests bring, until the wire is empty. */
    int pump() {
        int n = 0;
        byte[] next;
        while ((next = wire.poll()) != null) {
            byte[] chunk = next;
            listeners.forEach(l -> l.onBytes(chunk, 0, chunk.length, System.nanoTime()));
            n++;
        }
        return n;
    }

    @Override
    public void addByteListener(ByteListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeByteListener(ByteListener listener) {
        listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }
}
