/**
 * TCP bridge transports on Netty: {@code tcp:}, {@code socketcand:}, {@code canet:}. Netty stays inside this module:
 * applications see only the transport API.
 *
 * <p>Netty 4.1 jars are automatic modules (named by their {@code Automatic-Module-Name}), hence the plain
 * {@code requires} of {@code io.netty.*} below.
 *
 * <p>{@code jdk.unsupported} (sun.misc.Unsafe) is required for Netty: an automatic module reads every module in the
 * graph but adds none, so when an application is launched with {@code java -m} nothing else resolves it, and Netty
 * logs at INFO that the platform "does not provide complete low-level API" and falls back to slower heap buffers.
 */
module io.pylon4j.transport.netty {
    requires io.pylon4j.transport;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.common;
    requires io.netty.handler;
    // netty-transport needs it, but an automatic module declares nothing: without this line, tools that build the
    // module path from descriptors (surefire, jlink) leave it out, and a tcp: link fails on a missing class
    requires io.netty.resolver;
    requires io.netty.transport;
    requires jdk.unsupported;

    exports io.pylon4j.transport.netty;

    provides io.pylon4j.transport.spi.TransportProvider with io.pylon4j.transport.netty.NettyTransportProvider;
}
