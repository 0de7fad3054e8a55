package io.pylon4j.transport.virtual;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.BlockingCanTransport;
import java.util.Map;
import java.util.Objects;

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
    private final BusMembers<Member> members = new BusMembers<>();

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
        members.forEachOther(sender, member -> member.enqueue(frame, now));
    }

    /** One member: a blocking transport whose "link" is its queue; its thread delivers what others send. */
    private static final class Member extends BlockingCanTransport {

        private final VirtualCanBus bus;
        private final DeliveryQueue<CanFrame> queue;

        Member(VirtualCanBus bus, Endpoint endpoint, TransportOptions options, int queueCapacity) {
            super(endpoint, options);
            this.queue = new DeliveryQueue<>(queueCapacity);
            this.bus = bus;
        }

        void enqueue(CanFrame frame, long nanoTime) {
            if (!queue.offer(frame, nanoTime)) {
                metrics().droppedFrame();
            }
        }

        @Override
        protected void connect() {
            bus.members.join(this);
        }

        @Override
        protected void readLoop() throws InterruptedException {
            queue.deliverUntilLeft(this::deliver);
        }

        @Override
        protected void disconnect() {
            bus.members.leave(this);
            queue.leave();
        }

        @Override
        protected void write(CanFrame frame) {
            bus.send(this, Objects.requireNonNull(frame, "frame"));
        }
    }
}
