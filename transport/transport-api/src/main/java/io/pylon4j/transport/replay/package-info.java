/**
 * Log replay: {@code replay:FILE[?pace=recorded|fast][&loop=N]} plays a candump log back as a read-only
 * {@link io.pylon4j.transport.CanTransport} (see {@link io.pylon4j.transport.replay.ReplayCanTransport}).
 *
 * <p>Threading: one named thread per replay ({@code pylon4j-replay-FILE}), which reads the file and calls the
 * listeners.
 */
package io.pylon4j.transport.replay;
