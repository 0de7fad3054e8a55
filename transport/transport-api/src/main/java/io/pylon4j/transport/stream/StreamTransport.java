package io.pylon4j.transport.stream;

import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.BlockingByteStreamTransport;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReference;

/** The transport behind {@link StreamTransports}: reads the input stream on its own thread. */
final class StreamTransport extends BlockingByteStreamTransport {

    private static final int READ_BUFFER = 4096;

    /** The caller's streams, until the first connect takes them (or close() closes them unused). */
    private final AtomicReference<StreamConnection> initial;
    /** Opens the link again; {@code null} for caller streams, which cannot be reopened. */
    private final StreamConnector connector;
    private final Object writeLock = new Object();
    private volatile StreamConnection connection;

    StreamTransport(Endpoint endpoint, TransportOptions options, StreamConnection initial, StreamConnector connector) {
        super(endpoint, options);
        this.initial = new AtomicReference<>(initial);
        this.connector = connector;
    }

    @Override
    protected void connect() throws IOException {
        StreamConnection c = initial.getAndSet(null);
        if (c == null) {
            if (connector == null) {
                throw new IOException("caller-supplied streams cannot be reopened");
            }
            c = connector.connect();
            if (c == null) {
                throw new IOException("the connector returned no connection");
            }
        }
        connection = c;
    }

    @Override
    protected void readLoop() throws IOException {
        InputStream in = connection.input();
        byte[] buffer = new byte[READ_BUFFER];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (n > 0) {
                deliver(buffer, 0, n, System.nanoTime());
            }
        }
    }

    @Override
    protected void writeBytes(byte[] data, int offset, int length) throws IOException {
        StreamConnection c = connection;
        if (c == null) {
            throw new IOException("the stream is closed");
        }
        synchronized (writeLock) { // whole writes, never interleaved
            OutputStream out = c.output();
            out.write(data, offset, length);
            out.flush();
        }
    }

    @Override
    protected void disconnect() {
        close(connection);
        connection = null;
        close(initial.getAndSet(null)); // closed before ever opened: the caller's streams are still ours to close
    }

    private void close(StreamConnection c) {
        if (c != null) {
            closeQuietly(c.input());
            closeQuietly(c.output());
            closeQuietly(c.resource());
        }
    }

    private void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            metrics().error(); // counted: the link is going away either way
        }
    }
}
