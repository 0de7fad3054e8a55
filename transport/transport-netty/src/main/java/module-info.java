/**
 * TCP bridge transports on Netty: {@code tcp:}, {@code socketcand:}, {@code canet:}. Netty stays inside this module:
 * applications see only the transport API.
 *
 * <p>Netty 4.1 jars are automatic modules (named by their {@code Automatic-Module-Name}), hence the plain
 * {@code requires} of {@code io.netty.*} below.
 */
module io.pylon4j.transport.netty {
    requires io.pylon4j.transport;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;

    exports io.pylon4j.transport.netty;

    provides io.pylon4j.transport.spi.TransportProvider with io.pylon4j.transport.netty.NettyTransportProvider;
}
