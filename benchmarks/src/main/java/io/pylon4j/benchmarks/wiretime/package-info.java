/**
 * The RS485 poll cycle against its wire time (the target "an RS485 poll cycle within 101 % of its wire time at
 * 115200 baud: no idle gaps of our own making"): {@link io.pylon4j.benchmarks.wiretime.PacedByteLink}, an in-memory
 * link paced like a serial line that times every frame crossing it, and
 * {@link io.pylon4j.benchmarks.wiretime.PollCycleWireTimeBenchmark}, which runs a driver against the simulator over
 * it and reports each cycle's time, wire time and where the difference lies. Results and how to run it:
 * {@code benchmarks/README.md}, section "RS485 poll cycle against wire time".
 */
package io.pylon4j.benchmarks.wiretime;
