/**
 * Serial transports: {@link io.pylon4j.transport.serial.SerialPortTransport} ({@code serial:}, RS485 through a USB
 * converter), {@link io.pylon4j.transport.serial.SlcanTransport} ({@code slcan:}, USB CAN adapters speaking SLCAN)
 * and {@link io.pylon4j.transport.serial.Rfc2217Transport} ({@code rfc2217:}, a remote serial port with RFC 2217
 * control), found by their scheme through {@link io.pylon4j.transport.Transports}.
 *
 * <p>Each transport owns one named I/O thread ({@code <prefix>-<scheme>-<target>}) that connects, reads and
 * reconnects, as {@link io.pylon4j.transport.spi.BlockingTransport} describes; writes run on the caller's thread and
 * do not interleave. No jSerialComm type appears in this package's API: applications need jSerialComm on their class
 * or module path only to open {@code serial:} or {@code slcan:} endpoints.
 */
package io.pylon4j.transport.serial;
