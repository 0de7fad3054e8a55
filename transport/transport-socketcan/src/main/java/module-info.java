/**
 * The SocketCAN transport ({@code socketcan:IFACE}) on JavaCAN: Linux CAN interfaces such as {@code can0} and
 * {@code vcan0}, through a raw CAN socket with kernel-side id filters.
 *
 * <p>This is the only pylon4j module that reads JavaCAN; no JavaCAN type appears in its exported API.
 * JavaCAN 3.x has no module descriptor, so {@code javacan.core} is its automatic (file-name) module name.
 */
module io.pylon4j.transport.socketcan {
    requires io.pylon4j.transport;
    requires javacan.core;

    exports io.pylon4j.transport.socketcan;

    provides io.pylon4j.transport.spi.TransportProvider
            with io.pylon4j.transport.socketcan.SocketCanTransportProvider;
}
