package io.pylon4j.transport.tcplisten;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.BlockingByteStreamTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;

/**
 * The server side of a TCP byte stream, {@code tcp-listen:PORT[?bind=ADDRESS][&idle-timeout=S][&takeover-after=S]}:
 * listens on PORT (0 = any free port,
 * see {@link #localPort()}) and carries the bytes of one client at a time. Meant for a battery simulator or a test
 * bench that a client ({@code tcp:HOST:PORT}, a serial-over-IP bridge, python's {@code socket}) connects to.
 *
 * <p>Binds to the loopback address unless {@code bind} names another (an explicit opt-in: {@code bind=0.0.0.0}
 * listens on every interface). The socket is bound on the first {@link #open()} or {@link #localPort()} and stays
 * bound until {@link #close()}.
 *
 * <p>States: {@code CONNECTING} while waiting for a client (it waits as long as it takes, polling so that a close
 * ends the wait), {@code CONNECTED} while one is attached; when the client leaves, the transport goes through
 * {@code WAITING_TO_RECONNECT} back to waiting for the next one, as its {@link io.pylon4j.transport.ReconnectPolicy}
 * says. Writes while no client is attached throw {@link io.pylon4j.transport.NotConnectedException}.
 *
 * <p><b>One slot, never held for ever.</b> A client is <em>idle</em> while it sends nothing (time on the monotonic
 * clock since its last byte, or since it connected). A client idle for {@code idle-timeout} seconds (default
 * {@value #DEFAULT_IDLE_TIMEOUT_SECONDS}; 0 = never) is disconnected, and the slot waits for the next one. A second
 * client that connects while one is attached waits in the listen backlog; it takes over at once if the attached one
 * has been idle for {@code takeover-after} seconds (default {@value #DEFAULT_TAKEOVER_AFTER_SECONDS}), otherwise as
 * soon as that becomes true (or the first leaves). A client that keeps talking (an inverter polling every second or
 * so) is never displaced. Either ends the old client's link like a client leaving: {@code WAITING_TO_RECONNECT},
 * with the reason in the state change, then {@code CONNECTED} to the new client. Both settings take seconds, decimals
 * allowed.
 */
public final class TcpListenTransport extends BlockingByteStreamTransport {

    private static final int ACCEPT_POLL_MILLIS = 100;

    /** How often a quiet client's idle time is looked at (and a waiting client looked for). */
    private static final int IDLE_POLL_MILLIS = 100;

    /** The default {@code idle-timeout}: a minute of silence frees the slot. */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

    /** The default {@code takeover-after}: a client silent this long gives way to a new one. */
    public static final int DEFAULT_TAKEOVER_AFTER_SECONDS = 5;

    private static final Set<String> PARAMETERS = Set.of("bind", "idle-timeout", "takeover-after");

    private final InetAddress bindAddress;
    private final int port;
    /** Zero: never. */
    private final Duration idleTimeout;
    private final Duration takeoverAfter;
    private ServerSocket server;
    /** A client accepted to take over from an idle one, attached by the next {@link #connect()}. */
    private Socket successor;
    private volatile Socket client;
    private volatile OutputStream out;

    /**
     * A transport for {@code endpoint}.
     *
     * @param endpoint a {@code tcp-listen:PORT} endpoint, with optional {@code bind}, {@code idle-timeout} and
     *                 {@code takeover-after}
     * @param options  the reconnect policy, timeouts and thread-name prefix every transport takes
     * @throws InvalidEndpointException if the port is not 0 to 65535 or the bind address cannot be resolved
     */
    public TcpListenTransport(Endpoint endpoint, TransportOptions options) {
        super(endpoint, options);
        try {
            port = Integer.parseInt(endpoint.target());
        } catch (NumberFormatException e) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': tcp-listen needs a port number, "
                    + "e.g. tcp-listen:5000 or tcp-listen:5000?bind=0.0.0.0");
        }
        if (port < 0 || port > 0xFFFF) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': port must be 0 to 65535");
        }
        for (String key : endpoint.parameters().keySet()) {
            if (!PARAMETERS.contains(key)) {
                throw new InvalidEndpointException("endpoint '" + endpoint + "': unknown parameter '" + key
                        + "'; tcp-listen: takes bind=ADDRESS, idle-timeout=SECONDS and takeover-after=SECONDS");
            }
        }
        idleTimeout = seconds(endpoint, "idle-timeout", DEFAULT_IDLE_TIMEOUT_SECONDS);
        takeoverAfter = seconds(endpoint, "takeover-after", DEFAULT_TAKEOVER_AFTER_SECONDS);
        String bind = endpoint.parameters().get("bind");
        try {
            bindAddress = bind == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': unknown bind address " + bind);
        }
        addStateListener(change -> {
            if (change.current() == ConnectionState.CLOSED) {
                closeServer();
            }
        });
    }

    /**
     * The local port listened on, binding the socket now if it is not bound yet (useful with port 0).
     *
     * @return the TCP port, the one the system chose when the endpoint asked for port 0
     * @throws TransportIoException if the port cannot be bound
     */
    public synchronized int localPort() {
        try {
            return bind().getLocalPort();
        } catch (IOException e) {
            throw new TransportIoException(endpoint() + ": cannot listen on " + bindAddress.getHostAddress() + ":"
                    + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * How long a client may send nothing before it is disconnected; zero for never.
     *
     * @return the endpoint's {@code idle-timeout}, {@value #DEFAULT_IDLE_TIMEOUT_SECONDS} s if absent
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * How long the attached client must have sent nothing for a new client to take over from it.
     *
     * @return the endpoint's {@code takeover-after}, {@value #DEFAULT_TAKEOVER_AFTER_SECONDS} s if absent
     */
    public Duration takeoverAfter() {
        return takeoverAfter;
    }

    private static Duration seconds(Endpoint endpoint, String name, int defaultSeconds) {
        String text = endpoint.parameters().get(name);
        if (text == null) {
            return Duration.ofSeconds(defaultSeconds);
        }
        try {
            java.math.BigDecimal value = new java.math.BigDecimal(text);
            if (value.signum() >= 0 && value.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return Duration.ofNanos(value.movePointRight(9).longValue());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidEndpointException("endpoint '" + endpoint + "': " + name + "=" + text
                + " is not a number of seconds (0 or more, decimals allowed)");
    }

    /**
     * The address listened on (loopback unless the endpoint's {@code bind} says otherwise).
     *
     * @return the resolved address the server socket binds to
     */
    public InetAddress bindAddress() {
        return bindAddress;
    }

    private synchronized ServerSocket bind() throws IOException {
        if (server == null) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bindAddress, port), 1);
            s.setSoTimeout(ACCEPT_POLL_MILLIS);
            server = s;
        }
        return server;
    }

    private synchronized void closeServer() {
        closeQuietly(successor);
        successor = null;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                metrics().error();
            }
        }
    }

    @Override
    protected void connect() throws Exception {
        Socket next = takeSuccessor();
        if (next != null) {
            attach(next);
            return;
        }
        ServerSocket s = bind();
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("closed while waiting for a client");
            }
            try {
                attach(s.accept());
                return;
            } catch (SocketTimeoutException poll) {
                // no client yet: look at the interrupt flag and wait again
            }
        }
    }

    private void attach(Socket accepted) throws IOException {
        accepted.setTcpNoDelay(true);
        // reads wake up this often while the client is quiet, to judge its idle time
        accepted.setSoTimeout(IDLE_POLL_MILLIS);
        out = accepted.getOutputStream();
        client = accepted;
    }

    private synchronized Socket takeSuccessor() {
        Socket next = successor;
        successor = null;
        return next;
    }

    @Override
    protected void readLoop() throws Exception {
        Socket c = client;
        InputStream in = c.getInputStream();
        byte[] buffer = new byte[4096];
        long lastReceivedNanos = System.nanoTime();
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException quiet) {
                checkIdle(System.nanoTime() - lastReceivedNanos);
                continue;
            }
            if (n < 0) {
                return;
            }
            lastReceivedNanos = System.nanoTime();
            deliver(buffer, 0, n, lastReceivedNanos);
        }
    }

    /** Ends the link (by throwing) when the client has been idle too long or a waiting client takes over. */
    private void checkIdle(long idleNanos) throws IOException {
        if (!idleTimeout.isZero() && idleNanos >= idleTimeout.toNanos()) {
            throw new TransportIoException(endpoint() + ": the client sent nothing for " + seconds(idleNanos)
                    + " s (idle-timeout " + seconds(idleTimeout.toNanos()) + " s); waiting for the next one");
        }
        if (idleNanos >= takeoverAfter.toNanos()) {
            Socket next = acceptWaiting();
            if (next != null) {
                synchronized (this) {
                    successor = next;
                }
                throw new TransportIoException(endpoint() + ": a new client (" + next.getRemoteSocketAddress()
                        + ") takes over from one that sent nothing for " + seconds(idleNanos) + " s");
            }
        }
    }

    /** A client waiting in the backlog, or null after a short poll. */
    private Socket acceptWaiting() throws IOException {
        ServerSocket s = bind();
        try {
            return s.accept();
        } catch (SocketTimeoutException none) {
            return null;
        }
    }

    private static String seconds(long nanos) {
        return java.math.BigDecimal.valueOf(nanos / 1_000_000, 3).stripTrailingZeros().toPlainString();
    }

    private void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                metrics().error();
            }
        }
    }

    @Override
    protected void writeBytes(byte[] data, int offset, int length) throws Exception {
        OutputStream o = out;
        if (o == null) {
            throw new IOException("no client attached");
        }
        o.write(data, offset, length);
        o.flush();
    }

    @Override
    protected void disconnect() {
        Socket c = client;
        client = null;
        out = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                metrics().error();
            }
        }
    }
}
