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
 * <p>Threading: no thread per member. The members of all the buses of one {@code VirtualTransportProvider} (or of
 * one bus made with {@code new}) share a small pool of named delivery threads per thread name prefix
 * ({@code PREFIX-virtual-N}, or {@code PREFIX-virtual-BUS-N} for a bus made on its own; at most two threads), made
 * when the first member opens and stopped when the last one closes; or a caller-supplied executor. Each member keeps
 * its own ordered queue, drained by at most one task at a time, so every member sees frames in send order. A sender
 * only queues; listeners (frames and state changes but {@code CLOSED}) never run on the sender's or opener's thread,
 * exactly as with a real link. Each member's queue is bounded; what does not fit is dropped and counted, never
 * blocks the sender. A listener that blocks holds up the other members that share its threads, as it would hold up
 * an event loop.
 */
package io.pylon4j.transport.virtual;
