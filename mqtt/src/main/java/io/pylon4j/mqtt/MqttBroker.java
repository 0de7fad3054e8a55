package io.pylon4j.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bridge connects when it makes its own MQTT client, and how it authenticates: a host and port, TLS on or
 * off (the JDK's default trust store), and an optional user name and password. Immutable.
 *
 * @param host     the broker's host name or address
 * @param port     the broker's TCP port, 1 to 65535
 * @param tls      whether to connect with TLS (the JDK's default trust store and host name check)
 * @param username the user name, if the broker wants one
 * @param password the password, if the broker wants one (only with a user name)
 */
public record MqttBroker(String host, int port, boolean tls, Optional<String> username, Optional<String> password) {

    /** The MQTT port without TLS (IANA). */
    public static final int DEFAULT_PORT = 1883;
    /** The MQTT port with TLS (IANA). */
    public static final int DEFAULT_TLS_PORT = 8883;

    /**
     * Checks the values.
     *
     * @param host     the broker's host name or address, not blank
     * @param port     the broker's TCP port, 1 to 65535
     * @param tls      whether to connect with TLS
     * @param username the user name, if any
     * @param password the password, if any; only with a user name
     * @throws IllegalArgumentException if the host is blank, the port out of range, or a password has no user name
     */
    public MqttBroker {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the broker's host is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the broker's port must be 1 to 65535: " + port);
        }
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("a broker password needs a user name");
        }
    }

    /**
     * Parses {@code tcp://HOST:PORT} (or {@code mqtt://}) and {@code ssl://HOST:PORT} (or {@code mqtts://}, TLS);
     * the port defaults to 1883, or 8883 with TLS.
     *
     * @param uri the broker's address
     * @return the broker, without credentials
     * @throws IllegalArgumentException naming what is wrong with {@code uri}
     */
    public static MqttBroker parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        URI parsed;
        try {
            parsed = new URI(uri.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a broker address (tcp://HOST:PORT or ssl://HOST:PORT): '" + uri
                    + "': " + e.getReason(), e);
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        boolean tls;
        switch (scheme) {
            case "tcp", "mqtt" -> tls = false;
            case "ssl", "tls", "mqtts" -> tls = true;
            default -> throw new IllegalArgumentException("a broker address starts with tcp:// or ssl://, not '"
                    + uri + "'");
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("no host in the broker address '" + uri + "'");
        }
        int port = parsed.getPort() < 0 ? (tls ? DEFAULT_TLS_PORT : DEFAULT_PORT) : parsed.getPort();
        return new MqttBroker(parsed.getHost(), port, tls, Optional.empty(), Optional.empty());
    }

    /**
     * This broker with a user name and password.
     *
     * @param user   the user name
     * @param secret the password
     * @return the new broker address
     */
    public MqttBroker withCredentials(String user, String secret) {
        return new MqttBroker(host, port, tls, Optional.of(user), Optional.of(secret));
    }

    /**
     * The address as {@code tcp://host:port} or {@code ssl://host:port}, without credentials (safe to print).
     *
     * @return the address
     */
    public String address() {
        return (tls ? "ssl://" : "tcp://") + host + ":" + port;
    }

    /** Without the password, which must never reach a log. */
    @Override
    public String toString() {
        return address() + username.map(u -> " as " + u).orElse("");
    }
}
