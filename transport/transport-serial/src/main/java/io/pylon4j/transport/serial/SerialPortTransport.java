package io.pylon4j.transport.serial;

import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.serial.internal.EndpointChecks;
import io.pylon4j.transport.serial.internal.PortLink;
import io.pylon4j.transport.spi.BlockingByteStreamTransport;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code serial:} transport: a local serial port as a byte stream, for Pylontech RS485 through a USB converter
 * (or the RS232 console port).
 *
 * <pre>
 * serial:/dev/ttyUSB0                      115200 8N1, the Pylontech default
 * serial:/dev/ttyUSB0?baud=9600            DIP switch 1 up
 * serial:/dev/serial/by-id/usb-FTDI_…?baud=115200&amp;parity=none&amp;databits=8&amp;stopbits=1
 * </pre>
 *
 * <p>Parameters: {@code baud}, {@code databits}, {@code parity}, {@code stopbits} (see {@link SerialSettings}); any
 * other parameter is rejected. No flow control: USB RS485 converters switch direction by themselves.
 *
 * <p>When the device vanishes (USB unplugged) the read fails, the link ends, and the transport reconnects by its
 * {@link io.pylon4j.transport.ReconnectPolicy}: each attempt opens the path afresh, so the port is found again when
 * it returns, even under another {@code /dev/pts} or {@code ttyUSB} number behind the same symbolic link. Bytes read
 * are delivered as they arrive, in chunks of any size: framing is the RS485 codec's job.
 *
 * <p>Created by {@link SerialTransportProvider} through {@link io.pylon4j.transport.Transports}; threading and
 * lifecycle as in {@link io.pylon4j.transport.spi.BlockingTransport}.
 */
public final class SerialPortTransport extends BlockingByteStreamTransport {

    private static final Set<String> PARAMETERS = Set.of(SerialSettings.BAUD, SerialSettings.DATA_BITS,
            SerialSettings.PARITY, SerialSettings.STOP_BITS);

    private final String device;
    private final SerialSettings settings;
    private final AtomicReference<PortLink> link = new AtomicReference<>();

    /**
     * Creates (does not open) a transport for a {@code serial:} endpoint.
     *
     * @param endpoint the parsed endpoint string, its scheme already matched by the provider
     * @param options  the reconnect policy, timeouts and thread-name prefix every transport takes
     * @throws io.pylon4j.transport.InvalidEndpointException if a parameter is unknown or malformed
     */
    public SerialPortTransport(Endpoint endpoint, TransportOptions options) {
        super(endpoint, options);
        EndpointChecks.rejectUnknownParameters(endpoint, PARAMETERS);
        this.device = endpoint.target();
        this.settings = SerialSettings.fromEndpoint(endpoint);
    }

    /**
     * The line settings this transport opens the port with.
     *
     * @return the baud rate, data bits, parity and stop bits from the endpoint, defaults where absent
     */
    public SerialSettings settings() {
        return settings;
    }

    @Override
    protected void connect() throws Exception {
        link.set(PortLink.open(device, settings));
    }

    @Override
    protected void readLoop() throws Exception {
        PortLink port = link.get();
        if (port == null) {
            throw new ClosedChannelException(); // closed between connect and here
        }
        byte[] buffer = new byte[4096];
        Duration idleLimit = options().readIdleTimeout();
        long lastData = System.nanoTime();
        while (true) {
            int n = port.read(buffer);
            long now = System.nanoTime();
            if (n > 0) {
                lastData = now;
                deliver(buffer, 0, n, now);
            } else if (!idleLimit.isZero() && now - lastData > idleLimit.toNanos()) {
                throw new TransportIoException(endpoint() + ": no data for " + idleLimit + " (read idle timeout)");
            }
        }
    }

    @Override
    protected void writeBytes(byte[] data, int offset, int length) throws Exception {
        PortLink port = link.get();
        if (port == null) {
            throw new ClosedChannelException();
        }
        port.write(data, offset, length);
    }

    @Override
    protected void disconnect() {
        PortLink port = link.getAndSet(null);
        if (port != null) {
            port.close();
        }
    }
}
