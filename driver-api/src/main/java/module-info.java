/**
 * The inverter-side driver: the bank model (an immutable {@link io.pylon4j.driver.BankStatus} snapshot and typed
 * {@link io.pylon4j.driver.BankEvent}s), supervision, inverter profiles, limit provenance and the event publisher.
 */
module io.pylon4j.driver {
    requires transitive io.pylon4j.can;
    requires transitive io.pylon4j.rs485;
    requires transitive io.pylon4j.transport;
    // part of every JDK; transitive because DriverJmx.register takes an MBeanServer
    requires transitive java.management;

    exports io.pylon4j.driver;
    exports io.pylon4j.driver.json;
    exports io.pylon4j.driver.jmx;
    exports io.pylon4j.driver.scan;
    exports io.pylon4j.driver.commission;
}
