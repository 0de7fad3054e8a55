/**
 * A JUnit 5 extension for projects that test inverter or EMS code against a simulated Pylontech bank:
 * {@link io.pylon4j.simulator.junit.PylonBank} on a test class or method, a
 * {@link io.pylon4j.simulator.junit.SimulatedBankHandle} parameter in the test. JUnit is an optional dependency of
 * the simulator: add {@code junit-jupiter-api} to your test scope (you have it already if you use JUnit 5).
 */
package io.pylon4j.simulator.junit;
