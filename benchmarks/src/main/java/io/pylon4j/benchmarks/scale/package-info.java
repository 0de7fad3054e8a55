/**
 * The scale benchmark (issue #7 item 6): one JVM supervising a thousand simulated RS485 banks over loopback TCP and
 * a hundred CAN banks on in-memory buses, measuring heap per bank, CPU share, threads and frame-to-listener event
 * latency. {@link io.pylon4j.benchmarks.scale.ScaleBenchmark} is the entry point, {@link
 * io.pylon4j.benchmarks.scale.ScaleBankServer} the battery side it runs in a child JVM. Results and how to run it:
 * {@code benchmarks/README.md}, section "Scale".
 */
package io.pylon4j.benchmarks.scale;
