/**
 * The Pylontech low-voltage CAN codec: {@link io.pylon4j.can.CanFrame} values and the typed messages they carry,
 * in both directions. Pure functions over bytes: no I/O, no threads, no dependencies beyond {@code java.base}.
 */
package io.pylon4j.can;
