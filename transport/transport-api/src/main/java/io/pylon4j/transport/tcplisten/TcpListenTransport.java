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

/**
 * The server side of a TCP byte stream, {@code tcp-listen:PORT[?bind=ADDRESS]}: listens on PORT (0 = any free port,
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
 * says. A second client that connects while one is attached waits in the listen backlog until the first leaves.
 * Writes while no client is attached throw {@link io.pylon4j.transport.NotConnectedException}.
 */
public final class TcpListenTransport extends BlockingByteStreamTransport {

    private static final int ACCEPT_POLL_MILLIS = 100;

    private final InetAddress bindAddress;
    private final int port;
    private ServerSocket server;
    private volatile Socket client;
    private volatile OutputStream out;

    /**
     * A transport for {@code endpoint}.
     *
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

    /** The address listened on (loopback unless the endpoint's {@code bind} says otherwise). */
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
        ServerSocket s = bind();
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("closed while waiting for a client");
            }
            try {
                Socket accepted = s.accept();
                accepted.setTcpNoDelay(true);
                out = accepted.getOutputStream();
                client = accepted;
                return;
            } catch (SocketTimeoutException poll) {
                // no client yet: look at the interrupt flag and wait again
            }
        }
    }

    @Override
    protected void readLoop() throws Exception {
        Socket c = client;
        InputStream in = c.getInputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            deliver(buffer, 0, n, System.nanoTime());
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
