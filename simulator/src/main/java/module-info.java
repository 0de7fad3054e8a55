/** A simulated Pylontech bank on the battery side (filled by a later issue). */
module io.pylon4j.simulator {
    requires transitive io.pylon4j.can;
    requires transitive io.pylon4j.rs485;
    requires transitive io.pylon4j.transport;
    // exports io.pylon4j.simulator; -- added with the first public type (a later issue)
}
