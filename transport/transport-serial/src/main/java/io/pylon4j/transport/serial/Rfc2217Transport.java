package io.pylon4j.transport.serial;

import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.serial.internal.EndpointChecks;
import io.pylon4j.transport.serial.internal.Rfc2217Session;
import io.pylon4j.transport.serial.internal.Telnet;
import io.pylon4j.transport.serial.internal.TelnetDecoder;
import io.pylon4j.transport.spi.BlockingByteStreamTransport;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code rfc2217:} transport: a serial port on another machine, served over TCP with RFC 2217 (Telnet COM Port
 * Control) by ser2net, a network serial server or a Moxa-style device server, so that the client sets the baud rate.
 *
 * <pre>
 * rfc2217:192.0.2.7:2001                   115200 8N1
 * rfc2217:bms-pi.local:2001?baud=9600
 * rfc2217:[2001:db8::7]:2001?baud=115200&amp;parity=none&amp;databits=8&amp;stopbits=1
 * </pre>
 *
 * <p>Parameters: {@code baud}, {@code databits}, {@code parity}, {@code stopbits} (see {@link SerialSettings}), sent
 * to the server on every connect; others are rejected.
 *
 * <p><b>Connecting</b>: a TCP connect bounded by {@link TransportOptions#connectTimeout()}, then the Telnet
 * negotiation of {@code Rfc2217Session} (COM-PORT-OPTION, binary both ways, suppress-go-ahead), then SET-BAUDRATE,
 * SET-DATASIZE, SET-PARITY and SET-STOPSIZE. The attempt succeeds only when the server has confirmed all four with
 * the values asked for ({@link #reportedBaudRate()} keeps what it said), all within the connect timeout; a server
 * that refuses COM-PORT-OPTION or never answers fails it with a message saying so (a raw-TCP port is the usual
 * cause). <b>Data</b>: 0xFF is doubled on the way out and undoubled on the way in; other Telnet commands are taken
 * out of the stream. The counters count serial data bytes, not Telnet overhead. A server that closes the connection
 * (its device vanished, another client took over) ends the link and the transport reconnects by its policy.
 *
 * <p>Plain JDK sockets, no Netty: this module depends on jSerialComm only.
 */
public final class Rfc2217Transport extends BlockingByteStreamTransport {

    private static final Set<String> PARAMETERS = Set.of(SerialSettings.BAUD, SerialSettings.DATA_BITS,
            SerialSettings.PARITY, SerialSettings.STOP_BITS);

    private final Endpoint.HostPort hostPort;
    private final SerialSettings settings;

    private volatile Socket socket;
    private volatile OutputStream out;
    private volatile boolean crNeedsNul;
    private volatile int reportedBaudRate = -1;
    private volatile String serverSignature;
    private final ReentrantLock writeLock = new ReentrantLock();

    // transport thread only
    private final byte[] readBuffer = new byte[4096];
    private final byte[] dataBuffer = new byte[4096];
    private final ByteArrayOutputStream early = new ByteArrayOutputStream();
    private TelnetDecoder decoder;
    private Rfc2217Session session;
    private long discardedReported;

    /**
     * Creates (does not open) a transport for an {@code rfc2217:HOST:PORT} endpoint.
     *
     * @param endpoint the parsed endpoint string, its scheme already matched by the provider
     * @param options  the reconnect policy, timeouts and thread-name prefix every transport takes
     * @throws io.pylon4j.transport.InvalidEndpointException if the target is not HOST:PORT or a parameter is unknown
     *                                                       or malformed
     */
    public Rfc2217Transport(Endpoint endpoint, TransportOptions options) {
        super(endpoint, options);
        EndpointChecks.rejectUnknownParameters(endpoint, PARAMETERS);
        this.hostPort = endpoint.hostPort();
        this.settings = SerialSettings.fromEndpoint(endpoint);
    }

    /**
     * The line settings sent to the server.
     *
     * @return the baud rate, data bits, parity and stop bits from the endpoint, defaults where absent
     */
    public SerialSettings settings() {
        return settings;
    }

    /**
     * The baud rate the server confirmed at the last connect, if it has.
     *
     * @return the confirmed rate in baud, or empty before the first connect or if the server never confirmed
     */
    public OptionalInt reportedBaudRate() {
        int baud = reportedBaudRate;
        return baud < 0 ? OptionalInt.empty() : OptionalInt.of(baud);
    }

    /**
     * The server's RFC 2217 signature, if it sent one.
     *
     * @return the signature text (usually the server's name and version), or empty
     */
    public Optional<String> serverSignature() {
        return Optional.ofNullable(serverSignature);
    }

    @Override
    protected void connect() throws Exception {
        Socket s = new Socket();
        socket = s; // before connecting, so that close() can abort the connect
        long deadline = System.nanoTime() + options().connectTimeout().toNanos();
        s.connect(new InetSocketAddress(hostPort.host(), hostPort.port()), remainingMillis(deadline));
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        InputStream in = s.getInputStream();
        out = s.getOutputStream();
        decoder = new TelnetDecoder();
        session = new Rfc2217Session(settings);
        early.reset();
        discardedReported = 0;
        reportedBaudRate = -1;

        try {
            negotiate(s, in, deadline);
        } catch (SocketTimeoutException e) {
            throw new TransportIoException(endpoint() + ": no RFC 2217 confirmation within "
                    + options().connectTimeout() + " (missing: " + String.join(", ", session.unconfirmed())
                    + "); is the port served as telnet(rfc2217), not raw TCP?" + serverText(), e);
        } catch (IOException e) {
            // typically a reset: the server refused the session and closed, often after saying why in text
            throw new TransportIoException(endpoint() + ": the server closed the connection during the RFC 2217"
                    + " negotiation (" + e.getMessage() + ")." + serverText(), e);
        }
        List<String> mismatches = session.mismatches();
        if (!mismatches.isEmpty()) {
            throw new TransportIoException(endpoint() + ": the server did not take the serial settings "
                    + settings + ": " + String.join(", ", mismatches));
        }
        reportedBaudRate = session.reportedBaudRate();
        serverSignature = session.serverSignature();
        Duration idle = options().readIdleTimeout();
        s.setSoTimeout(idle.isZero() ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, idle.toMillis())));
    }

    /**
     * Offers the options and reads until the server has confirmed the four settings; data arriving meanwhile is kept
     * in {@link #early}.
     *
     * @throws SocketTimeoutException when the connect deadline passes first
     * @throws IOException            when the server closes or resets the connection
     */
    private void negotiate(Socket s, InputStream in, long deadline) throws IOException {
        session.start();
        flushSession();
        while (!session.settingsConfirmed()) {
            if (session.refused()) {
                throw new TransportIoException(endpoint() + ": the server refused RFC 2217 COM-PORT-OPTION; is the port"
                        + " served as telnet(rfc2217) and not as plain telnet?" + serverText());
            }
            s.setSoTimeout(remainingMillis(deadline));
            int n = in.read(readBuffer);
            if (n < 0) {
                throw new EOFException("end of stream");
            }
            int data = decode(n);
            early.write(dataBuffer, 0, data);
        }
    }

    @Override
    protected void readLoop() throws Exception {
        Socket s = socket;
        if (s == null) {
            throw new ClosedChannelException();
        }
        if (early.size() > 0) { // data that arrived with the negotiation
            byte[] bytes = early.toByteArray();
            early.reset();
            deliver(bytes, 0, bytes.length, System.nanoTime());
        }
        InputStream in = s.getInputStream();
        while (true) {
            int n;
            try {
                n = in.read(readBuffer);
            } catch (SocketTimeoutException e) {
                throw new TransportIoException(endpoint() + ": no data for " + options().readIdleTimeout()
                        + " (read idle timeout)", e);
            }
            if (n < 0) {
                return; // the server closed the connection
            }
            long receivedAt = System.nanoTime();
            int data = decode(n);
            deliver(dataBuffer, 0, data, receivedAt);
        }
    }

    /** Decodes {@code n} bytes of {@link #readBuffer} into {@link #dataBuffer}, answering negotiation at once. */
    private int decode(int n) throws IOException {
        decoder.stripNulAfterCr(!session.serverSendsBinary());
        int data = decoder.decode(readBuffer, 0, n, dataBuffer, session);
        crNeedsNul = !session.clientSendsBinary();
        long discarded = decoder.discarded();
        if (discarded > discardedReported) {
            metrics().discarded(discarded - discardedReported);
            discardedReported = discarded;
        }
        flushSession();
        return data;
    }

    private void flushSession() throws IOException {
        byte[] reply = session.takeOutput();
        if (reply.length > 0) {
            writeRaw(reply, 0, reply.length);
        }
    }

    @Override
    protected void writeBytes(byte[] data, int offset, int length) throws Exception {
        boolean nul = crNeedsNul;
        ByteArrayOutputStream escaped = new ByteArrayOutputStream(length + 8);
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xFF;
            escaped.write(b);
            if (b == Telnet.IAC) {
                escaped.write(Telnet.IAC);
            } else if (b == '\r' && nul) {
                escaped.write(0);
            }
        }
        byte[] bytes = escaped.toByteArray();
        writeRaw(bytes, 0, bytes.length);
    }

    private void writeRaw(byte[] bytes, int offset, int length) throws IOException {
        OutputStream stream = out;
        if (stream == null) {
            throw new ClosedChannelException();
        }
        writeLock.lock();
        try {
            stream.write(bytes, offset, length);
            stream.flush();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    protected void disconnect() {
        Socket s = socket;
        socket = null;
        out = null;
        if (s != null) {
            try {
                s.close(); // unblocks the reader
            } catch (IOException e) {
                metrics().error(); // the descriptor is released regardless; nothing else to do
            }
        }
    }

    /** What the server sent as data during the negotiation (ser2net explains a refusal in text), for messages. */
    private String serverText() {
        if (early.size() == 0) {
            return "";
        }
        String text = early.toString(StandardCharsets.US_ASCII).replaceAll("[^\\x20-\\x7E]", " ").strip();
        return text.isEmpty() ? "" : " The server said: \"" + (text.length() > 200 ? text.substring(0, 200) : text)
                + "\"";
    }

    private static int remainingMillis(long deadline) {
        long millis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (millis <= 0) {
            return 1; // 0 would mean "wait forever" to the socket
        }
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }
}
