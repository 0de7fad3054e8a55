/** SocketCAN transport on JavaCAN (filled by a later issue). */
module io.pylon4j.transport.socketcan {
    requires io.pylon4j.transport;
    // exports io.pylon4j.transport.socketcan; -- added with the first public type (a later issue)
}
