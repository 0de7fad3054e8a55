package io.pylon4j.transport.socketcan;

import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.TransportProvider;
import java.util.Set;

/**
 * Provides the {@code socketcan:IFACE} CAN transport ({@code socketcan:can0}, {@code socketcan:vcan0}). Found by
 * {@link java.util.ServiceLoader}; applications use {@link io.pylon4j.transport.Transports} rather than this class.
 *
 * <p>The target is a Linux network interface name, checked by the kernel's rules (1 to 15 characters, no
 * {@code /}, {@code :} or white space, not {@code .} or {@code ..}) and, stricter than the kernel, printable
 * ASCII. The endpoint takes no parameters. Creating a transport touches neither the kernel nor JavaCAN's native
 * library; {@link CanTransport#open()} does.
 */
public final class SocketCanTransportProvider implements TransportProvider {

    /** The scheme, {@code socketcan}. */
    public static final String SCHEME = "socketcan";

    /** {@code IFNAMSIZ} − 1: the longest interface name Linux allows. */
    private static final int MAX_INTERFACE_NAME = 15;

    /** Used by {@link java.util.ServiceLoader}. */
    public SocketCanTransportProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of(SCHEME);
    }

    @Override
    public boolean isCan(String scheme) {
        return true;
    }

    @Override
    public CanTransport createCan(Endpoint endpoint, TransportOptions options) {
        if (!SCHEME.equals(endpoint.scheme())) {
            throw new InvalidEndpointException("'" + endpoint.text() + "' is not a " + SCHEME + ": endpoint");
        }
        if (!endpoint.parameters().isEmpty()) {
            throw new InvalidEndpointException("'" + endpoint.text() + "': " + SCHEME
                    + ": takes no parameters, got " + endpoint.parameters().keySet());
        }
        return new SocketCanTransport(endpoint, checkInterfaceName(endpoint.target(), endpoint.text()), options);
    }

    /** The rules of the kernel's {@code dev_valid_name()}, so that a typo fails here and not in a reconnect loop. */
    static String checkInterfaceName(String name, String endpoint) {
        String problem = null;
        if (name.isEmpty() || name.length() > MAX_INTERFACE_NAME) {
            problem = "is not 1 to " + MAX_INTERFACE_NAME + " characters long";
        } else if (name.equals(".") || name.equals("..")) {
            problem = "is not allowed";
        } else {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '/' || c == ':' || Character.isWhitespace(c) || c < 0x20 || c > 0x7E) {
                    problem = "contains '" + (Character.isWhitespace(c) ? "white space" : String.valueOf(c)) + "'";
                    break;
                }
            }
        }
        if (problem != null) {
            throw new InvalidEndpointException("'" + endpoint + "': interface name '" + name + "' " + problem
                    + "; expected a Linux CAN interface such as " + SCHEME + ":can0 or " + SCHEME + ":vcan0");
        }
        return name;
    }
}
