/**
 * Not API: the jSerialComm port wrapper and the pure codecs behind the serial transports (SLCAN lines, Telnet and
 * RFC 2217 negotiation). Not exported from the module; may change in any release.
 */
package io.pylon4j.transport.serial.internal;
