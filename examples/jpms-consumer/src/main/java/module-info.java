/** An application that reads a (simulated) Pylontech bank: the driver, the simulator and whatever transports the
 *  module path holds, found by ServiceLoader. No JUnit here: the simulator's JUnit extension does not require it. */
module example.jpms {
    requires io.pylon4j.driver;
    requires io.pylon4j.simulator;

    exports example.jpms;
}
