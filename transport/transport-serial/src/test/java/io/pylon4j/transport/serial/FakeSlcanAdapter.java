package io.pylon4j.transport.serial;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An SLCAN adapter on the far end of a pseudo-terminal: reads CR-terminated commands, answers them as a Lawicel
 * or CANable firmware would, records every command, and injects lines (frames, garbage) on request.
 *
 * <p>Lawicel style (the default): {@code C} on a closed channel is refused with BEL, {@code V} answers
 * {@code V1013}, {@code N} answers {@code NA123}, a transmit is acknowledged with {@code z}. {@link #canableStyle()}
 * switches to CANable firmware's habits: every command answered with CR, {@code V} with free text and then CR,
 * {@code N} refused.
 *
 * <p>Receiving, recording and answering a command happen under this object's lock, and so do the test's changes of
 * behaviour and injections: a command the test has seen is answered with the behaviour in force when it arrived, and
 * an injected line never overtakes that answer.
 */
public final class FakeSlcanAdapter implements AutoCloseable {

    private static final byte CR = '\r';
    private static final byte BEL = 0x07;

    private final LinkedBlockingQueue<String> commands = new LinkedBlockingQueue<>();
    private final List<String> history = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    // guarded by this
    private PtyPeer peer;
    private boolean open;
    private boolean canable;
    private boolean silent;
    private Set<String> refused = Set.of();
    private String transmitAck = "z";

    private FakeSlcanAdapter() {
    }

    /** Starts an adapter on {@code pty}. */
    public static FakeSlcanAdapter on(Path pty) throws IOException {
        FakeSlcanAdapter adapter = new FakeSlcanAdapter();
        synchronized (adapter) { // a transport retrying may talk at once: hold it off until the peer is known
            adapter.peer = PtyPeer.open(pty, adapter::received);
        }
        return adapter;
    }

    /** Answer like CANable firmware from now on. */
    synchronized FakeSlcanAdapter canableStyle() {
        canable = true;
        transmitAck = "";
        return this;
    }

    /** Answer nothing at all: a serial device that is not an SLCAN adapter. */
    synchronized FakeSlcanAdapter silent() {
        silent = true;
        return this;
    }

    /** Refuse these commands (by their first letters, {@code "S6"}, {@code "O"}) with BEL. */
    synchronized FakeSlcanAdapter refusing(String... commands) {
        refused = Set.of(commands);
        return this;
    }

    /** Answer transmits with this (without CR; {@code null} for BEL). */
    synchronized FakeSlcanAdapter acknowledgingTransmitsWith(String ack) {
        transmitAck = ack;
        return this;
    }

    /** Sends {@code text} followed by CR, as the adapter sends a received frame. */
    public synchronized void inject(String text) throws IOException {
        peer.write((text + "\r").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends raw bytes. */
    synchronized void injectRaw(byte[] bytes) throws IOException {
        peer.write(bytes);
    }

    /** The next command received (without CR), waiting at most {@code timeout}. */
    public String nextCommand(Duration timeout) throws InterruptedException {
        String command = commands.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (command == null) {
            fail("no command within " + timeout + "; history: " + history);
        }
        return command;
    }

    /** The next command received (without CR), or {@code null} if none comes within {@code timeout}. */
    String pollCommand(Duration timeout) throws InterruptedException {
        return commands.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Every command received so far. */
    List<String> history() {
        return List.copyOf(history);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        PtyPeer toClose;
        synchronized (this) {
            toClose = peer;
        }
        toClose.close(); // outside the lock: the reader may be waiting for it
    }

    private synchronized void received(byte[] buffer, int length) throws IOException {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == CR) {
                String command = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                history.add(command); // before answering: once the reply is out, the test may look at it
                commands.add(command);
                answer(command);
            } else {
                line.write(buffer[i]);
            }
        }
    }

    private void answer(String command) throws IOException {
        if (silent) {
            return;
        }
        if (refused.stream().anyMatch(command::startsWith)) {
            reply(null);
            return;
        }
        char c = command.isEmpty() ? ' ' : command.charAt(0);
        switch (c) {
            case 'C' -> {
                reply(open || canable ? "" : null);
                open = false;
            }
            case 'O', 'L' -> {
                reply(open && !canable ? null : "");
                open = true;
            }
            case 'S' -> reply(open && !canable ? null : "");
            case 'V' -> {
                if (canable) {
                    peer.write("b28ef3a github.com/normaldotcom/canable-fw.git\r".getBytes(StandardCharsets.US_ASCII));
                    reply("");
                } else {
                    reply("V1013");
                }
            }
            case 'N' -> reply(canable ? null : "NA123");
            case 't', 'T', 'r', 'R' -> reply(open || canable ? transmitAck : null);
            default -> reply(null);
        }
    }

    /** Sends {@code text} CR, or BEL when {@code text} is null. */
    private void reply(String text) throws IOException {
        if (text == null) {
            peer.write(new byte[] {BEL});
        } else {
            peer.write((text + "\r").getBytes(StandardCharsets.US_ASCII));
        }
    }
}
