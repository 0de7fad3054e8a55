package io.pylon4j.transport.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP server on 127.0.0.1 that a test starts: it accepts connections on its own thread, runs an optional greeting
 * on each (a handshake, or nothing for a server that accepts and never answers), and hands them to the test.
 * Every blocking call is bounded.
 */
public final class LoopbackServer implements AutoCloseable {

    /** What the server does with a new connection before handing it over, on the accepting thread. */
    @FunctionalInterface
    public interface Greeting {
        void greet(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final Greeting greeting;
    private final LinkedBlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final List<Socket> all = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile Socket current;

    /** A server that greets nobody. */
    public LoopbackServer() throws IOException {
        this(socket -> { });
    }

    public LoopbackServer(Greeting greeting) throws IOException {
        this.greeting = greeting;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        this.acceptor = new Thread(this::acceptLoop, "test-loopback-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                all.add(socket);
                socket.setSoTimeout(10_000);
                socket.setTcpNoDelay(true);
                greeting.greet(socket);
                accepted.add(socket);
            } catch (IOException e) {
                // closed by close(), or a greeting that failed: the test sees it as a missing connection
            }
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:PORT}. */
    public String hostPort() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + port();
    }

    /** The next connection accepted (and greeted). */
    public Socket nextConnection(Duration timeout) throws InterruptedException {
        Socket socket = accepted.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (socket == null) {
            throw new AssertionError("no connection to " + hostPort() + " within " + timeout);
        }
        return socket;
    }

    /** The connection the test is talking to: the last one taken, or the next one accepted. */
    public Socket peer(Duration timeout) throws InterruptedException {
        Socket socket = current;
        if (socket == null || socket.isClosed()) {
            socket = nextConnection(timeout);
            current = socket;
        }
        return socket;
    }

    /** Closes the connection the test is talking to (the next {@link #peer} waits for a new one). */
    public void dropPeer(Duration timeout) throws IOException, InterruptedException {
        peer(timeout).close();
        current = null;
    }

    /** Writes to the current peer. */
    public void send(byte[] bytes) throws IOException, InterruptedException {
        Socket socket = peer(Duration.ofSeconds(10));
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Reads exactly {@code count} bytes from the current peer, or fails after {@code timeout}. */
    public byte[] read(int count, Duration timeout) throws IOException, InterruptedException {
        Socket socket = peer(timeout);
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            while (out.size() < count) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("peer closed after " + out.size() + " of " + count + " bytes");
                }
                out.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("only " + out.size() + " of " + count + " bytes within " + timeout, e);
        }
        return out.toByteArray();
    }

    /** Reads up to and including {@code end}, or fails after {@code timeout}; returns the text without it. */
    public String readUntil(char end, Duration timeout) throws IOException, InterruptedException {
        Socket socket = peer(timeout);
        return readUntil(socket, end, timeout);
    }

    /** Reads from {@code socket} up to and including {@code end}; returns the text without it. */
    public static String readUntil(Socket socket, char end, Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        InputStream in = socket.getInputStream();
        StringBuilder text = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("peer closed after '" + text + "'");
            }
            if (b == end) {
                return text.toString();
            }
            text.append((char) b);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket socket : all) {
            socket.close();
        }
        acceptor.join(10_000);
    }
}
