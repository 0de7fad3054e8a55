/**
 * A simulated Pylontech bank on the battery side: the bank model (physics, aggregation, derating, request flags,
 * fault state) and its CAN and RS485 front ends ({@code CanBatterySimulator}, {@code Rs485BatterySimulator}) with wire
 * faults, in {@code io.pylon4j.simulator.frontend}; a JUnit 5 extension in {@code io.pylon4j.simulator.junit}, whose
 * JUnit dependency is optional ({@code requires static}).
 */
module io.pylon4j.simulator {
    requires transitive io.pylon4j.can;
    requires transitive io.pylon4j.rs485;
    requires transitive io.pylon4j.transport;
    requires static transitive org.junit.jupiter.api;

    exports io.pylon4j.simulator;
    exports io.pylon4j.simulator.frontend;
    exports io.pylon4j.simulator.junit;
}
