/**
 * The transport SPI: CAN and byte-stream transports, endpoint strings, lifecycle and reconnect policy; and the
 * transports that need only the JDK: the in-memory bus ({@code virtual:}), log replay ({@code replay:}) and
 * caller-supplied streams, and the {@code tcp-listen:} server endpoint. No Netty, jSerialComm or JavaCAN type
 * crosses this API.
 */
module io.pylon4j.transport {
    requires transitive io.pylon4j.can;

    exports io.pylon4j.transport;
    exports io.pylon4j.transport.spi;
    exports io.pylon4j.transport.virtual;
    exports io.pylon4j.transport.replay;
    exports io.pylon4j.transport.stream;
    exports io.pylon4j.transport.tcplisten;
    exports io.pylon4j.transport.time;

    uses io.pylon4j.transport.spi.TransportProvider;

    provides io.pylon4j.transport.spi.TransportProvider with
            io.pylon4j.transport.virtual.VirtualTransportProvider,
            io.pylon4j.transport.replay.ReplayTransportProvider,
            io.pylon4j.transport.tcplisten.TcpListenTransportProvider;
}
