package io.pylon4j.transport;

import io.pylon4j.transport.spi.TransportProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Turns endpoint strings into transports, using the {@link TransportProvider}s found on the class or module path.
 *
 * <pre>{@code
 * Transports transports = Transports.fromServiceLoader();
 * try (CanTransport can = transports.can("virtual:bench")) {
 *     can.addFrameListener((frame, t) -> System.out.println(frame));
 *     can.open().toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <p>An instance holds no threads; make as many as you like. Its only state is its providers', and the one provider
 * that keeps any is the in-memory one: endpoints resolved through the same instance share in-memory buses by name
 * ({@code virtual:bench} twice gives two members of one bus), those of two instances never do. Two providers
 * claiming the same scheme are rejected when the instance is made, so that which one wins never depends on class
 * path order.
 */
public final class Transports {

    private final Map<String, TransportProvider> byScheme;

    /**
     * Uses exactly the given providers.
     *
     * @throws IllegalStateException if two providers claim the same scheme
     */
    public Transports(Iterable<? extends TransportProvider> providers) {
        Map<String, TransportProvider> map = new TreeMap<>();
        for (TransportProvider provider : providers) {
            for (String scheme : provider.schemes()) {
                TransportProvider previous = map.putIfAbsent(scheme, provider);
                if (previous != null) {
                    throw new IllegalStateException("scheme '" + scheme + "' is provided twice: by "
                            + previous.getClass().getName() + " and by " + provider.getClass().getName());
                }
            }
        }
        this.byScheme = Collections.unmodifiableMap(map);
    }

    /** Uses the providers that {@link ServiceLoader} finds for this module's layer or class loader. */
    public static Transports fromServiceLoader() {
        return fromServiceLoader(Transports.class.getClassLoader());
    }

    /** Uses the providers that {@link ServiceLoader} finds through {@code loader} (e.g. an OSGi bundle's). */
    public static Transports fromServiceLoader(ClassLoader loader) {
        List<TransportProvider> providers = new ArrayList<>();
        ServiceLoader.load(TransportProvider.class, loader).forEach(providers::add);
        return new Transports(providers);
    }

    /** The schemes available, sorted. */
    public List<String> schemes() {
        return List.copyOf(byScheme.keySet());
    }

    /**
     * Creates (does not open) a CAN transport.
     *
     * @throws InvalidEndpointException if the string is malformed, names an unknown scheme (the message lists the
     *                                  known ones) or a byte-stream scheme
     */
    public CanTransport can(String endpoint) {
        return can(endpoint, TransportOptions.defaults());
    }

    /** Creates (does not open) a CAN transport with the given options. */
    public CanTransport can(String endpoint, TransportOptions options) {
        Endpoint parsed = Endpoint.parse(endpoint);
        TransportProvider provider = provider(parsed);
        if (!provider.isCan(parsed.scheme())) {
            throw new InvalidEndpointException("'" + endpoint + "' is a byte-stream (RS485) endpoint, not a CAN one; "
                    + "CAN schemes here: " + schemes(true));
        }
        return provider.createCan(parsed, Objects.requireNonNull(options, "options"));
    }

    /**
     * Creates (does not open) a byte-stream transport.
     *
     * @throws InvalidEndpointException if the string is malformed, names an unknown scheme (the message lists the
     *                                  known ones) or a CAN scheme
     */
    public ByteStreamTransport byteStream(String endpoint) {
        return byteStream(endpoint, TransportOptions.defaults());
    }

    /** Creates (does not open) a byte-stream transport with the given options. */
    public ByteStreamTransport byteStream(String endpoint, TransportOptions options) {
        Endpoint parsed = Endpoint.parse(endpoint);
        TransportProvider provider = provider(parsed);
        if (!provider.isByteStream(parsed.scheme())) {
            throw new InvalidEndpointException("'" + endpoint + "' is a CAN endpoint, not a byte-stream (RS485) one; "
                    + "byte-stream schemes here: " + schemes(false));
        }
        return provider.createByteStream(parsed, Objects.requireNonNull(options, "options"));
    }

    private TransportProvider provider(Endpoint endpoint) {
        TransportProvider provider = byScheme.get(endpoint.scheme());
        if (provider == null) {
            throw new InvalidEndpointException("unknown scheme '" + endpoint.scheme() + "' in '" + endpoint.text()
                    + "'; schemes found: " + (byScheme.isEmpty() ? "none (no transport on the class path)"
                    : String.join(", ", byScheme.keySet())));
        }
        return provider;
    }

    private List<String> schemes(boolean can) {
        List<String> out = new ArrayList<>();
        byScheme.forEach((scheme, provider) -> {
            if (can ? provider.isCan(scheme) : provider.isByteStream(scheme)) {
                out.add(scheme);
            }
        });
        return out;
    }
}
