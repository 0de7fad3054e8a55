package io.pylon4j.transport.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads the lines of a text log (candump, RS485 {@code ~…} captures) from any bytes, holding at most one capped line
 * in memory: the reader behind {@code replay:} and {@code pylon decode}.
 *
 * <p>Why not {@link java.io.BufferedReader}: it stops at the first byte that is not UTF-8 (a Latin-1 {@code °} in
 * a comment ends the whole log) and holds a whole line however long it is (one 100 MB line is hundreds of MB of
 * heap). This reader instead:
 * <ul>
 *   <li>decodes each line as UTF-8 with replacement: a malformed byte becomes U+FFFD and the line says
 *       {@link Line#malformed()}; the lines around it are untouched;</li>
 *   <li>keeps at most {@code maxLineBytes} bytes of a line (64 KiB by default). The rest of a longer line is read
 *       and counted but not kept, and the line says {@link Line#truncated()}, so a log with no line end at all costs
 *       one buffer, not the file;</li>
 *   <li>ends a line at LF, CR LF or a lone CR, like {@code BufferedReader.readLine}.</li>
 * </ul>
 *
 * <p>Not thread-safe: one reader per stream. Closing it closes the stream.
 */
public final class LogLineReader implements Closeable {

    /** The default cap of one line's kept bytes: 64 KiB, far beyond any frame line (an RS485 frame is ≤ 4,112). */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

    /**
     * One line of the log.
     *
     * @param text        the line without its end, decoded as UTF-8 with malformed bytes replaced by U+FFFD; only
     *                    its first {@code maxLineBytes} bytes when {@code truncated}
     * @param lengthBytes the bytes the line took in the input, its line end included (for byte counters)
     * @param truncated   true when the line was longer than the cap and {@code text} holds only its start
     * @param malformed   true when some bytes of the kept text were not UTF-8 and were replaced
     */
    public record Line(String text, long lengthBytes, boolean truncated, boolean malformed) {

        /**
         * Checks the text is present and the length not negative.
         *
         * @param text        the line without its end, not null
         * @param lengthBytes the bytes the line took in the input, its line end included, not negative
         * @param truncated   true when the line was longer than the cap
         * @param malformed   true when some kept bytes were not UTF-8 and were replaced
         */
        public Line {
            Objects.requireNonNull(text, "text");
            if (lengthBytes < 0) {
                throw new IllegalArgumentException("lengthBytes must not be negative: " + lengthBytes);
            }
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[8192];
    private int chunkPosition;
    private int chunkLimit;
    /** A line's kept bytes, grown on demand up to {@link #maxLineBytes}. */
    private byte[] line = new byte[256];
    private boolean endOfInput;

    /**
     * A reader keeping at most {@value #DEFAULT_MAX_LINE_BYTES} bytes of a line.
     *
     * @param in the log's bytes; the reader buffers them itself and closes the stream when closed
     */
    public LogLineReader(InputStream in) {
        this(in, DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * A reader keeping at most {@code maxLineBytes} bytes of a line.
     *
     * @param in           the log's bytes; the reader buffers them itself and closes the stream when closed
     * @param maxLineBytes the most bytes of one line held in memory; the rest of a longer line is read through
     * @throws IllegalArgumentException if {@code maxLineBytes} is below 1
     */
    public LogLineReader(InputStream in, int maxLineBytes) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The cap of one line's kept bytes.
     *
     * @return the cap in bytes, as given to the constructor
     */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /**
     * The next line, or null at the end of the input. A last line without a line end is still a line.
     *
     * @return the next line, or null once the input is exhausted
     * @throws IOException if the stream fails; the lines returned before stay valid
     */
    public Line readLine() throws IOException {
        int kept = 0;
        long content = 0;
        boolean any = false;
        while (true) {
            if (chunkPosition == chunkLimit && !fill()) {
                return any ? finish(kept, content, content) : null;
            }
            any = true;
            int start = chunkPosition;
            int end = start;
            int bits = 0; // negative once a byte is not ASCII
            while (end < chunkLimit) {
                byte b = chunk[end];
                if (b == '\n' || b == '\r') {
                    break;
                }
                bits |= b;
                end++;
            }
            int n = end - start;
            if (content == 0 && end < chunkLimit && bits >= 0 && n <= maxLineBytes) {
                return asciiLineInChunk(start, end); // nearly every line of a log: one copy, no second scan
            }
            int keep = (int) Math.min(n, maxLineBytes - (long) kept);
            if (keep > 0) {
                ensureCapacity(kept + keep);
                System.arraycopy(chunk, start, line, kept, keep);
                kept += keep;
            }
            content += n;
            if (end == chunkLimit) {
                chunkPosition = end;
                continue;
            }
            boolean carriageReturn = chunk[end] == '\r';
            chunkPosition = end + 1;
            long length = content + 1;
            // a CR LF is one line end, even when the LF is in the next chunk (a blocking read; fine for logs)
            if (carriageReturn && (chunkPosition < chunkLimit || fill()) && chunk[chunkPosition] == '\n') {
                chunkPosition++;
                length++;
            }
            return finish(kept, content, length);
        }
    }

    /**
     * The line {@code chunk[start..end)}, whole in this chunk, ASCII and within the cap, ended by the CR or LF at
     * {@code end}: what {@link #finish} would make of it, straight from the chunk.
     */
    private Line asciiLineInChunk(int start, int end) throws IOException {
        int n = end - start;
        // the String first: looking for the LF of a CR LF may refill the chunk
        String text = new String(chunk, start, n, StandardCharsets.ISO_8859_1);
        boolean carriageReturn = chunk[end] == '\r';
        chunkPosition = end + 1;
        long length = n + 1;
        if (carriageReturn && (chunkPosition < chunkLimit || fill()) && chunk[chunkPosition] == '\n') {
            chunkPosition++;
            length++;
        }
        return new Line(text, length, false, false);
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int n = in.read(chunk);
        while (n == 0) {
            n = in.read(chunk);
        }
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        chunkPosition = 0;
        chunkLimit = n;
        return true;
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            int grown = Math.max(needed, Math.min(maxLineBytes, line.length * 2));
            line = java.util.Arrays.copyOf(line, grown);
        }
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private Line finish(int kept, long content, long length) {
        boolean truncated = content > kept;
        int usable = truncated ? completeSequences(kept) : kept;
        if (isAscii(line, usable)) {
            // nearly every log line: ASCII reads the same in UTF-8 and Latin-1, and a Latin-1 String is one copy,
            // where a CharsetDecoder per line costs a decoder, a CharBuffer and a compression back to Latin-1
            return new Line(new String(line, 0, usable, StandardCharsets.ISO_8859_1), length, truncated, false);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, usable)).toString();
            return new Line(text, length, truncated, false);
        } catch (CharacterCodingException e) {
            return new Line(new String(line, 0, usable, StandardCharsets.UTF_8), length, truncated, true);
        }
    }

    /**
     * How many of the first {@code kept} bytes end on a whole UTF-8 sequence: a cut through a multi-byte character
     * at the cap is the cap's doing, not a malformed input.
     */
    private int completeSequences(int kept) {
        for (int back = 1; back <= 3 && back <= kept; back++) {
            int b = line[kept - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead byte
            }
            int sequence = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return sequence > back ? kept - back : kept;
        }
        return kept;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
