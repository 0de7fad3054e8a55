package io.pylon4j.transport.virtual;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.BlockingCanTransport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory CAN bus with any number of members: every frame a member sends reaches every other open member
 * (not the sender, as on a real bus where a controller does not receive its own frames).
 *
 * <pre>{@code
 * VirtualCanBus bus = new VirtualCanBus("bench");
 * try (CanTransport battery = bus.newMember(); CanTransport inverter = bus.newMember()) {
 *     CanFrameQueue received = new CanFrameQueue(100);
 *     inverter.addFrameListener(received);
 *     battery.open().toCompletableFuture().join();
 *     inverter.open().toCompletableFuture().join();
 *     battery.send(CanFrame.ofHex(0x351, "1402C012C012C201"));
 *     CanFrame frame = received.poll(Duration.ofSeconds(1));
 * }
 * }</pre>
 *
 * <p>A member joins the bus when opened and leaves when closed; frames sent while a member is not open do not reach
 * it. Each member delivers on its own thread ({@code pylon4j-virtual-NAME}) from a bounded queue
 * ({@value #DEFAULT_QUEUE_CAPACITY} frames unless told otherwise); a frame that finds the queue full is dropped and
 * counted in the receiving member's {@link io.pylon4j.transport.TransportCounters#droppedFrames()}, so a slow
 * listener never blocks a sender. Members count frames in and out; a virtual bus moves no encoded bytes, so the
 * byte counters stay zero.
 *
 * <p>Thread-safe. A bus holds no thread itself and needs no closing; its members do.
 */
public final class VirtualCanBus {

    /** The default capacity of each member's receive queue. */
    public static final int DEFAULT_QUEUE_CAPACITY = 4096;

    private final String name;
    private final List<Member> members = new CopyOnWriteArrayList<>();

    /**
     * A new, empty bus.
     *
     * @param name shown in endpoints ({@code virtual:NAME}) and thread names; not empty
     */
    public VirtualCanBus(String name) {
        this.name = VirtualByteBus.checkName(name);
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
    public CanTransport newMember() {
        return newMember(TransportOptions.defaults(), DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * A new member; call {@code open()} to join.
     *
     * @param options       thread name prefix and the rest (a member never reconnects: its link cannot fail)
     * @param queueCapacity how many received frames may wait for delivery, at least 1
     */
    public CanTransport newMember(TransportOptions options, int queueCapacity) {
        return new Member(this, new Endpoint("virtual:" + name, "virtual", name, Map.of()), options, queueCapacity);
    }

    CanTransport newMember(Endpoint endpoint, TransportOptions options, int queueCapacity) {
        return new Member(this, endpoint, options, queueCapacity);
    }

    @Override
    public String toString() {
        return "VirtualCanBus[" + name + ", " + members.size() + " members]";
    }

    private void send(Member sender, CanFrame frame) {
        long now = System.nanoTime();
        for (Member member : members) {
            if (member != sender) {
                member.enqueue(frame, now);
            }
        }
    }

    /** One member: a blocking transport whose "link" is its queue; its thread delivers what others send. */
    private static final class Member extends BlockingCanTransport {

        private final VirtualCanBus bus;
        private final BlockingQueue<Received> queue;

        private record Received(CanFrame frame, long nanoTime) {
        }

        /** Queued by disconnect() to end the read loop, also when close() is called from a listener. */
        private static final Received LEFT = new Received(null, 0);

        Member(VirtualCanBus bus, Endpoint endpoint, TransportOptions options, int queueCapacity) {
            super(endpoint, options);
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1: " + queueCapacity);
            }
            this.bus = bus;
            this.queue = new ArrayBlockingQueue<>(queueCapacity);
        }

        void enqueue(CanFrame frame, long nanoTime) {
            if (!queue.offer(new Received(frame, nanoTime))) {
                metrics().droppedFrame();
            }
        }

        @Override
        protected void connect() {
            if (!bus.members.contains(this)) {
                bus.members.add(this);
            }
        }

        @Override
        protected void readLoop() throws InterruptedException {
            while (true) {
                Received next = queue.take();
                if (next == LEFT) {
                    return;
                }
                deliver(next.frame(), next.nanoTime());
            }
        }

        @Override
        protected void disconnect() {
            bus.members.remove(this);
            queue.clear(); // nothing more will be delivered; make room for the marker
            queue.offer(LEFT);
        }

        @Override
        protected void write(CanFrame frame) {
            bus.send(this, Objects.requireNonNull(frame, "frame"));
        }
    }
}
