/**
 * In-memory transports for tests and simulation: a CAN bus ({@link io.pylon4j.transport.virtual.VirtualCanBus}) and
 * a byte bus ({@link io.pylon4j.transport.virtual.VirtualByteBus}, with
 * {@link io.pylon4j.transport.virtual.VirtualByteLink} for the common two-ended pipe), also reachable as
 * {@code virtual:NAME} endpoints.
 *
 * <p>There is no global registry: a bus belongs to whoever holds it. Endpoint strings are resolved by the
 * {@link io.pylon4j.transport.virtual.VirtualTransportProvider} instance of one
 * {@link io.pylon4j.transport.Transports}, so {@code virtual:bench} opened twice through the same
 * {@code Transports} gives two members of one bus, and through two {@code Transports} two separate buses.
 *
 * <p>Threading: every member owns one named delivery thread, started by {@code open()} and ended by
 * {@code close()}. A sender only queues; listeners never run on the sender's thread, exactly as with a real link.
 * Each member's queue is bounded; what does not fit is dropped and counted, never blocks the sender.
 */
package io.pylon4j.transport.virtual;
