package io.pylon4j.transport.serial;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.serial.internal.EndpointChecks;
import io.pylon4j.transport.serial.internal.PortLink;
import io.pylon4j.transport.serial.internal.SlcanDecoder;
import io.pylon4j.transport.serial.internal.SlcanEncoder;
import io.pylon4j.transport.serial.internal.SlcanMessage;
import io.pylon4j.transport.spi.BlockingCanTransport;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@code slcan:} transport: a USB CAN adapter speaking SLCAN, the Lawicel ASCII protocol (CANable and its
 * clones, Lawicel CANUSB, USBtin, most "USB to CAN" sticks that appear as {@code /dev/ttyACM*}).
 *
 * <pre>
 * slcan:/dev/ttyACM0                               500 kbit/s (S6), serial line 115200 baud
 * slcan:/dev/ttyACM0?bitrate=500000&amp;baud=115200
 * slcan:/dev/ttyUSB1?bitrate=500000&amp;listen=true     listen-only: a sniffer that never acknowledges
 * </pre>
 *
 * <p>Parameters: {@code bitrate} (CAN bit rate, one of {@link SlcanBitrate}; default 500000, Pylontech's),
 * {@code baud} (the adapter's serial line; USB CDC adapters ignore it; default 115200), {@code listen}
 * ({@code true} opens the channel with {@code L} instead of {@code O}). Others are rejected.
 *
 * <p><b>Connecting</b> (each reconnect too) sends, waiting up to {@link #REPLY_TIMEOUT} for each reply:
 * {@code C} (close the channel a previous program may have left open; its reply, CR or BEL, is ignored),
 * {@code S6} (must be answered with CR), {@code V} (version, optional), {@code N} (serial number, optional), and
 * {@code O} or {@code L} (must be answered with CR). A BEL or no reply to a required command fails the attempt with a
 * message saying which command; the {@link io.pylon4j.transport.ReconnectPolicy} decides what next.
 * <b>Closing</b> (and every dropped link) sends {@code C} and waits for its reply before the port is closed, so the
 * adapter stops receiving and acknowledging on the bus.
 *
 * <p><b>Receiving</b>: {@code t} frames are delivered, with or without the four-digit timestamp of adapters that
 * have timestamps on ({@code Z1}); {@code T}, {@code r} and {@code R} frames are well-formed but cannot be carried
 * by {@link CanFrame} (Pylontech is 11-bit data frames only) and are counted as dropped frames; malformed lines
 * are counted as discarded bytes and never end the link. <b>Sending</b> writes a {@code t} line. Adapters answer
 * a transmit with {@code z} CR (Lawicel) or a bare CR (CANable); both count as {@linkplain #acknowledgedReplies()
 * acknowledgements}; a BEL counts as an {@linkplain #errorReplies() error reply} and as a transport error. The
 * replies are not matched to frames: the send call returns when the line is written.
 *
 * <p>Sources: python-can {@code can/interfaces/slcan.py} (S table, {@code _OK = b"\r"}, {@code _ERROR = b"\a"},
 * {@code V} and {@code N} queries), Linux {@code drivers/net/can/slcan/slcan-core.c} (line format, CR or BEL ends a
 * message, 30-byte MTU with timestamp), CANable {@code canable-fw} {@code src/usbd_cdc_if.c} (CR or BEL after every
 * command, free-text version reply).
 */
public final class SlcanTransport extends BlockingCanTransport {

    /** How long to wait for each reply while connecting. */
    public static final Duration REPLY_TIMEOUT = Duration.ofMillis(500);

    /** Endpoint parameter: the CAN bit rate in bit/s. */
    public static final String BITRATE = "bitrate";
    /** Endpoint parameter: open listen-only ({@code L}). */
    public static final String LISTEN = "listen";

    private static final Set<String> PARAMETERS = Set.of(BITRATE, SerialSettings.BAUD, LISTEN);

    private final String device;
    private final SlcanBitrate bitrate;
    private final SerialSettings line;
    private final boolean listenOnly;

    private final AtomicReference<PortLink> link = new AtomicReference<>();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder errorReplies = new LongAdder();
    private volatile String version;
    private volatile String serialNumber;
    private volatile Thread ioThread;
    private volatile CountDownLatch goodbye;

    // transport thread only
    private final byte[] buffer = new byte[1024];
    private final ArrayDeque<SlcanMessage> received = new ArrayDeque<>();
    private SlcanDecoder decoder = new SlcanDecoder();

    /**
     * Creates (does not open) a transport for an {@code slcan:} endpoint.
     *
     * @param endpoint the parsed endpoint string, its scheme already matched by the provider
     * @param options  the reconnect policy, timeouts and thread-name prefix every transport takes
     * @throws InvalidEndpointException if a parameter is unknown or malformed, or the bit rate has no {@code S}
     *                                  command
     */
    public SlcanTransport(Endpoint endpoint, TransportOptions options) {
        super(endpoint, options);
        EndpointChecks.rejectUnknownParameters(endpoint, PARAMETERS);
        this.device = endpoint.target();
        try {
            this.bitrate = SlcanBitrate.forBitsPerSecond(endpoint.intParameter(BITRATE, 500_000));
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': " + e.getMessage());
        }
        this.line = SerialSettings.defaults().withBaudRate(SerialSettings.fromEndpoint(endpoint).baudRate());
        this.listenOnly = EndpointChecks.booleanParameter(endpoint, LISTEN, false);
    }

    /**
     * The CAN bit rate the adapter is set to.
     *
     * @return the rate from the endpoint's {@code bitrate} parameter, {@link SlcanBitrate#S6} (500 kbit/s) if absent
     */
    public SlcanBitrate bitrate() {
        return bitrate;
    }

    /**
     * Whether the channel is opened listen-only ({@code L}): nothing can be sent, nothing is acknowledged.
     *
     * @return true if the endpoint asked for {@code listen=true}
     */
    public boolean listenOnly() {
        return listenOnly;
    }

    /**
     * The adapter's reply to {@code V} at the last connect ({@code V1013}, or free text), if it gave one.
     *
     * @return the version text without its CR, or empty before the first connect or if the adapter did not answer
     */
    public Optional<String> adapterVersion() {
        return Optional.ofNullable(version);
    }

    /**
     * The adapter's serial number from {@code N} at the last connect ({@code A123}), if it gave one.
     *
     * @return the serial number text without its CR, or empty if the adapter did not answer
     */
    public Optional<String> adapterSerialNumber() {
        return Optional.ofNullable(serialNumber);
    }

    /**
     * How many positive replies ({@code z}, {@code Z} or a bare CR) arrived while connected: transmit
     * acknowledgements.
     *
     * @return the count since this transport was created, over all connections
     */
    public long acknowledgedReplies() {
        return acknowledged.sum();
    }

    /**
     * How many BEL replies arrived while connected: refused transmits (also counted in the transport's errors).
     *
     * @return the count since this transport was created, over all connections
     */
    public long errorReplies() {
        return errorReplies.sum();
    }

    @Override
    protected void connect() throws Exception {
        ioThread = Thread.currentThread();
        PortLink port = PortLink.open(device, line);
        link.set(port); // before the handshake, so that close() can cut it short
        port.discardInput();
        decoder = new SlcanDecoder();
        received.clear();
        long deadline = System.nanoTime() + options().connectTimeout().toNanos();

        send(port, "C");
        awaitReply(port, deadline); // CR if it was open, BEL if it was closed: either is fine

        SlcanMessage reply = command(port, bitrate.command(), deadline);
        require(reply, bitrate.command() + " (" + bitrate.bitsPerSecond() + " bit/s)");

        version = null;
        reply = command(port, "V", deadline);
        if (reply instanceof SlcanMessage.Text text) {
            version = text.text();
            if (!(version.length() == 5 && version.charAt(0) == 'V')) {
                // free-text versions (CANable) are followed by the CR every command gets
                SlcanMessage trailer = awaitReply(port, deadline);
                if (trailer != null && !(trailer instanceof SlcanMessage.Ack)) {
                    received.addFirst(trailer);
                }
            }
        }
        serialNumber = null;
        reply = command(port, "N", deadline);
        if (reply instanceof SlcanMessage.Text text && text.text().startsWith("N")) {
            serialNumber = text.text().substring(1);
        }

        String open = listenOnly ? "L" : "O";
        reply = command(port, open, deadline);
        require(reply, open + (listenOnly ? " (open listen-only)" : " (open the channel)"));
    }

    @Override
    protected void readLoop() throws Exception {
        PortLink port = link.get();
        if (port == null) {
            throw new ClosedChannelException(); // closed between connect and here
        }
        long now = System.nanoTime();
        while (!received.isEmpty()) { // what arrived together with the last handshake reply
            handle(received.poll(), now);
        }
        Duration idleLimit = options().readIdleTimeout();
        long lastData = now;
        while (true) {
            int n = port.read(buffer);
            long receivedAt = System.nanoTime();
            if (n > 0) {
                lastData = receivedAt;
                metrics().bytesIn(n);
                decoder.decode(buffer, 0, n, message -> handle(message, receivedAt));
            } else if (!idleLimit.isZero() && receivedAt - lastData > idleLimit.toNanos()) {
                throw new TransportIoException(endpoint() + ": no data for " + idleLimit + " (read idle timeout)");
            }
        }
    }

    private void handle(SlcanMessage message, long receivedAt) {
        if (message instanceof SlcanMessage.DataFrame data) {
            deliver(data.frame(), receivedAt);
        } else if (message instanceof SlcanMessage.UnsupportedFrame) {
            metrics().droppedFrame();
        } else if (message instanceof SlcanMessage.Ack || message instanceof SlcanMessage.ErrorReply) {
            CountDownLatch closing = goodbye;
            if (closing != null) {
                closing.countDown(); // the reply to C from disconnect()
            } else if (message instanceof SlcanMessage.Ack) {
                acknowledged.increment();
            } else {
                errorReplies.increment();
                metrics().error();
            }
        } else if (message instanceof SlcanMessage.Text text) {
            if (text.text().startsWith("e")) {
                metrics().error(); // a bus error report (Linux-style slcan firmware)
            } else {
                metrics().discarded(text.wireLength()); // an unasked-for reply: nothing to deliver it to
            }
        } else if (message instanceof SlcanMessage.Malformed malformed) {
            metrics().discarded(malformed.wireLength());
        }
    }

    @Override
    protected void write(CanFrame frame) throws Exception {
        PortLink port = link.get();
        if (port == null) {
            throw new ClosedChannelException();
        }
        if (listenOnly) {
            throw new IOException("the channel is open listen-only (listen=true): nothing can be sent");
        }
        byte[] bytes = SlcanEncoder.frame(frame);
        port.write(bytes, 0, bytes.length);
        metrics().bytesOut(bytes.length);
    }

    /**
     * Closes the channel ({@code C}, so that the adapter stops receiving and acknowledging on the bus), waits up to
     * {@link #REPLY_TIMEOUT} for its reply, then closes the port. The wait is needed because closing the port
     * discards what the device has not taken yet. On the I/O thread (after a failed handshake or a dropped link)
     * nobody else reads, so the reply is read here; from {@link #close()} on another thread, the reader sees it and
     * counts down {@link #goodbye}. An adapter that is gone (unplugged) has no channel left to close.
     */
    @Override
    protected void disconnect() {
        PortLink port = link.getAndSet(null);
        if (port == null) {
            return;
        }
        boolean onIoThread = Thread.currentThread() == ioThread;
        CountDownLatch replied = new CountDownLatch(1);
        goodbye = replied;
        try {
            send(port, "C");
            if (onIoThread) {
                awaitReply(port, System.nanoTime() + REPLY_TIMEOUT.toNanos());
            } else if (!replied.await(REPLY_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                metrics().error(); // no reply to C: the adapter may keep its channel open
            }
        } catch (IOException e) {
            // the adapter is gone: nothing left to close on it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close the port anyway, at once
        } finally {
            goodbye = null;
            port.close();
        }
    }

    private void send(PortLink port, String command) throws IOException {
        byte[] bytes = SlcanEncoder.command(command);
        port.write(bytes, 0, bytes.length);
        metrics().bytesOut(bytes.length);
    }

    private SlcanMessage command(PortLink port, String command, long deadline) throws IOException {
        send(port, command);
        return awaitReply(port, deadline);
    }

    /** The next reply (ack, BEL or text), or null after {@link #REPLY_TIMEOUT}; frames before it are discarded. */
    private SlcanMessage awaitReply(PortLink port, long connectDeadline) throws IOException {
        long deadline = Math.min(connectDeadline, System.nanoTime() + REPLY_TIMEOUT.toNanos());
        while (true) {
            while (!received.isEmpty()) {
                SlcanMessage message = received.poll();
                if (message instanceof SlcanMessage.Ack || message instanceof SlcanMessage.ErrorReply
                        || message instanceof SlcanMessage.Text) {
                    return message;
                }
                // frames of a channel left open, or noise: not ours to deliver before the channel is opened
                metrics().discarded(message.wireLength());
            }
            if (System.nanoTime() - deadline >= 0) {
                return null;
            }
            int n = port.read(buffer);
            if (n > 0) {
                metrics().bytesIn(n);
                decoder.decode(buffer, 0, n, received::add);
            }
        }
    }

    private void require(SlcanMessage reply, String what) {
        if (reply instanceof SlcanMessage.Ack) {
            return;
        }
        if (reply instanceof SlcanMessage.ErrorReply) {
            throw new TransportIoException(endpoint() + ": the SLCAN adapter refused " + what + " with BEL");
        }
        if (reply == null) {
            throw new TransportIoException(endpoint() + ": no reply to " + what + " within " + REPLY_TIMEOUT.toMillis()
                    + " ms: is " + device + " an SLCAN adapter, and is its serial line at " + line.baudRate()
                    + " baud?");
        }
        throw new TransportIoException(endpoint() + ": unexpected reply '" + reply + "' to " + what);
    }
}
