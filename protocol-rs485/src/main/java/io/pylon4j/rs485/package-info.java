/**
 * The Pylontech low-voltage RS485 (ASCII-hex) codec and its resynchronising stream deframer: "PYLON low voltage
 * Protocol RS485" V2.8/V3.3, its RS232 V2.8 extras and the V3.5-era system commands as emulators implement them. Pure
 * functions over bytes: no I/O, no threads, no dependencies beyond {@code java.base}.
 *
 * <p>Every decision cites the protocol reference {@code docs/protocol.md} ("docs/protocol.md §…") and
 * their sources: [R485-33] the V3.3 document, [R232-28] the RS232 V2.8 document, and the public implementations
 * [PYPY] python-pylontech, [TOM] Tomcat42/pylontech-python, [FHEM] 70_PylonLowVoltage, [ROB] robske110, [BE-485]
 * Battery-Emulator, [AIR-INV-485] bms-to-inverter.
 *
 * <h2>Layers</h2>
 * <ol>
 *   <li>{@link io.pylon4j.rs485.Rs485FrameReader} cuts a byte stream into frames, resynchronising on {@code '~'};</li>
 *   <li>{@link io.pylon4j.rs485.Rs485FrameCodec} checks one frame (SOI, EOI, hex, LENGTH, LCHKSUM, CHKSUM) into an
 *       {@link io.pylon4j.rs485.Rs485Frame}, whose {@link io.pylon4j.rs485.Rs485Frame#encode()} writes it back;</li>
 *   <li>{@link io.pylon4j.rs485.Rs485Codec} decodes a frame into a typed {@link io.pylon4j.rs485.Rs485Request} or,
 *       against its request, a typed {@link io.pylon4j.rs485.Rs485Response}; their {@code toFrame()} encodes;</li>
 *   <li>{@link io.pylon4j.rs485.exchange} puts the three together for each end of the bus: which reply answers which
 *       request, with timeouts and retries, sans I/O.</li>
 * </ol>
 *
 * <h2>Errors</h2>
 * Every fault in the input throws (or, from the reader, reports) a subclass of
 * {@link io.pylon4j.rs485.Rs485Exception}, which keeps the offending values. Nothing else leaves a decoder for any
 * input. A battery's refusal (RTN other than 0) is not a fault: it decodes to a {@link io.pylon4j.rs485.Rejection}.
 * Building a record with a field out of range is a programming error and throws {@link IllegalArgumentException}.
 * <table>
 *   <caption>Rs485Exception subclasses</caption>
 *   <tr><th>exception</th><th>thrown by</th><th>meaning</th><th>keeps</th></tr>
 *   <tr><td>{@link io.pylon4j.rs485.MissingSoiException}</td><td>frame codec</td><td>the frame does not start with
 *       {@code '~'}</td><td>the character found</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.MissingEoiException}</td><td>frame codec, reader</td><td>no CR at the end; a new
 *       {@code '~'} or the 4113-byte bound came first; the input ended</td><td>position, character</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.NonHexCharacterException}</td><td>frame codec, reader</td><td>a character between
 *       SOI and EOI that is not a hex digit</td><td>position, character</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.FrameTooShortException}</td><td>frame codec</td><td>fewer than 18 characters, no
 *       whole header</td><td>length</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.LengthChecksumException}</td><td>frame codec</td><td>LCHKSUM does not match
 *       LENID</td><td>LENGTH, expected and actual LCHKSUM</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.LengthMismatchException}</td><td>frame codec</td><td>LENID disagrees with the INFO
 *       present, or is odd</td><td>LENID, INFO characters</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.ChecksumMismatchException}</td><td>frame codec</td><td>CHKSUM does not match the
 *       content</td><td>expected and actual CHKSUM</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.UnknownCommandException}</td><td>codec</td><td>CID1 is not 0x46, or CID2 is no
 *       known command</td><td>CID1, CID2</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.UnknownReturnCodeException}</td><td>codec</td><td>RTN is no known return
 *       code</td><td>RTN</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.AddressMismatchException}</td><td>codec</td><td>the response comes from another
 *       address than the request went to</td><td>expected and actual ADR</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.InfoTooShortException}</td><td>codec</td><td>INFO ends before the command's layout
 *       does</td><td>command, bytes needed, bytes present</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.InfoTooLongException}</td><td>codec</td><td>a reply's INFO goes on past the
 *       layout of the command it is read as (more than the tolerated trailing bytes): a reply to another command,
 *       late</td><td>command, layout bytes, bytes present</td></tr>
 *   <tr><td>{@link io.pylon4j.rs485.InvalidInfoException}</td><td>codec</td><td>an INFO field holds a value the layout
 *       cannot take (0x42 user-defined count other than 2 or 4; unknown 0x91 rate)</td><td>command, offset,
 *       value</td></tr>
 * </table>
 *
 * <h2>Conventions</h2>
 * Records hold wire integers with the unit in the name ({@code currentDeciAmps}, {@code cellVoltagesMilliVolts},
 * {@code temperaturesDeciKelvin} = 0.1 K with offset 2731) and offer SI conveniences ({@code currentAmps()}). They
 * validate in their compact constructors and copy arrays and lists in and out. Signs are as on the wire (negative
 * discharge limits). Hex is accepted in either case and written in upper case.
 */
package io.pylon4j.rs485;
