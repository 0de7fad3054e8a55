package io.pylon4j.testing;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.ByteListener;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.TransportException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The adapter's side of an SLCAN link, emulated: what a USB CAN adapter (Lawicel CANUSB, CANable) does between the
 * serial line to its host and a CAN bus. It answers the host's commands and, while the host has the channel open,
 * bridges 11-bit data frames both ways. Use it to run an SLCAN host program (python-can's {@code slcan} interface,
 * pylon4j's own {@code slcan:} transport, SavvyCAN) against a simulated battery or the gateway without an adapter:
 * put it on one end of a pseudo-terminal pair ({@code socat pty,raw,echo=0 pty,raw,echo=0}, its end opened as a
 * {@code serial:} transport, which sets the tty raw) and any pylon4j CAN transport ({@code virtual:}) as the bus.
 * Two SLCAN hosts cannot talk to each other directly: both send commands and wait for, or ignore, the replies only
 * an adapter gives.
 *
 * <p>Commands (each ends with CR; the reply is CR for OK, BEL for an error, as python-can's {@code slcan.py} and the
 * Lawicel CANUSB manual have it):
 * <table>
 * <caption>Commands and replies</caption>
 * <tr><th>command</th><th>reply</th></tr>
 * <tr><td>{@code S0}–{@code S8} (10 kbit/s to 1 Mbit/s), {@code sxxyy} (BTR)</td><td>CR while closed, BEL while
 * open</td></tr>
 * <tr><td>{@code O} (open), {@code L} (open listen-only)</td><td>CR if closed, BEL if already open</td></tr>
 * <tr><td>{@code C} (close)</td><td>CR if open, BEL if already closed</td></tr>
 * <tr><td>{@code V}, {@code N}</td><td>{@code V1013} CR, {@code NPY4J} CR</td></tr>
 * <tr><td>{@code F} (status flags)</td><td>{@code F00} CR while open, BEL while closed</td></tr>
 * <tr><td>{@code Z0}, {@code Z1} (receive timestamps off, on)</td><td>CR while closed, BEL while open</td></tr>
 * <tr><td>{@code tiiildd…} (send a frame)</td><td>{@code z} CR once the bus took it; BEL while closed or
 * listen-only, or when the bus refused it</td></tr>
 * <tr><td>{@code T}, {@code r}, {@code R} (29-bit or remote frames), {@code M}, {@code m} (acceptance filter), and
 * anything else</td><td>BEL: not emulated ({@link CanFrame} carries 11-bit data frames only, and Pylontech uses
 * nothing else)</td></tr>
 * </table>
 *
 * <p>Frames from the bus reach the host as {@code tiiildd…} CR lines (with a four-digit millisecond timestamp after
 * {@code Z1}) only while the channel is open, as on a real adapter; the frames that arrive while it is closed are
 * counted ({@link #framesNotForwarded()}). A command line longer than any SLCAN command is cut off, its bytes
 * counted ({@link #discardedBytes()}), and refused with BEL at its CR. The emulator has no thread: it runs on the
 * transports' listener threads, and writes every reply and frame to the serial side as one whole line.
 */
public final class SlcanAdapterEmulator implements AutoCloseable {

    /** The longest command line: {@code T}, 8 id digits, DLC, 16 data digits, 4 timestamp digits. */
    private static final int MAX_LINE = 30;
    private static final byte CR = '\r';
    private static final byte[] OK = {CR};
    private static final byte[] ERROR = {0x07};

    private final ByteStreamTransport host;
    private final CanTransport bus;
    private final ByteListener fromHost = this::onBytes;
    private final CanFrameListener fromBus = this::onFrame;
    private final LongAdder commandsRefused = new LongAdder();
    private final LongAdder framesToBus = new LongAdder();
    private final LongAdder framesToHost = new LongAdder();
    private final LongAdder framesNotForwarded = new LongAdder();
    private final LongAdder discardedBytes = new LongAdder();

    // the host transport's I/O thread only
    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private boolean overlong;

    // written on the host's I/O thread, read on the bus's
    private volatile boolean open;
    private volatile boolean listenOnly;
    private volatile boolean timestamps;

    private SlcanAdapterEmulator(ByteStreamTransport host, CanTransport bus) {
        this.host = Objects.requireNonNull(host, "host");
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    /**
     * Starts emulating an adapter between the two transports, which the caller opens and closes. The channel starts
     * closed, as a freshly plugged adapter's.
     *
     * @param host the serial line to the SLCAN host, seen from the adapter (a {@code serial:} pty end, a stream)
     * @param bus  the CAN bus the adapter sits on
     * @return the running emulator; {@link #close()} stops it and leaves both transports open
     */
    public static SlcanAdapterEmulator between(ByteStreamTransport host, CanTransport bus) {
        SlcanAdapterEmulator emulator = new SlcanAdapterEmulator(host, bus);
        bus.addFrameListener(emulator.fromBus);
        host.addByteListener(emulator.fromHost);
        return emulator;
    }

    /**
     * Whether the host has opened the channel ({@code O} or {@code L}) and not closed it since.
     *
     * @return true while frames are bridged
     */
    public boolean channelOpen() {
        return open;
    }

    /**
     * How many of the host's commands were answered with BEL (unknown, not emulated, malformed, or wrong for the
     * channel's state), frames the bus refused included.
     *
     * @return the count since this emulator was started
     */
    public long commandsRefused() {
        return commandsRefused.sum();
    }

    /**
     * How many frames the host sent that the emulator put on the bus.
     *
     * @return the count since this emulator was started
     */
    public long framesToBus() {
        return framesToBus.sum();
    }

    /**
     * How many frames from the bus the emulator passed to the host.
     *
     * @return the count since this emulator was started
     */
    public long framesToHost() {
        return framesToHost.sum();
    }

    /**
     * How many frames from the bus arrived while the channel was closed, or could not be written to the host (its
     * link down), and so never reached it.
     *
     * @return the count since this emulator was started
     */
    public long framesNotForwarded() {
        return framesNotForwarded.sum();
    }

    /**
     * How many bytes from the host were dropped as part of a line longer than any SLCAN command.
     *
     * @return the count since this emulator was started
     */
    public long discardedBytes() {
        return discardedBytes.sum();
    }

    /** Stops answering and bridging; the transports stay open (the caller owns them). */
    @Override
    public void close() {
        host.removeByteListener(fromHost);
        bus.removeFrameListener(fromBus);
        open = false;
    }

    private void onBytes(byte[] buffer, int offset, int length, long receivedNanoTime) {
        for (int i = offset; i < offset + length; i++) {
            byte b = buffer[i];
            if (b == CR) {
                if (overlong) {
                    refuse();
                } else {
                    answer(new String(line, 0, lineLength, StandardCharsets.ISO_8859_1));
                }
                lineLength = 0;
                overlong = false;
            } else if (lineLength < MAX_LINE && !overlong) {
                line[lineLength++] = b;
            } else {
                if (!overlong) {
                    discardedBytes.add(lineLength); // the start of the line goes too
                    overlong = true;
                }
                discardedBytes.increment();
            }
        }
    }

    private void answer(String command) {
        char c = command.isEmpty() ? ' ' : command.charAt(0);
        switch (c) {
            case 'S' -> reply(!open && command.length() == 2 && command.charAt(1) >= '0' && command.charAt(1) <= '8');
            case 's' -> reply(!open && command.length() == 5 && SlcanLines.isHex(command, 1, 5));
            // the state changes before the reply, so that a host that has its CR sees the emulator in that state
            case 'O', 'L' -> {
                boolean wasClosed = !open;
                if (wasClosed) {
                    listenOnly = c == 'L';
                    open = true;
                }
                reply(wasClosed);
            }
            case 'C' -> {
                boolean wasOpen = open;
                open = false;
                reply(wasOpen);
            }
            case 'V' -> text(command.length() == 1, "V1013");
            case 'N' -> text(command.length() == 1, "NPY4J");
            case 'F' -> text(open && command.length() == 1, "F00");
            case 'Z' -> {
                boolean valid = !open && (command.equals("Z0") || command.equals("Z1"));
                if (valid) {
                    timestamps = command.equals("Z1");
                }
                reply(valid);
            }
            case 't' -> transmit(command);
            default -> refuse();
        }
    }

    private void transmit(String command) {
        CanFrame frame = SlcanLines.parseStandardFrame(command);
        if (frame == null || !open || listenOnly) {
            refuse();
            return;
        }
        try {
            bus.send(frame);
        } catch (TransportException e) {
            refuse(); // the bus is down: a real adapter reports a failed transmit with BEL too
            return;
        }
        framesToBus.increment();
        write("z\r".getBytes(StandardCharsets.US_ASCII));
    }

    private void onFrame(CanFrame frame, long receivedNanoTime) {
        if (!open) {
            framesNotForwarded.increment();
            return;
        }
        int stamp = timestamps ? (int) (TimeUnit.NANOSECONDS.toMillis(receivedNanoTime) % 60_000) : -1;
        if (write(SlcanLines.standardFrame(frame, stamp))) {
            framesToHost.increment();
        } else {
            framesNotForwarded.increment();
        }
    }

    private void text(boolean valid, String text) {
        if (valid) {
            write((text + "\r").getBytes(StandardCharsets.US_ASCII));
        } else {
            refuse();
        }
    }

    private void reply(boolean ok) {
        if (ok) {
            write(OK);
        } else {
            refuse();
        }
    }

    private void refuse() {
        commandsRefused.increment();
        write(ERROR);
    }

    /** Writes one whole line; replies (host's thread) and frames (bus's thread) never interleave inside a line. */
    private synchronized boolean write(byte[] bytes) {
        try {
            host.write(bytes);
            return true;
        } catch (TransportException e) {
            return false; // the host's link is down: nobody to tell; the transport counts the dropped bytes
        }
    }
}
