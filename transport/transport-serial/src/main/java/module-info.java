/**
 * Serial transports: {@code serial:} (RS485 through a USB converter) and {@code slcan:} (USB CAN adapters speaking
 * SLCAN) on jSerialComm, and {@code rfc2217:} (a remote serial port over TCP, plain JDK sockets). Found by
 * {@link java.util.ServiceLoader}; the {@code internal} package is not exported.
 */
module io.pylon4j.transport.serial {
    requires io.pylon4j.transport;
    requires com.fazecast.jSerialComm;

    exports io.pylon4j.transport.serial;

    provides io.pylon4j.transport.spi.TransportProvider with io.pylon4j.transport.serial.SerialTransportProvider;
}
