package io.pylon4j.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bridge connects when it makes its own MQTT client, and how it authenticates: a host and port, TLS on or
 * off (the JDK's default trust store, or only the certificates of a CA file), and an optional user name and
 * password. Immutable.
 *
 * @param host     the broker's host name or address
 * @param port     the broker's TCP port, 1 to 65535
 * @param tls      whether to connect with TLS (the broker's certificate and its host name are always checked)
 * @param username the user name, if the broker wants one
 * @param password the password, if the broker wants one (only with a user name)
 * @param caFile   a PEM file of the certificates to trust instead of the JDK's default trust store (a site's own
 *                 CA, as {@code mosquitto_sub --cafile}); only with TLS
 */
public record MqttBroker(String host, int port, boolean tls, Optional<String> username, Optional<String> password,
                         Optional<Path> caFile) {

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
     * @param caFile   the certificates to trust, if not the JDK's; only with TLS
     * @throws IllegalArgumentException if the host is blank, the port out of range, a password has no user name, or
     *                                  a CA file has no TLS
     */
    public MqttBroker {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(caFile, "caFile");
        if (caFile.isPresent() && !tls) {
            throw new IllegalArgumentException("a CA file is for a TLS broker (ssl://HOST:PORT)");
        }
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
     * A broker that trusts the JDK's default certificates when it uses TLS.
     *
     * @param host     the broker's host name or address, not blank
     * @param port     the broker's TCP port, 1 to 65535
     * @param tls      whether to connect with TLS
     * @param username the user name, if any
     * @param password the password, if any; only with a user name
     * @throws IllegalArgumentException if the host is blank, the port out of range, or a password has no user name
     */
    public MqttBroker(String host, int port, boolean tls, Optional<String> username, Optional<String> password) {
        this(host, port, tls, username, password, Optional.empty());
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
        return new MqttBroker(host, port, tls, Optional.of(user), Optional.of(secret), caFile);
    }

    /**
     * This broker, trusting only the certificates in a PEM file (a private CA's certificate) instead of the JDK's
     * default trust store. The file is read when the bridge is built.
     *
     * @param pemFile the CA's certificate(s), PEM
     * @return the new broker address
     * @throws IllegalArgumentException if the broker does not use TLS
     */
    public MqttBroker withCaFile(Path pemFile) {
        return new MqttBroker(host, port, tls, username, password, Optional.of(pemFile));
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
        return address() + username.map(u -> " as " + u).orElse("") + caFile.map(f -> " trusting " + f).orElse("");
    }
}
