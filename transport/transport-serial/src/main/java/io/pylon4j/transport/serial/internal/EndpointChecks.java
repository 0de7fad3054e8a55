package io.pylon4j.transport.serial.internal;

import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.InvalidEndpointException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Checks shared by the endpoint parsers of this module. */
public final class EndpointChecks {

    private EndpointChecks() {
    }

    /**
     * Rejects parameters that the scheme does not know, so that a typo ({@code ?buad=9600}) fails at once instead of
     * silently running at the default rate.
     *
     * @throws InvalidEndpointException naming the unknown parameter and the known ones
     */
    public static void rejectUnknownParameters(Endpoint endpoint, Set<String> known) {
        for (String name : endpoint.parameters().keySet()) {
            if (!known.contains(name)) {
                throw new InvalidEndpointException("endpoint '" + endpoint + "': unknown parameter '" + name
                        + "'; " + endpoint.scheme() + ": accepts " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    /**
     * A boolean parameter, {@code true} or {@code false}, or {@code defaultValue} when absent.
     *
     * @throws InvalidEndpointException if present but neither
     */
    public static boolean booleanParameter(Endpoint endpoint, String name, boolean defaultValue) {
        String value = endpoint.parameters().get(name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidEndpointException("endpoint '" + endpoint + "': parameter " + name + "="
                    + value + " is not true or false");
        };
    }
}
