package io.pylon4j.transport.tcplisten;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.TransportProvider;
import java.util.Set;

/**
 * The {@code tcp-listen:PORT[?bind=ADDRESS][&idle-timeout=S][&takeover-after=S]} scheme: a byte-stream server
 * endpoint ({@link TcpListenTransport}) with one client slot that an idle client cannot hold for ever, loopback
 * unless {@code bind} says otherwise. Byte streams only.
 */
public final class TcpListenTransportProvider implements TransportProvider {

    /** A provider (found by {@link java.util.ServiceLoader}, or made by hand). */
    public TcpListenTransportProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("tcp-listen");
    }

    @Override
    public boolean isCan(String scheme) {
        return false;
    }

    @Override
    public ByteStreamTransport createByteStream(Endpoint endpoint, TransportOptions options) {
        return new TcpListenTransport(endpoint, options);
    }
}
