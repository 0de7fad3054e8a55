/**
 * A simulated Pylontech bank on the battery side: the bank model (physics, aggregation, derating, request flags,
 * fault state) and its CAN and RS485 front ends ({@code CanBatterySimulator}, {@code Rs485BatterySimulator}) with wire
 * faults, in {@code io.pylon4j.simulator.frontend}; a JUnit 5 extension in {@code io.pylon4j.simulator.junit}, whose
 * JUnit dependency is optional ({@code requires static}), as is {@code io.pylon4j.testing}, needed only for
 * {@code @PylonBank(manualTime = true)}.
 *
 * <p>Not {@code static transitive}: that would make every consumer's compilation need JUnit. A consumer's test module
 * that uses {@code @PylonBank} {@code requires org.junit.jupiter.api} itself; JUnit is then in the layer, and this
 * module reads it.
 */
module io.pylon4j.simulator {
    requires transitive io.pylon4j.can;
    requires transitive io.pylon4j.rs485;
    requires transitive io.pylon4j.transport;
    requires static org.junit.jupiter.api;
    requires static io.pylon4j.testing; // @PylonBank's manual time only, like JUnit

    exports io.pylon4j.simulator;
    exports io.pylon4j.simulator.frontend;
    exports io.pylon4j.simulator.junit;
}
