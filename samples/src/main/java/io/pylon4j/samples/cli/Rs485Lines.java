package io.pylon4j.samples.cli;

import io.pylon4j.rs485.Rs485FrameReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a sniffed RS485 byte stream into {@code ~…} log lines for {@code pylon dump}, with the bounded, resynchronising
 * {@link Rs485FrameReader} the driver and the simulator use (through {@code protocol-rs485}'s exchanges): each frame
 * that reaches its CR becomes a line, checked or not (a frame failing its checksum is printed and decoded to the same
 * error as {@code pylon decode} gives for its log line), and so does a frame broken by a character that cannot be in
 * one, up to that character. A frame cut off by the next {@code '~'}, or longer than the protocol allows, is dropped
 * and counted with the noise between frames; line ends (CR, LF) between frames are not noise.
 *
 * <p>Fed from one thread (a transport's I/O thread); the counts may be read from another at any time, consistent with
 * whole chunks (the methods synchronise on this object; the line consumer must not block).
 */
final class Rs485Lines {

    private final Rs485FrameReader reader;
    private long printedBytes;
    private long printedLineEnds;
    private long lineEnds;

    /** @param lines receives each frame's text, {@code ~} included, CR excluded */
    Rs485Lines(Consumer<String> lines) {
        this.reader = new Rs485FrameReader((bytes, length) -> {
            printedBytes += length;
            int end = length;
            while (end > 0 && isLineEnd(bytes[end - 1])) {
                end--;
                printedLineEnds++;
            }
            lines.accept(new String(bytes, 0, end, StandardCharsets.ISO_8859_1));
        });
    }

    /** Feeds bytes as they arrive, in any chunking. */
    synchronized void feed(byte[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (isLineEnd(buffer[i])) {
                lineEnds++;
            }
        }
        reader.push(buffer, offset, length, result -> {
            // a frame's fate is in its line (decoded, or decoded to the error); the rest is counted below
        });
    }

    /** Bytes thrown away so far: noise between frames and frames cut off (not line ends, not {@link #pendingBytes()}). */
    synchronized long discardedBytes() {
        Rs485FrameReader.Counters c = reader.counters();
        return c.bytesReceived() - printedBytes - c.bytesPending() - (lineEnds - printedLineEnds);
    }

    /** Bytes of a frame begun but not yet ended. */
    synchronized int pendingBytes() {
        return reader.pendingBytes();
    }

    private static boolean isLineEnd(byte b) {
        return b == '\r' || b == '\n';
    }
}
