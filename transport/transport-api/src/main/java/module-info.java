/** The transport SPI: CAN and byte-stream transports, endpoint strings, lifecycle and reconnect policy. */
module io.pylon4j.transport {
    requires transitive io.pylon4j.can;
    // exports io.pylon4j.transport; -- added with the first public type (a later issue)
}
