/** TCP bridge transports on Netty (filled by a later issue). */
module io.pylon4j.transport.netty {
    requires io.pylon4j.transport;
    // exports io.pylon4j.transport.netty; -- added with the first public type (a later issue)
}
