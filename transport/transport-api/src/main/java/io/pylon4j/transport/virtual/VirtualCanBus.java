package io.pylon4j.transport.virtual;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanIdFilter;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.CanFrameDispatcher;
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
 * it. Each member delivers, in order, from a bounded queue ({@value #DEFAULT_QUEUE_CAPACITY} frames unless told
 * otherwise) on delivery threads it shares with the other members (see the package documentation: a bus made here
 * shares them among its own members, the buses of one {@link VirtualTransportProvider} among all of theirs); a frame
 * that finds the queue full is dropped and counted in the receiving member's
 * {@link io.pylon4j.transport.TransportCounters#droppedFrames()}, so a slow listener never blocks a sender. Members
 * count frames in and out; a virtual bus moves no encoded bytes, so the byte counters stay zero.
 *
 * <p>Thread-safe. A bus holds no thread itself and needs no closing; its members do, and the shared delivery threads
 * end when the last open member closes.
 */
public final class VirtualCanBus {

    /** The default capacity of each member's receive queue. */
    public static final int DEFAULT_QUEUE_CAPACITY = 4096;

    private final String name;
    private final BusMembers<Member> members = new BusMembers<>();
    private final DeliveryThreads threads;

    /**
     * A new, empty bus whose members share delivery threads of its own ({@code PREFIX-virtual-NAME-N}).
     *
     * @param name shown in endpoints ({@code virtual:NAME}) and thread names; not empty
     */
    public VirtualCanBus(String name) {
        this.name = VirtualByteBus.checkName(name);
        this.threads = new DeliveryThreads(name + "-");
    }

    /** A bus of a provider, whose members share the provider's delivery threads. */
    VirtualCanBus(String name, DeliveryThreads threads) {
        this.name = VirtualByteBus.checkName(name);
        this.threads = threads;
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
    public CanTransport newMember() {
        return newMember(TransportOptions.defaults(), DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * A new member; call {@code open()} to join.
     *
     * @param options       thread name prefix and the rest (a member never reconnects: its link cannot fail)
     * @param queueCapacity how many received frames may wait for delivery, at least 1
     * @return an unopened member the caller opens and closes
     */
    public CanTransport newMember(TransportOptions options, int queueCapacity) {
        return newMember(new Endpoint("virtual:" + name, "virtual", name, Map.of()), options, queueCapacity);
    }

    CanTransport newMember(Endpoint endpoint, TransportOptions options, int queueCapacity) {
        return new Member(this, endpoint, options, queueCapacity);
    }

    /** How many delivery threads this bus's own pools have now (for tests; 0 for a provider's bus). */
    int ownDeliveryThreads() {
        return threads.threadCount();
    }

    @Override
    public String toString() {
        return "VirtualCanBus[" + name + ", " + members.size() + " members]";
    }

    private void send(Member sender, CanFrame frame) {
        long now = System.nanoTime();
        members.forEachOther(sender, member -> member.enqueue(frame, now));
    }

    /** One member: a transport whose "link" is its queue, delivered on the shared threads. */
    private static final class Member extends VirtualMember<CanFrame> implements CanTransport {

        private final VirtualCanBus bus;
        private final CanFrameDispatcher dispatcher;

        Member(VirtualCanBus bus, Endpoint endpoint, TransportOptions options, int queueCapacity) {
            super(endpoint, options, queueCapacity, bus.threads);
            this.bus = bus;
            this.dispatcher = new CanFrameDispatcher(metrics());
        }

        @Override
        void joinBus() {
            bus.members.join(this);
        }

        @Override
        void leaveBus() {
            bus.members.leave(this);
        }

        @Override
        void deliver(CanFrame frame, long nanoTime) {
            // data bytes of every frame the bus brought, as a bridge counts filtered frames' bytes too
            metrics().bytesIn(frame.length());
            dispatcher.deliver(frame, nanoTime);
        }

        @Override
        void countDropped(CanFrame frame) {
            metrics().droppedFrame();
        }

        @Override
        public void send(CanFrame frame) {
            Objects.requireNonNull(frame, "frame");
            requireConnected();
            try {
                bus.send(this, frame);
                metrics().frameOut();
                metrics().bytesOut(frame.length()); // no encoding on this bus: the data bytes (TransportCounters)
            } catch (RuntimeException e) {
                metrics().droppedFrame();
                metrics().error();
                throw new TransportIoException(endpoint() + ": sending " + frame + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void addFrameListener(CanFrameListener listener) {
            dispatcher.addListener(listener);
        }

        @Override
        public void removeFrameListener(CanFrameListener listener) {
            dispatcher.removeListener(listener);
        }

        @Override
        public void setReceiveFilter(CanIdFilter filter) {
            dispatcher.setFilter(filter); // software filtering only, as on any bus without a controller
        }
    }
}
