package io.pylon4j.transport.serial;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.TransportProvider;
import java.util.Set;

/**
 * Provides the serial transports to {@link io.pylon4j.transport.Transports}: {@code serial:} ({@link
 * SerialPortTransport}), {@code slcan:} ({@link SlcanTransport}) and {@code rfc2217:} ({@link Rfc2217Transport}).
 * Registered for {@link java.util.ServiceLoader} both in {@code module-info.java} and in {@code META-INF/services};
 * applications do not use it directly.
 */
public final class SerialTransportProvider implements TransportProvider {

    /** RS485 (or RS232) through a local serial port. */
    public static final String SERIAL = "serial";
    /** A USB CAN adapter speaking SLCAN. */
    public static final String SLCAN = "slcan";
    /** A remote serial port with RFC 2217 control. */
    public static final String RFC2217 = "rfc2217";

    /** Called by {@link java.util.ServiceLoader}. */
    public SerialTransportProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of(SERIAL, SLCAN, RFC2217);
    }

    @Override
    public boolean isCan(String scheme) {
        return SLCAN.equals(scheme);
    }

    @Override
    public CanTransport createCan(Endpoint endpoint, TransportOptions options) {
        if (!SLCAN.equals(endpoint.scheme())) {
            return TransportProvider.super.createCan(endpoint, options);
        }
        return new SlcanTransport(endpoint, options);
    }

    @Override
    public ByteStreamTransport createByteStream(Endpoint endpoint, TransportOptions options) {
        return switch (endpoint.scheme()) {
            case SERIAL -> new SerialPortTransport(endpoint, options);
            case RFC2217 -> new Rfc2217Transport(endpoint, options);
            default -> TransportProvider.super.createByteStream(endpoint, options);
        };
    }
}
