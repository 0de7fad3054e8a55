package io.pylon4j.transport.spi;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import java.util.Set;

/**
 * A family of transports found through {@link java.util.ServiceLoader}: an application gets exactly the
 * transports whose jars are on its class or module path.
 *
 * <p>Implementations are registered with {@code provides io.pylon4j.transport.spi.TransportProvider with …} in
 * their {@code module-info.java} and a {@code META-INF/services} file (for the class path). A provider creates
 * transports; it does not open them.
 */
public interface TransportProvider {

    /**
     * The schemes this provider handles, lower case ({@code "tcp"}, {@code "socketcand"}).
     *
     * @return the schemes; two providers of one {@link io.pylon4j.transport.Transports} may not share one
     */
    Set<String> schemes();

    /**
     * Whether {@code scheme} names a CAN transport (true) or a byte-stream transport (false).
     *
     * @param scheme one of {@link #schemes()}
     * @return true for a CAN scheme
     */
    boolean isCan(String scheme);

    /**
     * Whether {@code scheme} names a byte-stream transport. By default the opposite of {@link #isCan(String)};
     * a provider whose scheme offers both kinds (the in-memory {@code virtual:} scheme has a CAN bus and a byte
     * link) overrides this to return true as well.
     *
     * @param scheme one of {@link #schemes()}
     * @return true for a byte-stream scheme
     */
    default boolean isByteStream(String scheme) {
        return !isCan(scheme);
    }

    /**
     * Creates a CAN transport for an endpoint of one of this provider's CAN schemes.
     *
     * @param endpoint the parsed endpoint string, its scheme already matched by the caller
     * @param options  the reconnect policy, timeouts and thread-name prefix for the new transport
     * @return a new, unopened transport; the default throws, for providers of byte streams only
     * @throws io.pylon4j.transport.InvalidEndpointException if the endpoint's target or parameters are invalid
     */
    default CanTransport createCan(Endpoint endpoint, TransportOptions options) {
        throw new UnsupportedOperationException(endpoint.scheme() + " is not a CAN transport");
    }

    /**
     * Creates a byte-stream transport for an endpoint of one of this provider's byte-stream schemes.
     *
     * @param endpoint the parsed endpoint string, its scheme already matched by the caller
     * @param options  the reconnect policy, timeouts and thread-name prefix for the new transport
     * @return a new, unopened transport; the default throws, for providers of CAN only
     * @throws io.pylon4j.transport.InvalidEndpointException if the endpoint's target or parameters are invalid
     */
    default ByteStreamTransport createByteStream(Endpoint endpoint, TransportOptions options) {
        throw new UnsupportedOperationException(endpoint.scheme() + " is not a byte-stream transport");
    }
}
