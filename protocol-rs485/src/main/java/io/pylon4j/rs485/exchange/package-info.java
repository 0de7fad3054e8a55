/**
 * RS485 request and reply exchanges, sans I/O: the one place where a byte stream, the frame reader and "which reply
 * answers which request" meet, for both ends of the bus.
 *
 * <ul>
 *   <li>{@link io.pylon4j.rs485.exchange.Rs485Exchange}, the master side (the driver's poll, the address scanner):
 *       one request in flight, its timeout and retries, waiting while a reply is still arriving, matching a reply to
 *       its request, and the counters;</li>
 *   <li>{@link io.pylon4j.rs485.exchange.Rs485ReplyExchange}, the battery side (the simulator, the scale benchmark's
 *       server): request frames cut from the stream, each handed to an answerer, the reply's frame handed back.</li>
 * </ul>
 *
 * <p>Neither does I/O, owns a thread or reads a clock: the caller feeds the bytes it read, writes what it is told to
 * write, and arms its own timer (on the monotonic clock of its scheduler) for the delay it is told, so the same class
 * runs on a serial port, a TCP bridge, an NIO selector and a manual scheduler in a test. Not thread-safe: one
 * exchange per byte stream, called by one thread at a time (callers hold their own lock).
 */
package io.pylon4j.rs485.exchange;
