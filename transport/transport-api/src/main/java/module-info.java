/**
 * The transport SPI: CAN and byte-stream transports, endpoint strings, lifecycle and reconnect policy.
 * No Netty, jSerialComm or JavaCAN type crosses this API.
 */
module io.pylon4j.transport {
    requires transitive io.pylon4j.can;

    exports io.pylon4j.transport;
    exports io.pylon4j.transport.spi;

    uses io.pylon4j.transport.spi.TransportProvider;
}
