package io.pylon4j.transport.stream;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Map;
import java.util.Objects;

/**
 * Byte-stream transports over streams or channels the caller supplies: the way to use a serial port that something
 * else opened (an openHAB binding's framework-managed port), a socket, a pipe. Needs nothing but the JDK.
 *
 * <pre>{@code
 * try (ByteStreamTransport rs485 = StreamTransports.of(port.getInputStream(), port.getOutputStream(), "ttyUSB0")) {
 *     rs485.addByteListener(deframer::feed);
 *     rs485.open().toCompletableFuture().join();
 *     rs485.write(request);
 * }
 * }</pre>
 *
 * <p>Each transport reads on its own thread ({@code pylon4j-stream-NAME}) and reports {@code stream:NAME} as its
 * endpoint. {@link ByteStreamTransport#close() close()} closes the streams. Streams given directly cannot be
 * reopened, so when they end (end of stream, an {@link IOException}) the transport goes to
 * {@link io.pylon4j.transport.ConnectionState#FAILED}; to have it reconnect instead, give a
 * {@link StreamConnector} that opens the link afresh ({@link #reconnecting}).
 */
public final class StreamTransports {

    private StreamTransports() {
    }

    /**
     * A transport over the given streams, with default options; not opened yet.
     *
     * @param input  the bytes from the device; read on the transport's thread, closed with the transport
     * @param output the bytes to the device; flushed after every write, closed with the transport
     * @param name   names the endpoint ({@code stream:NAME}) and the thread
     * @return an unopened transport the caller opens and closes
     */
    public static ByteStreamTransport of(InputStream input, OutputStream output, String name) {
        return of(input, output, name, TransportOptions.defaults());
    }

    /**
     * A transport over the given streams; not opened yet.
     *
     * @param input   the bytes from the device; read on the transport's thread, closed with the transport
     * @param output  the bytes to the device; flushed after every write, closed with the transport
     * @param name    names the endpoint ({@code stream:NAME}) and the thread
     * @param options thread name prefix and the rest; the reconnect policy is replaced by
     *                {@link ReconnectPolicy#NO_RETRY}, since these streams cannot be reopened
     * @return an unopened transport the caller opens and closes
     */
    public static ByteStreamTransport of(InputStream input, OutputStream output, String name,
                                         TransportOptions options) {
        return once(StreamConnection.of(input, output), name, options);
    }

    /**
     * A transport over the given channels (in blocking mode), with default options; not opened yet.
     *
     * @param input  the channel of the bytes from the device, in blocking mode; closed with the transport
     * @param output the channel of the bytes to the device, in blocking mode; closed with the transport
     * @param name   names the endpoint ({@code stream:NAME}) and the thread
     * @return an unopened transport the caller opens and closes
     */
    public static ByteStreamTransport of(ReadableByteChannel input, WritableByteChannel output, String name) {
        return of(input, output, name, TransportOptions.defaults());
    }

    /**
     * A transport over the given channels (in blocking mode); not opened yet. As
     * {@link #of(InputStream, OutputStream, String, TransportOptions)}.
     *
     * @param input   the channel of the bytes from the device, in blocking mode; closed with the transport
     * @param output  the channel of the bytes to the device, in blocking mode; closed with the transport
     * @param name    names the endpoint ({@code stream:NAME}) and the thread
     * @param options thread name prefix and the rest; the reconnect policy is replaced by
     *                {@link ReconnectPolicy#NO_RETRY}
     * @return an unopened transport the caller opens and closes
     */
    public static ByteStreamTransport of(ReadableByteChannel input, WritableByteChannel output, String name,
                                         TransportOptions options) {
        return once(StreamConnection.of(input, output), name, options);
    }

    /**
     * A transport that opens its link with {@code connector} on every connect attempt, and so reconnects by the
     * options' {@link ReconnectPolicy} when the link ends; not opened yet.
     *
     * @param name      names the endpoint ({@code stream:NAME}) and the thread
     * @param connector opens a new link on each connect attempt; its {@code IOException} counts as a failed attempt
     * @param options   the reconnect policy that paces the attempts, timeouts and thread-name prefix
     * @return an unopened transport the caller opens and closes
     */
    public static ByteStreamTransport reconnecting(String name, StreamConnector connector, TransportOptions options) {
        Objects.requireNonNull(connector, "connector");
        return new StreamTransport(endpoint(name), Objects.requireNonNull(options, "options"), null, connector);
    }

    private static ByteStreamTransport once(StreamConnection connection, String name, TransportOptions options) {
        return new StreamTransport(endpoint(name), options.withReconnectPolicy(ReconnectPolicy.NO_RETRY), connection,
                null);
    }

    private static Endpoint endpoint(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a stream transport needs a name");
        }
        return new Endpoint("stream:" + name, "stream", name, Map.of());
    }
}
