/**
 * The Pylontech low-voltage CAN codec: {@link io.pylon4j.can.CanFrame} values and the typed messages they carry, in
 * both directions. Pure functions over bytes: no I/O, no threads, no dependencies beyond {@code java.base}.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * PylonCanCodec codec = PylonCanCodec.standard();             // real Pylontech behaviour
 * CanMessage m = codec.decode(CandumpFormat.parseFrame("(1700000000.000000) can0 351#1402C012C012C201"));
 * if (m instanceof ChargeDischargeLimits limits) {
 *     limits.chargeVoltageLimitVolts();                        // 53.2
 * }
 * CanFrame keepAlive = codec.encode(InverterKeepAlive.ZEROS); // 305#0000000000000000
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.pylon4j.can.PylonCanCodec}: {@code decode(CanFrame)} and {@code encode(CanMessage)}.</li>
 *   <li>{@link io.pylon4j.can.CanMessageType}: the one table of known ids, one entry per record with its id,
 *       minimum DLC, sender and the profile that picks it; the codec decodes and encodes from it alone.</li>
 *   <li>{@link io.pylon4j.can.CanMessage}: the sealed hierarchy of records, {@link io.pylon4j.can.BatteryMessage}
 *       (with {@link io.pylon4j.can.TextMessage}), {@link io.pylon4j.can.InverterMessage} and
 *       {@link io.pylon4j.can.UnknownCanMessage}. Records hold the wire integers and keep every byte their layout
 *       does not define, so that decoding then encoding never changes a bit.</li>
 *   <li>{@link io.pylon4j.can.CanProfile}: every choice where the sources disagree (docs/protocol.md §1.11), with presets.</li>
 *   <li>{@link io.pylon4j.can.CandumpFormat}: candump text and log lines, and the formats of published captures.</li>
 * </ul>
 *
 * <p>Citations such as [CAN12] or [SFL13] are the source keys of {@code docs/protocol.md}
 * (its §0); "docs/protocol.md §1.2" is a section of it.
 *
 * <h2>Exceptions</h2>
 * <table>
 *   <caption>what the codec throws</caption>
 *   <tr><th>exception</th><th>when</th><th>keeps</th></tr>
 *   <tr><td>{@link io.pylon4j.can.CanCodecException}</td><td>root of every wire or text fault</td><td></td></tr>
 *   <tr><td>{@link io.pylon4j.can.FrameTooShortException}</td><td>a known id with fewer data bytes than its layout
 *       needs</td><td>id, DLC, minimum DLC</td></tr>
 *   <tr><td>{@link io.pylon4j.can.InvalidCanFrameException}</td><td>not a classic CAN 2.0A data frame: id beyond 11
 *       bits, more than 8 bytes, payload bits beyond the length, a text line in no known form, a remote, extended
 *       or CAN FD frame in a log</td><td>the reason, in the message</td></tr>
 *   <tr><td>{@link java.lang.IllegalArgumentException}</td><td>a programmer error, never a wire fault: a record
 *       component out of its wire range, or a value the profile's unit cannot carry on encode</td><td></td></tr>
 * </table>
 * An unknown id is not a fault: it decodes to {@link io.pylon4j.can.UnknownCanMessage}.
 *
 * <p>Every type is immutable and thread-safe.
 */
package io.pylon4j.can;
