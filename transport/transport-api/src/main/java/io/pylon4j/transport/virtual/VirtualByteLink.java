package io.pylon4j.transport.virtual;

import io.pylon4j.transport.ByteStreamTransport;

/**
 * Two ends of an in-memory byte pipe: what {@link #a()} writes, {@link #b()} reads, and the other way round. The
 * usual way to connect a driver to a simulated battery over "RS485" in a test:
 *
 * <pre>{@code
 * VirtualByteLink link = new VirtualByteLink("rs485");
 * try (ByteStreamTransport inverter = link.a(); ByteStreamTransport battery = link.b()) {
 *     ... open both, write on one, listen on the other ...
 * }
 * }</pre>
 *
 * <p>A two-member {@link VirtualByteBus}; {@link #bus()} gives it, for adding a third member as a sniffer. Both ends
 * are created with the link and, like any transport, must be opened and closed.
 */
public final class VirtualByteLink {

    private final VirtualByteBus bus;
    private final ByteStreamTransport a;
    private final ByteStreamTransport b;

    /**
     * A new link whose ends show {@code virtual:NAME} as their endpoint.
     *
     * @param name the link's name, the {@code NAME} of {@code virtual:NAME}; the link's own, not a provider's bus
     */
    public VirtualByteLink(String name) {
        this.bus = new VirtualByteBus(name);
        this.a = bus.newMember();
        this.b = bus.newMember();
    }

    /**
     * One end.
     *
     * @return the end made first, unopened until the caller opens it
     */
    public ByteStreamTransport a() {
        return a;
    }

    /**
     * The other end.
     *
     * @return the end made second, unopened until the caller opens it
     */
    public ByteStreamTransport b() {
        return b;
    }

    /**
     * The bus underneath, for adding more members (a sniffer).
     *
     * @return the two-member bus both ends belong to
     */
    public VirtualByteBus bus() {
        return bus;
    }
}
