package io.pylon4j.transport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed endpoint string, {@code scheme:target?key=value&key=value}, such as {@code serial:/dev/ttyUSB0?baud=9600},
 * {@code tcp:192.0.2.7:4196} or {@code virtual:bench}.
 *
 * @param text       the string as given
 * @param scheme     the part before the first {@code ':'}, lower case
 * @param target     what follows, up to the first {@code '?'}: a device, a host and port, a name, a file
 * @param parameters the {@code key=value} pairs after {@code '?'}, in order; unmodifiable
 */
public record Endpoint(String text, String scheme, String target, Map<String, String> parameters) {

    /**
     * Copies the parameters into an unmodifiable map that keeps their order.
     *
     * @param text       the string as given, not null
     * @param scheme     the part before the first {@code ':'}, lower case, not null
     * @param target     what follows, up to the first {@code '?'}, not null
     * @param parameters the {@code key=value} pairs after {@code '?'}, in order
     */
    public Endpoint {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(target, "target");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses an endpoint string.
     *
     * @param text an endpoint string such as {@code serial:/dev/ttyUSB0?baud=9600}
     * @return the parsed endpoint, its scheme in lower case
     * @throws InvalidEndpointException if it has no scheme, an empty target, or a malformed parameter
     */
    public static Endpoint parse(String text) {
        Objects.requireNonNull(text, "endpoint");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InvalidEndpointException("endpoint '" + text + "' has no scheme; expected scheme:target, "
                    + "e.g. serial:/dev/ttyUSB0, tcp:HOST:PORT, virtual:NAME");
        }
        String scheme = text.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.')) {
                throw new InvalidEndpointException("endpoint '" + text + "' has an invalid scheme '" + scheme + "'");
            }
        }
        String rest = text.substring(colon + 1);
        int question = rest.indexOf('?');
        String target = question < 0 ? rest : rest.substring(0, question);
        if (target.isEmpty()) {
            throw new InvalidEndpointException("endpoint '" + text + "' has nothing after '" + scheme + ":'");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidEndpointException("endpoint '" + text + "' has a parameter '" + pair
                            + "' that is not key=value");
                }
                if (parameters.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                    throw new InvalidEndpointException("endpoint '" + text + "' repeats parameter '"
                            + pair.substring(0, eq) + "'");
                }
            }
        }
        return new Endpoint(text, scheme, target, parameters);
    }

    /**
     * An integer parameter, or {@code defaultValue} when absent.
     *
     * @param name         the parameter's key, as written after {@code ?}
     * @param defaultValue what to return when the endpoint does not set it
     * @return the parameter's decimal value, or {@code defaultValue}
     * @throws InvalidEndpointException if present but not an integer
     */
    public int intParameter(String name, int defaultValue) {
        String value = parameters.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidEndpointException("endpoint '" + text + "': parameter " + name + "=" + value
                    + " is not an integer");
        }
    }

    /**
     * The target read as {@code HOST:PORT} (IPv6 hosts in brackets: {@code [::1]:4196}).
     *
     * @return the host (brackets removed) and the port
     * @throws InvalidEndpointException if it is not
     */
    public HostPort hostPort() {
        return HostPort.parse(target, text);
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * A host and a TCP port.
     *
     * @param host a host name or address, without brackets
     * @param port 1 to 65535
     */
    public record HostPort(String host, int port) {

        /**
         * Checks the host and the port.
         *
         * @param host a host name or address, without brackets, not empty
         * @param port 1 to 65535
         * @throws InvalidEndpointException if the host is empty or the port out of range
         */
        public HostPort {
            Objects.requireNonNull(host, "host");
            if (host.isEmpty()) {
                throw new InvalidEndpointException("empty host");
            }
            if (port < 1 || port > 65535) {
                throw new InvalidEndpointException("port " + port + " is not 1 to 65535");
            }
        }

        static HostPort parse(String target, String endpoint) {
            int colon = target.lastIndexOf(':');
            if (colon <= 0 || colon == target.length() - 1) {
                throw new InvalidEndpointException("endpoint '" + endpoint + "': expected HOST:PORT, got '" + target + "'");
            }
            String host = target.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                return new HostPort(host, Integer.parseInt(target.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new InvalidEndpointException("endpoint '" + endpoint + "': port '" + target.substring(colon + 1)
                        + "' is not a number");
            }
        }
    }
}
