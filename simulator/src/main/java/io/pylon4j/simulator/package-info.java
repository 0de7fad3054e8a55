/**
 * A simulated Pylontech low-voltage bank, battery side: {@link io.pylon4j.simulator.SimulatedBank} holds groups of
 * modules made from a {@link io.pylon4j.simulator.ModulePreset}, advances them through simulated time under a
 * {@link io.pylon4j.simulator.LoadProfile}, and publishes immutable {@link io.pylon4j.simulator.BankSnapshot}s with
 * what the master reports on CAN and every module's {@link io.pylon4j.simulator.ModuleSnapshot} for RS485.
 *
 * <p>The model holds plain values: SI units in method names, wire-friendly integers (mV, mAh, 0.1 A, 0.1 °C) in the
 * snapshots; current limits are magnitudes. It knows no codec types: the protocol front ends translate. It reads no
 * wall clock and draws randomness only from an injected, seeded generator, so every run is reproducible. Faults are
 * switched by explicit calls ({@link io.pylon4j.simulator.SimulatedBank}, {@link io.pylon4j.simulator.FaultSettings}).
 *
 * <p>Threading: a bank may be changed and read from any thread; readers get immutable snapshots without locking.
 */
package io.pylon4j.simulator;
