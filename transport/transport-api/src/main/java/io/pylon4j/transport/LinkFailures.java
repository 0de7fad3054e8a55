package io.pylon4j.transport;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns the fault that ended or prevented a connection into a short phrase an installer can act on, such as
 * {@code connection refused by 127.0.0.1:1}, {@code no such device /dev/ttyUSB9}, {@code connection reset by peer}
 * or {@code no RFC 2217 confirmation within 5 s}. It is what {@link ConnectionStateChange#causeText()} returns, so
 * that a driver, a log line and a command line all name the same cause.
 *
 * <p>The cause chain is searched for the most specific JDK exception (refused, unreachable, unknown host, timeout,
 * reset, missing device, permission); the transports' own {@link TransportException}s already say what happened
 * and are used as they are, without the endpoint they start with (the endpoint is shown next to the phrase).
 * Pure and stateless.
 */
public final class LinkFailures {

    private LinkFailures() {
    }

    /**
     * The phrase for {@code fault} on {@code endpoint}.
     *
     * @param endpoint the endpoint text (its target, e.g. {@code 127.0.0.1:1}, is named where the JDK's message
     *                 does not say which peer refused)
     * @param fault    the fault
     * @return a non-empty phrase, lower case first, without a trailing full stop
     */
    public static String describe(String endpoint, Throwable fault) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fault, "fault");
        String target = target(endpoint);
        int depth = 0;
        for (Throwable t = fault; t != null && depth < 16; t = t.getCause(), depth++) {
            String phrase = specific(t, target);
            if (phrase != null) {
                return phrase;
            }
        }
        return withoutEndpoint(endpoint, fault);
    }

    private static String specific(Throwable t, String target) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("connection refused")) {
            return "connection refused by " + peer(message, target);
        }
        if (lower.contains("connection reset")) {
            return "connection reset by peer";
        }
        if (lower.contains("broken pipe")) {
            return "connection closed by peer (broken pipe)";
        }
        if (t instanceof NoRouteToHostException || lower.contains("no route to host")) {
            return "no route to host " + target;
        }
        if (lower.contains("network is unreachable")) {
            return "network unreachable for " + target;
        }
        if (t instanceof PortUnreachableException) {
            return "port unreachable at " + target;
        }
        if (t instanceof UnknownHostException) {
            return "unknown host " + (message.isEmpty() ? target : message);
        }
        if (t instanceof SocketTimeoutException || lower.contains("connection timed out")) {
            return "connection to " + target + " timed out";
        }
        if (t instanceof ConnectException) {
            return "cannot connect to " + target + (message.isEmpty() ? "" : " (" + message + ")");
        }
        if (t instanceof NoSuchFileException e) {
            return "no such device " + (e.getFile() != null ? e.getFile() : target)
                    + (e.getReason() != null ? ": " + e.getReason() : "");
        }
        if (t instanceof AccessDeniedException || lower.contains("permission denied")) {
            return "permission denied on " + target;
        }
        if (t instanceof EOFException) {
            return "the link was closed by the other end";
        }
        if (t instanceof ClosedChannelException) {
            return "the link was closed";
        }
        if (t instanceof SocketException && !message.isEmpty()) {
            return lowerFirst(message);
        }
        return null;
    }

    /** A transport's own message names the endpoint first ("tcp:host:1: no data for 5 s"): keep what follows. */
    private static String withoutEndpoint(String endpoint, Throwable fault) {
        String message = fault.getMessage();
        if (message == null || message.isBlank()) {
            return fault.getClass().getSimpleName();
        }
        String prefix = endpoint + ": ";
        String phrase = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        if (!(fault instanceof TransportException) && phrase.equals(message)) {
            return fault.getClass().getSimpleName() + ": " + message; // an unknown fault: keep its kind
        }
        return SECONDS.matcher(phrase).replaceAll("$1 s"); // "within PT5S" reads "within 5 s"
    }

    /** A whole-seconds {@link java.time.Duration#toString()} inside a message. */
    private static final Pattern SECONDS = Pattern.compile("\\bPT(\\d+(?:\\.\\d+)?)S\\b");

    private static String target(String endpoint) {
        try {
            String target = Endpoint.parse(endpoint).target();
            return target.isEmpty() ? endpoint : target;
        } catch (RuntimeException e) {
            return endpoint; // only used for wording: an unparsable endpoint is named as it is
        }
    }

    /**
     * The address a socket message names after its colon ("Connection refused: localhost/127.0.0.1:1" from Netty
     * gives 127.0.0.1:1), else {@code target}.
     */
    private static String peer(String message, String target) {
        int colon = message.indexOf(": ");
        if (colon < 0) {
            return target;
        }
        String address = message.substring(colon + 2).strip();
        int slash = address.lastIndexOf('/');
        address = slash >= 0 ? address.substring(slash + 1) : address;
        return address.isEmpty() || address.contains(" ") ? target : address;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
