package io.pylon4j.transport.netty;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.netty.internal.CanetTransport;
import io.pylon4j.transport.netty.internal.SharedEventLoopGroup;
import io.pylon4j.transport.netty.internal.SocketcandTransport;
import io.pylon4j.transport.netty.internal.TcpByteStreamTransport;
import java.util.Map;
import java.util.Set;

/**
 * The TCP bridges, on Netty:
 * <table>
 *   <caption>schemes</caption>
 *   <tr><th>endpoint</th><th>kind</th><th>what it talks to</th></tr>
 *   <tr><td>{@code tcp:HOST:PORT}</td><td>byte stream</td><td>a raw TCP serial server (USR, Elfin) on an RS485
 *       line</td></tr>
 *   <tr><td>{@code socketcand:HOST:PORT/IFACE}</td><td>CAN</td><td>a socketcand server, interface IFACE, in raw
 *       mode</td></tr>
 *   <tr><td>{@code canet:HOST:PORT}</td><td>CAN</td><td>a USR-CANET200 / Waveshare-type converter's 13-byte
 *       frames</td></tr>
 * </table>
 * IPv6 hosts go in brackets: {@code tcp:[::1]:4196}. The schemes take no parameters: timeouts and reconnects come
 * from the {@link TransportOptions}. Connect attempts are bounded by its connect timeout (the TCP connect, then the
 * socketcand handshake), and with a read-idle timeout a silent link is dropped and reconnected.
 *
 * <p>Threads: the transports of one provider instance share one event loop thread ({@code pylon4j-netty-N-1}),
 * made when the first of them opens and stopped when the last one closes; no thread is static or global. Their
 * listeners run on that thread, so one slow listener delays the others: hand work to your own executor.
 * {@link io.pylon4j.transport.Transports#fromServiceLoader()} makes a new provider for each {@code Transports}.
 */
public final class NettyTransportProvider implements io.pylon4j.transport.spi.TransportProvider {

    private final SharedEventLoopGroup group = new SharedEventLoopGroup();

    /** Found by {@link java.util.ServiceLoader}, or made by hand. */
    public NettyTransportProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("tcp", "socketcand", "canet");
    }

    @Override
    public boolean isCan(String scheme) {
        return !scheme.equals("tcp");
    }

    @Override
    public ByteStreamTransport createByteStream(Endpoint endpoint, TransportOptions options) {
        noParameters(endpoint);
        return new TcpByteStreamTransport(endpoint, endpoint.hostPort(), options, group);
    }

    @Override
    public CanTransport createCan(Endpoint endpoint, TransportOptions options) {
        noParameters(endpoint);
        if (endpoint.scheme().equals("canet")) {
            return new CanetTransport(endpoint, endpoint.hostPort(), options, group);
        }
        String target = endpoint.target();
        int slash = target.lastIndexOf('/');
        if (slash < 0 || slash == target.length() - 1) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': expected socketcand:HOST:PORT/IFACE, "
                    + "e.g. socketcand:192.0.2.7:29536/can0");
        }
        String iface = target.substring(slash + 1);
        if (iface.length() > 16 || !iface.chars().allMatch(c -> c > ' ' && c < 0x7F && c != '<' && c != '>')) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': '" + iface
                    + "' is not a CAN interface name (at most 16 printable characters)");
        }
        Endpoint.HostPort address = new Endpoint(endpoint.text(), endpoint.scheme(), target.substring(0, slash),
                Map.of()).hostPort();
        return new SocketcandTransport(endpoint, address, iface, options, group);
    }

    private static void noParameters(Endpoint endpoint) {
        if (!endpoint.parameters().isEmpty()) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': " + endpoint.scheme()
                    + ": takes no parameters (timeouts and reconnects come from TransportOptions), got "
                    + endpoint.parameters().keySet());
        }
    }
}
