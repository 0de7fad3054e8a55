package io.pylon4j.transport.serial;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * The device side of a pseudo-terminal pair: the fake battery or adapter. Opened with plain JDK file I/O, not
 * jSerialComm, so that the transport under test and its peer share no code. A reader thread hands every chunk to a
 * {@link Receiver}; {@link #close()} unblocks it (closing a {@link FileChannel} signals a thread blocked in it).
 * It holds two descriptors on the pty, one to read and one to write.
 */
public final class PtyPeer implements AutoCloseable {

    /** Receives what the transport sent, on the peer's reader thread. */
    @FunctionalInterface
    public interface Receiver {
        void received(byte[] buffer, int length) throws IOException;
    }

    private final FileChannel in;
    private final FileChannel out;
    private final Thread reader;

    private PtyPeer(FileChannel in, FileChannel out, Receiver receiver, String name) {
        this.in = in;
        this.out = out;
        this.reader = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            try {
                while (true) {
                    buffer.clear();
                    int n = in.read(buffer);
                    if (n < 0) {
                        return;
                    }
                    receiver.received(buffer.array(), n);
                }
            } catch (IOException e) {
                // closed by the test, or the pty vanished with socat: the peer's life ends either way
            }
        }, "test-pty-peer-" + name);
        reader.setDaemon(true);
    }

    /** Opens the pty at {@code path} and starts reading into {@code receiver}. */
    public static PtyPeer open(Path path, Receiver receiver) throws IOException {
        // two channels: a FileChannel serialises read and write on one lock, and the read blocks
        FileChannel in = FileChannel.open(path, StandardOpenOption.READ);
        FileChannel out;
        try {
            out = FileChannel.open(path, StandardOpenOption.WRITE);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        PtyPeer peer = new PtyPeer(in, out, receiver, path.getFileName().toString());
        peer.reader.start();
        return peer;
    }

    /** Opens the pty at {@code path} and collects what arrives in {@code inbox}. */
    public static PtyPeer open(Path path, ByteInbox inbox) throws IOException {
        return open(path, (buffer, length) -> inbox.add(buffer, 0, length));
    }

    /** Writes all of {@code bytes} to the transport. */
    public void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        out.close();
        in.close();
        reader.join(TimeUnit.SECONDS.toMillis(5));
    }
}
