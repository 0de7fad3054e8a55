package io.pylon4j.transport.stream;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;

/**
 * One open link as a pair of streams, plus what else to close when the link ends (the serial port the streams
 * belong to, for instance).
 *
 * <p>The transport closes the input, then the output, then {@code resource}. Closing the input must make a blocked
 * {@code read} return or throw: true of sockets, pipes and the serial ports of common libraries. A {@code read}
 * that returns -1 is taken as the end of the link; one that returns 0 is simply read again.
 *
 * @param input    the bytes from the device
 * @param output   the bytes to the device; flushed after every write
 * @param resource closed after both streams, or {@code null} for nothing more
 */
public record StreamConnection(InputStream input, OutputStream output, Closeable resource) {

    /**
     * Checks that both streams are there.
     *
     * @param input    the bytes from the device, not null
     * @param output   the bytes to the device, not null
     * @param resource closed after both streams, or {@code null} for nothing more
     */
    public StreamConnection {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }

    /**
     * A connection of two streams and nothing more to close.
     *
     * @param input  the bytes from the device
     * @param output the bytes to the device
     * @return a connection with no further resource
     */
    public static StreamConnection of(InputStream input, OutputStream output) {
        return new StreamConnection(input, output, null);
    }

    /**
     * A connection of two channels, which must be in blocking mode; both are closed when the link ends. (Not
     * {@link java.nio.channels.Channels#newInputStream}: for a socket channel its reads hold a lock that its writes
     * also need, so a pending read would hold up every write.)
     *
     * @param input  the channel of the bytes from the device, in blocking mode
     * @param output the channel of the bytes to the device, in blocking mode
     * @return a connection whose streams read and write the channels directly
     * @throws IllegalArgumentException if a channel is a selectable channel in non-blocking mode
     */
    public static StreamConnection of(ReadableByteChannel input, WritableByteChannel output) {
        requireBlocking(Objects.requireNonNull(input, "input"));
        requireBlocking(Objects.requireNonNull(output, "output"));
        return new StreamConnection(new ChannelInput(input), new ChannelOutput(output), null);
    }

    private static void requireBlocking(Channel channel) {
        if (channel instanceof SelectableChannel selectable && !selectable.isBlocking()) {
            throw new IllegalArgumentException("channel " + channel + " is in non-blocking mode");
        }
    }

    /** Reads a blocking channel without locks of its own. */
    private static final class ChannelInput extends InputStream {
        private final ReadableByteChannel channel;

        ChannelInput(ReadableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Writes all of every buffer to a blocking channel. */
    private static final class ChannelOutput extends OutputStream {
        private final WritableByteChannel channel;

        ChannelOutput(WritableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
