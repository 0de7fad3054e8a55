/**
 * Test support: {@link io.pylon4j.testing.ManualScheduler} runs timed work only when a test advances its
 * {@link io.pylon4j.transport.time.ManualTimeSource}, so a test of timeouts, supervision or a CAN cycle never sleeps
 * and never depends on the machine's speed; {@link io.pylon4j.testing.FaultInjectingCanTransport} and
 * {@link io.pylon4j.testing.FaultInjectingByteStreamTransport} wrap a real transport (or an in-memory bus member)
 * and break its link on explicit one-shot calls: drop the next frame, corrupt the next, hold and release, kill the
 * link and restore it; {@link io.pylon4j.testing.SlcanAdapterEmulator} plays a USB CAN adapter's side of an SLCAN
 * serial line, so that an SLCAN host program (python-can) can reach an in-memory bus without hardware. Nothing here
 * starts a thread or depends on a test framework.
 */
package io.pylon4j.testing;
