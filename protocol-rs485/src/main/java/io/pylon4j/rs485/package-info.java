/**
 * The Pylontech low-voltage RS485 (ASCII-hex) codec and its resynchronising stream deframer.
 * Pure functions over bytes: no I/O, no threads, no dependencies beyond {@code java.base}.
 */
package io.pylon4j.rs485;
