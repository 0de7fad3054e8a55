/**
 * The transport SPI: CAN and byte-stream transports, endpoint strings, lifecycle and reconnect policy; and the
 * transports that need only the JDK: the in-memory bus ({@code virtual:}), and log replay ({@code replay:}). No Netty, jSerialComm or JavaCAN type crosses this API.
 */
module io.pylon4j.transport {
    requires transitive io.pylon4j.can;

    exports io.pylon4j.transport;
    exports io.pylon4j.transport.spi;
    exports io.pylon4j.transport.virtual;
    exports io.pylon4j.transport.replay;

    uses io.pylon4j.transport.spi.TransportProvider;

    provides io.pylon4j.transport.spi.TransportProvider with
            io.pylon4j.transport.virtual.VirtualTransportProvider,
            io.pylon4j.transport.replay.ReplayTransportProvider;
}
