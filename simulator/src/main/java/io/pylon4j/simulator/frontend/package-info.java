/**
 * The simulated bank's protocol front ends, battery side: {@link io.pylon4j.simulator.frontend.CanFrameSetGenerator}
 * (a snapshot to the CAN frame set of a {@link io.pylon4j.simulator.frontend.CanFrameSet}) and
 * {@link io.pylon4j.simulator.frontend.Rs485Responder} (a request frame to a reply frame or silence) are pure;
 * {@link io.pylon4j.simulator.frontend.CanBatterySimulator} and
 * {@link io.pylon4j.simulator.frontend.Rs485BatterySimulator} connect them to a transport, apply the wire faults of
 * {@link io.pylon4j.simulator.FaultSettings} at the moment of sending, and record what arrives in a
 * {@link io.pylon4j.simulator.frontend.ReceivedTraffic}. {@link io.pylon4j.simulator.frontend.SimulatorServer} runs
 * both for one bank.
 *
 * <p>Time goes through a {@link io.pylon4j.transport.time.Scheduler}, the same one the driver uses: tests use
 * {@code io.pylon4j.testing.ManualScheduler} ({@code pylon4j-testing}) and never sleep. The bank model (package
 * {@code io.pylon4j.simulator}) knows no codec or transport type; this package is where they meet.
 */
package io.pylon4j.simulator.frontend;
