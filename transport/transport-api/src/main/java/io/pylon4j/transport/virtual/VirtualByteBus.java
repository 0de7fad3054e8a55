package io.pylon4j.transport.virtual;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.BlockingByteStreamTransport;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory byte bus, the shape of an RS485 line: every byte a member writes reaches every other open member,
 * in order, and not the writer. With two members it is a pipe (see {@link VirtualByteLink}); with three, the third
 * is a sniffer that sees requests and responses as they pass, like {@code pylon dump --rs485}.
 *
 * <p>A member joins when opened and leaves when closed. Each member delivers on its own thread
 * ({@code pylon4j-virtual-NAME}) from a bounded queue of written chunks ({@value #DEFAULT_QUEUE_CAPACITY} unless told
 * otherwise); a chunk that finds the queue full is dropped and its bytes counted in the receiving member's
 * {@link io.pylon4j.transport.TransportCounters#discardedBytes()}, so a slow listener never blocks a writer.
 * Real RS485 is half-duplex and garbles bytes written at the same time; this bus does not model that (the
 * simulator's fault injection does).
 *
 * <p>Thread-safe. A bus holds no thread itself and needs no closing; its members do.
 */
public final class VirtualByteBus {

    /** The default capacity of each member's receive queue, in written chunks. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1024;

    private final String name;
    private final BusMembers<Member> members = new BusMembers<>();

    /**
     * A new, empty bus.
     *
     * @param name shown in endpoints ({@code virtual:NAME}) and thread names; not empty
     */
    public VirtualByteBus(String name) {
        this.name = checkName(name);
    }

    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a virtual bus needs a name");
        }
        return name;
    }

    /** The bus's name. */
    public String name() {
        return name;
    }

    /** How many members are open on the bus now. */
    public int memberCount() {
        return members.size();
    }

    /** A new member with default options and queue capacity; call {@code open()} to join. */
    public ByteStreamTransport newMember() {
        return newMember(TransportOptions.defaults(), DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * A new member; call {@code open()} to join.
     *
     * @param options       thread name prefix and the rest (a member never reconnects: its link cannot fail)
     * @param queueCapacity how many written chunks may wait for delivery, at least 1
     */
    public ByteStreamTransport newMember(TransportOptions options, int queueCapacity) {
        return new Member(this, new Endpoint("virtual:" + name, "virtual", name, Map.of()), options, queueCapacity);
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

    /** One member: a blocking transport whose "link" is its queue; its thread delivers what others write. */
    private static final class Member extends BlockingByteStreamTransport {

        private final VirtualByteBus bus;
        /** The chunks are shared by all receivers and never modified after they are queued. */
        private final DeliveryQueue<byte[]> queue;

        Member(VirtualByteBus bus, Endpoint endpoint, TransportOptions options, int queueCapacity) {
            super(endpoint, options);
            this.queue = new DeliveryQueue<>(queueCapacity);
            this.bus = bus;
        }

        void enqueue(byte[] chunk, long nanoTime) {
            if (!queue.offer(chunk, nanoTime)) {
                metrics().discarded(chunk.length);
            }
        }

        @Override
        protected void connect() {
            bus.members.join(this);
        }

        @Override
        protected void readLoop() throws InterruptedException {
            queue.deliverUntilLeft((chunk, nanoTime) -> {
                // a listener may scribble on the buffer it is given: hand each member its own copy
                byte[] copy = chunk.clone();
                deliver(copy, 0, copy.length, nanoTime);
            });
        }

        @Override
        protected void disconnect() {
            bus.members.leave(this);
            queue.leave();
        }

        @Override
        protected void writeBytes(byte[] data, int offset, int length) {
            if (length > 0) {
                bus.write(this, Arrays.copyOfRange(data, offset, offset + length));
            }
        }
    }
}
