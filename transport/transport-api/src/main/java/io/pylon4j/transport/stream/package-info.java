/**
 * Byte-stream transports over streams or channels the caller supplies
 * ({@link io.pylon4j.transport.stream.StreamTransports}): how an application that already owns its serial port
 * (an openHAB binding with its framework's {@code SerialPortManager}, say) hands it to pylon4j, with no serial
 * library on pylon4j's side.
 *
 * <p>Threading: one named reading thread per transport ({@code pylon4j-stream-NAME}), which calls the listeners.
 */
package io.pylon4j.transport.stream;
