/**
 * A simulated Pylontech bank on the battery side: the bank model (physics, aggregation, derating, request flags,
 * fault state) in {@code io.pylon4j.simulator}. The CAN and RS485 front ends come with a later issue.
 */
module io.pylon4j.simulator {
    requires transitive io.pylon4j.can;
    requires transitive io.pylon4j.rs485;
    requires transitive io.pylon4j.transport;

    exports io.pylon4j.simulator;
}
