/** Serial transports on jSerialComm (filled by a later issue). */
module io.pylon4j.transport.serial {
    requires io.pylon4j.transport;
    // exports io.pylon4j.transport.serial; -- added with the first public type (a later issue)
}
