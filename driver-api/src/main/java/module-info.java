/** The inverter-side driver: typed events, supervision and the bank model (filled by a later issue). */
module io.pylon4j.driver {
    requires transitive io.pylon4j.can;
    requires transitive io.pylon4j.rs485;
    requires transitive io.pylon4j.transport;
    // exports io.pylon4j.driver; -- added with the first public type (a later issue)
}
