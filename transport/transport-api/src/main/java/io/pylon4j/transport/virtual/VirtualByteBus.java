package io.pylon4j.transport.virtual;

import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory byte bus, the shape of an RS485 line: every byte a member writes reaches every other open member,
 * in order, and not the writer. With two members it is a pipe (see {@link VirtualByteLink}); with three, the third
 * is a sniffer that sees requests and responses as they pass, like {@code pylon dump --rs485}.
 *
 * <p>A member joins when opened and leaves when closed. Each member delivers, in order, from a bounded queue of written
 * chunks ({@value #DEFAULT_QUEUE_CAPACITY} unless told otherwise) on delivery threads it shares with the other
 * members (see the package documentation); a chunk that finds the queue full is dropped and its bytes counted in the receiving member's
 * {@link io.pylon4j.transport.TransportCounters#discardedBytes()}, so a slow listener never blocks a writer.
 * Real RS485 is half-duplex and garbles bytes written at the same time; this bus does not model that (the
 * simulator's fault injection does).
 *
 * <p>Thread-safe. A bus holds no thread itself and needs no closing; its members do, and the shared delivery threads
 * end when the last open member closes.
 */
public final class VirtualByteBus {

    /** The default capacity of each member's receive queue, in written chunks. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;

    private final String name;
    private final BusMembers<Member> members = new BusMembers<>();
    private final DeliveryThreads threads;

    /**
     * A new, empty bus whose members share delivery threads of its own ({@code PREFIX-virtual-NAME-N}).
     *
     * @param name shown in endpoints ({@code virtual:NAME}) and thread names; not empty
     */
    public VirtualByteBus(String name) {
        this.name = checkName(name);
        this.threads = new DeliveryThreads(name + "-");
    }

    /** A bus of a provider, whose members share the provider's delivery threads. */
    VirtualByteBus(String name, DeliveryThreads threads) {
        this.name = checkName(name);
        this.threads = threads;
    }

    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a virtual bus needs a name");
        }
        return name;
    }

    /**
     * The bus's name.
     *
     * @return the name given at creation, shown as {@code virtual:NAME} by every member
     */
    public String name() {
        return name;
    }

    /**
     * How many members are open on the bus now.
     *
     * @return members opened and not yet closed
     */
    public int memberCount() {
        return members.size();
    }

    /**
     * A new member with default options and queue capacity; call {@code open()} to join.
     *
     * @return an unopened member the caller opens and closes
     */
    public ByteStreamTransport newMember() {
        return newMember(TransportOptions.defaults(), DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * A new member; call {@code open()} to join.
     *
     * @param options       thread name prefix and the rest (a member never reconnects: its link cannot fail)
     * @param queueCapacity how many written chunks may wait for delivery, at least 1
     * @return an unopened member the caller opens and closes
     */
    public ByteStreamTransport newMember(TransportOptions options, int queueCapacity) {
        return newMember(new Endpoint("virtual:" + name, "virtual", name, Map.of()), options, queueCapacity);
    }

    ByteStreamTransport newMember(Endpoint endpoint, TransportOptions options, int queueCapacity) {
        return new Member(this, endpoint, options, queueCapacity);
    }

    @Override
    public String toString() {
        return "VirtualByteBus[" + name + ", " + members.size() + " members]";
    }

    private void write(Member writer, byte[] chunk) {
        long now = System.nanoTime();
        members.forEachOther(writer, member -> member.enqueue(chunk, now));
    }

    /** One member: a transport whose "link" is its queue, delivered on the shared threads. */
    private static final class Member extends VirtualMember<byte[]> implements ByteStreamTransport {

        private final VirtualByteBus bus;
        private final List<ByteListener> listeners = new CopyOnWriteArrayList<>();

        Member(VirtualByteBus bus, Endpoint endpoint, TransportOptions options, int queueCapacity) {
            super(endpoint, options, queueCapacity, bus.threads);
            this.bus = bus;
        }

        @Override
        void joinBus() {
            bus.members.join(this);
        }

        @Override
        void leaveBus() {
            bus.members.leave(this);
        }

        /** The chunks are shared by all receivers and never modified after they are queued. */
        @Override
        void deliver(byte[] chunk, long nanoTime) {
            metrics().bytesIn(chunk.length);
            // a listener may scribble on the buffer it is given: hand each member its own copy
            byte[] copy = chunk.clone();
            for (ByteListener listener : listeners) {
                try {
                    listener.onBytes(copy, 0, copy.length, nanoTime);
                } catch (RuntimeException e) {
                    metrics().error(); // a faulty listener must not stop delivery
                }
            }
        }

        @Override
        void countDropped(byte[] chunk) {
            metrics().discarded(chunk.length);
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, data.length);
            requireConnected();
            if (length == 0) {
                return;
            }
            try {
                bus.write(this, Arrays.copyOfRange(data, offset, offset + length));
                metrics().bytesOut(length);
            } catch (RuntimeException e) {
                metrics().error();
                throw new TransportIoException(endpoint() + ": writing " + length + " bytes failed: "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void addByteListener(ByteListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
        }

        @Override
        public void removeByteListener(ByteListener listener) {
            listeners.remove(listener);
        }
    }
}
