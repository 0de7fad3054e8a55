package io.pylon4j.transport;

import io.pylon4j.transport.spi.TransportProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *
 * <p>A provider that cannot be loaded (its jar is there, a jar it needs is not) does not take the others down:
 * {@link #fromServiceLoader()} skips it, and opening one of its schemes throws an {@link InvalidEndpointException}
 * that names the scheme, the provider and the missing class ({@link #unavailable()} lists them all).
 */
public final class Transports {

    private static final System.Logger LOG = System.getLogger(Transports.class.getName());

    /**
     * The schemes of pylon4j's own providers and the artifact that brings each, to name the schemes a provider
     * offered when the provider itself cannot be loaded (so {@code schemes()} cannot be asked).
     */
    private static final Map<String, KnownProvider> KNOWN = Map.of(
            "io.pylon4j.transport.netty.NettyTransportProvider",
            new KnownProvider(Set.of("tcp", "socketcand", "canet"), "pylon4j-transport-netty", "Netty"),
            "io.pylon4j.transport.serial.SerialTransportProvider",
            new KnownProvider(Set.of("serial", "slcan", "rfc2217"), "pylon4j-transport-serial", "jSerialComm"),
            "io.pylon4j.transport.socketcan.SocketCanTransportProvider",
            new KnownProvider(Set.of("socketcan"), "pylon4j-transport-socketcan", "JavaCAN"));

    /** More failures than this in one lookup means the loader keeps failing on the same entry: stop there. */
    private static final int MAX_PROVIDER_FAILURES = 100;

    /**
     * The provider class in a ServiceLoader error: "Provider X not found", "Provider X could not be instantiated",
     * "X not a subtype" (in OSGi: the provider's bundle wired to another copy of the SPI).
     */
    private static final Pattern PROVIDER_NAME =
            Pattern.compile("(?:Provider )?([\\w.$]+) (?:not found|could not be instantiated|not a subtype)");

    private record KnownProvider(Set<String> schemes, String artifact, String dependency) {
    }

    private final Map<String, TransportProvider> byScheme;
    /** Scheme (or, when the scheme cannot be known, provider class name) to why it is unavailable. */
    private final Map<String, String> unavailable;

    /**
     * Uses exactly the given providers.
     *
     * @param providers the providers to use, each claiming its own schemes
     * @throws IllegalStateException if two providers claim the same scheme
     */
    public Transports(Iterable<? extends TransportProvider> providers) {
        this(providers, Map.of());
    }

    private Transports(Iterable<? extends TransportProvider> providers, Map<String, String> unavailable) {
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
        Map<String, String> broken = new TreeMap<>(unavailable);
        broken.keySet().removeAll(map.keySet()); // a working provider of the scheme wins
        this.unavailable = Collections.unmodifiableMap(broken);
    }

    /**
     * Uses the providers that {@link ServiceLoader} finds for this module's layer or class loader.
     *
     * @return the transports of every provider found; those that failed to load are in {@link #unavailable()}
     */
    public static Transports fromServiceLoader() {
        return fromServiceLoader(Transports.class.getClassLoader());
    }

    /**
     * Uses the providers that {@link ServiceLoader} finds through {@code loader} (e.g. an OSGi bundle's).
     *
     * @param loader the class loader whose {@code META-INF/services} entries are read
     * @return the transports of every provider found; those that failed to load are in {@link #unavailable()}
     */
    public static Transports fromServiceLoader(ClassLoader loader) {
        List<TransportProvider> providers = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        Iterator<TransportProvider> found = ServiceLoader.load(TransportProvider.class, loader).iterator();
        int failures = 0;
        while (failures < MAX_PROVIDER_FAILURES) {
            TransportProvider provider;
            try {
                if (!found.hasNext()) {
                    break;
                }
                provider = found.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // ServiceLoader's iterator moves past a provider it failed on: the others still load
                failures++;
                unavailable.putAll(describe(e, providerName(e)));
                continue;
            }
            try {
                provider.schemes(); // may be the first call to reach a missing class
            } catch (LinkageError e) {
                failures++;
                unavailable.putAll(describe(e, provider.getClass().getName()));
                continue;
            }
            providers.add(provider);
        }
        return new Transports(providers, unavailable);
    }

    /** The provider class a ServiceLoader error names ("Provider X could not be instantiated"), or null. */
    private static String providerName(Throwable failure) {
        Matcher m = PROVIDER_NAME.matcher(String.valueOf(failure.getMessage()));
        return m.find() ? m.group(1) : null;
    }

    /** Names what a provider's failure makes unavailable: its schemes if known, else its class. */
    private static Map<String, String> describe(Throwable failure, String providerClass) {
        Throwable cause = failure instanceof ServiceConfigurationError && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = String.valueOf(failure.getMessage());
        KnownProvider known = providerClass == null ? null : KNOWN.get(providerClass);
        String why = (providerClass == null ? "a transport provider" : "its provider " + providerClass)
                + " could not be loaded (" + cause + ")"
                + (known == null ? "" : ": add " + known.artifact() + "'s dependencies (" + known.dependency()
                        + ") to the class or module path");
        LOG.log(System.Logger.Level.DEBUG, () -> "transport provider skipped: " + why, failure);
        Map<String, String> out = new LinkedHashMap<>();
        if (known != null) {
            known.schemes().forEach(scheme -> out.put(scheme, why));
        } else {
            out.put(providerClass == null ? message : providerClass, why);
        }
        return out;
    }

    /**
     * The schemes available, sorted.
     *
     * @return the lower-case schemes of every loaded provider, an unmodifiable list
     */
    public List<String> schemes() {
        return List.copyOf(byScheme.keySet());
    }

    /**
     * What {@link #fromServiceLoader()} found but could not load, and why: keyed by scheme for pylon4j's own
     * providers, by provider class name for others (whose schemes cannot be asked). Empty when all loaded.
     *
     * @return an unmodifiable map from scheme or class name to the reason
     */
    public Map<String, String> unavailable() {
        return unavailable;
    }

    /**
     * Creates (does not open) a CAN transport.
     *
     * @param endpoint a CAN endpoint string, {@code socketcan:can0} or {@code virtual:bench}
     * @return a new transport with {@link TransportOptions#defaults()}; the caller opens and closes it
     * @throws InvalidEndpointException if the string is malformed, names an unknown scheme (the message lists the
     *                                  known ones) or a byte-stream scheme
     */
    public CanTransport can(String endpoint) {
        return can(endpoint, TransportOptions.defaults());
    }

    /**
     * Creates (does not open) a CAN transport with the given options.
     *
     * @param endpoint a CAN endpoint string
     * @param options  reconnect policy, timeouts and thread names for this transport
     * @return a new transport; the caller opens and closes it
     * @throws InvalidEndpointException if the string is malformed, names an unknown scheme or a byte-stream scheme
     */
    public CanTransport can(String endpoint, TransportOptions options) {
        Endpoint parsed = Endpoint.parse(endpoint);
        TransportProvider provider = provider(parsed);
        if (!provider.isCan(parsed.scheme())) {
            throw new InvalidEndpointException("'" + endpoint + "' is a byte-stream (RS485) endpoint, not a CAN one; "
                    + "CAN schemes here: " + schemes(true));
        }
        Objects.requireNonNull(options, "options");
        try {
            return provider.createCan(parsed, options);
        } catch (LinkageError e) {
            throw missingDependency(parsed, provider, e);
        }
    }

    /**
     * Creates (does not open) a byte-stream transport.
     *
     * @param endpoint a byte-stream endpoint string, {@code serial:/dev/ttyUSB0} or {@code tcp:HOST:PORT}
     * @return a new transport with {@link TransportOptions#defaults()}; the caller opens and closes it
     * @throws InvalidEndpointException if the string is malformed, names an unknown scheme (the message lists the
     *                                  known ones) or a CAN scheme
     */
    public ByteStreamTransport byteStream(String endpoint) {
        return byteStream(endpoint, TransportOptions.defaults());
    }

    /**
     * Creates (does not open) a byte-stream transport with the given options.
     *
     * @param endpoint a byte-stream endpoint string
     * @param options  reconnect policy, timeouts and thread names for this transport
     * @return a new transport; the caller opens and closes it
     * @throws InvalidEndpointException if the string is malformed, names an unknown scheme or a CAN scheme
     */
    public ByteStreamTransport byteStream(String endpoint, TransportOptions options) {
        Endpoint parsed = Endpoint.parse(endpoint);
        TransportProvider provider = provider(parsed);
        if (!provider.isByteStream(parsed.scheme())) {
            throw new InvalidEndpointException("'" + endpoint + "' is a CAN endpoint, not a byte-stream (RS485) one; "
                    + "byte-stream schemes here: " + schemes(false));
        }
        Objects.requireNonNull(options, "options");
        try {
            return provider.createByteStream(parsed, options);
        } catch (LinkageError e) {
            throw missingDependency(parsed, provider, e);
        }
    }

    /** A provider that loaded but whose transport reaches a class that is missing (a lazily linked dependency). */
    private static InvalidEndpointException missingDependency(Endpoint endpoint, TransportProvider provider,
            LinkageError e) {
        KnownProvider known = KNOWN.get(provider.getClass().getName());
        return new InvalidEndpointException("scheme " + endpoint.scheme() + ": unavailable: its provider "
                + provider.getClass().getName() + " could not load a class it needs (" + e + ")"
                + (known == null ? "" : ": add " + known.artifact() + "'s dependencies (" + known.dependency()
                        + ") to the class or module path"), e);
    }

    private TransportProvider provider(Endpoint endpoint) {
        TransportProvider provider = byScheme.get(endpoint.scheme());
        if (provider == null) {
            String why = unavailable.get(endpoint.scheme());
            if (why != null) {
                throw new InvalidEndpointException("scheme " + endpoint.scheme() + ": unavailable: " + why);
            }
            throw new InvalidEndpointException("unknown scheme '" + endpoint.scheme() + "' in '" + endpoint.text()
                    + "'" + whereFrom(endpoint.scheme())
                    + "; schemes found: " + (byScheme.isEmpty() ? "none (no transport on the class path)"
                    : String.join(", ", byScheme.keySet()))
                    + (unavailable.isEmpty() ? "" : "; providers that failed to load: " + unavailable.values()));
        }
        return provider;
    }

    /**
     * Names the artifact that brings one of pylon4j's own schemes, for a scheme no provider offered: its jar is not
     * on the class path, or (in OSGi) its bundle is not installed or did not resolve, so nothing could be asked.
     */
    private static String whereFrom(String scheme) {
        for (KnownProvider known : KNOWN.values()) {
            if (known.schemes().contains(scheme)) {
                return " (it comes with " + known.artifact() + ", which needs " + known.dependency()
                        + ": its provider was not found)";
            }
        }
        return "";
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
