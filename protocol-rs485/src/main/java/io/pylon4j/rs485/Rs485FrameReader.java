package io.pylon4j.rs485;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Cuts a stream of bytes, as they come off a serial port or a TCP bridge, into RS485 frames: the deframer.
 *
 * <p>Push bytes in with {@link #push(byte[], int, int, Consumer)} in chunks of any size; each complete frame is checked
 * with {@link Rs485FrameCodec} and handed to the sink as a {@link ReadResult.Frame}, each broken one as a
 * {@link ReadResult.Failure}, in stream order, before {@code push} returns. The result is the same however the bytes
 * are chunked, one at a time or 64 KiB at once.
 *
 * <p>How it cuts (docs/protocol.md §2.1, §2.2, §4):
 * <ul>
 *   <li>Outside a frame, every byte up to the next {@code '~'} (SOI) is noise: real buses show noise bytes before
 *       replies. Noise is discarded and counted, and not reported as a failure.</li>
 *   <li>A frame runs from {@code '~'} to the next CR (EOI). It is then checked as a whole (LENGTH, LCHKSUM, CHKSUM).
 *   </li>
 *   <li>A {@code '~'} inside a frame ends the frame as broken ({@link MissingEoiException}) and starts a new one: its
 *       bytes are kept, so a frame right after a broken one is not lost.</li>
 *   <li>Any other character that cannot be in a frame ends it as broken at once ({@link NonHexCharacterException});
 *       the reader then hunts for the next {@code '~'}.</li>
 *   <li>A frame is bounded by {@link Rs485FrameCodec#MAX_FRAME_LENGTH} (4113 bytes, LENID 4095): with no CR by then
 *       it is broken ({@link MissingEoiException}). Garbage never grows the buffer beyond that.</li>
 * </ul>
 * {@link #counters()} accounts for every byte: received = in frames + discarded + {@linkplain #pendingBytes()
 * pending}.
 *
 * <p>It never blocks, never throws for anything in the bytes, and does not allocate per byte (only for the frames it
 * emits). When the line falls idle mid-frame (a reply cut short), call {@link #endOfInput(Consumer)} to report and
 * drop the partial frame. An exception thrown by the sink propagates out of {@code push}; the byte that completed the
 * frame counts as consumed, the bytes after it are not, and the reader stays consistent. Not thread-safe: one reader
 * per byte stream, fed from one thread at a time.
 */
public final class Rs485FrameReader {

    /**
     * Sees the bytes of each frame the reader ends at its CR (checked or not yet) or at a character that cannot be in a
     * frame, before the sink hears of it: what a bus monitor prints, the broken frames too. A frame cut short by a new
     * {@code '~'}, by the length cap or by {@link #endOfInput} is not passed on (its bytes are counted as discarded).
     */
    @FunctionalInterface
    public interface FrameTextListener {

        /**
         * One frame's bytes: from its {@code '~'} to its CR, or to the character that broke it, both included.
         *
         * @param bytes  the reader's buffer: valid only during the call, not to be kept or changed
         * @param length how many bytes from index 0
         */
        void onFrameBytes(byte[] bytes, int length);
    }

    /**
     * A running count of what the reader has seen; a snapshot from {@link #counters()}. Every byte pushed is, in the
     * end, in a frame or discarded: {@code bytesReceived = bytesInFrames + bytesDiscarded + bytesPending()}.
     *
     * @param bytesReceived  bytes pushed since the reader was made
     * @param bytesInFrames  bytes of the frames that passed every framing check, SOI and EOI included
     * @param bytesDiscarded bytes thrown away: garbage between frames and the bytes of broken frames
     * @param frames         frames that passed every framing check
     * @param badFrames      frames begun with SOI that failed a framing check ({@link ReadResult.Failure})
     */
    public record Counters(long bytesReceived, long bytesInFrames, long bytesDiscarded, long frames, long badFrames) {

        /** {@return bytes received but neither in a frame nor discarded yet: the start of a frame still arriving} */
        public long bytesPending() {
            return bytesReceived - bytesInFrames - bytesDiscarded;
        }
    }

    private static final byte OTHER = 0;
    private static final byte HEX = 1;
    private static final byte SOI = 2;
    private static final byte EOI = 3;
    private static final byte[] CLASS = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            CLASS[c] = Hex.VALUE[c] >= 0 ? HEX : OTHER;
        }
        CLASS[Rs485FrameCodec.SOI] = SOI;
        CLASS[Rs485FrameCodec.EOI] = EOI;
    }

    private final byte[] frame = new byte[Rs485FrameCodec.MAX_FRAME_LENGTH];
    /** Bytes of the current frame in {@link #frame}; 0 while hunting for SOI. */
    private int length;

    private long bytesReceived;
    private long bytesInFrames;
    private long bytesDiscarded;
    private long frames;
    private long badFrames;

    private final FrameTextListener texts;

    /** A reader with an empty buffer and zero counters. */
    public Rs485FrameReader() {
        this.texts = null;
    }

    /**
     * A reader that also shows each frame's bytes to {@code texts} (a bus monitor such as {@code pylon dump}).
     *
     * @param texts sees each frame ended at its CR or at a stray character
     */
    public Rs485FrameReader(FrameTextListener texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /**
     * Pushes all of {@code bytes}; see {@link #push(byte[], int, int, Consumer)}.
     *
     * @param bytes bytes as read from the line, any chunk of the stream
     * @param sink  receives a {@link ReadResult} for each frame completed or broken by these bytes, in order
     */
    public void push(byte[] bytes, Consumer<? super ReadResult> sink) {
        push(bytes, 0, bytes.length, sink);
    }

    /**
     * Pushes {@code length} bytes from {@code bytes[offset]}, calling {@code sink} once for each frame completed or
     * broken by them, in order. The bytes are copied as needed; the caller may reuse the array when this returns.
     *
     * @param bytes  bytes as read from the line, any chunk of the stream
     * @param offset the index of the first byte to read
     * @param length the number of bytes to read
     * @param sink   receives a {@link ReadResult} for each frame completed or broken by these bytes, in order
     * @throws IndexOutOfBoundsException if the range is not within the array
     * @throws NullPointerException      if {@code bytes} or {@code sink} is null
     */
    public void push(byte[] bytes, int offset, int length, Consumer<? super ReadResult> sink) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        Objects.requireNonNull(sink, "sink");
        byte[] frame = this.frame;
        int end = offset + length;
        int i = offset;
        try {
            while (i < end) {
                int n = this.length;
                if (n == 0) { // hunting for SOI: everything before it is noise
                    int from = i;
                    while (i < end && bytes[i] != Rs485FrameCodec.SOI) {
                        i++;
                    }
                    bytesDiscarded += i - from;
                    if (i < end) {
                        frame[0] = bytes[i++];
                        this.length = 1;
                    }
                    continue;
                }
                // the body of a frame: copy the run of hex digits, as far as there is room before the EOI
                int limit = Math.min(end, i + frame.length - 1 - n);
                while (i < limit && CLASS[bytes[i] & 0xFF] == HEX) {
                    frame[n++] = bytes[i++];
                }
                this.length = n;
                if (i == end) {
                    break;
                }
                // the byte that ended the run; the state is updated before the sink sees a result, so a sink that
                // throws leaves the reader consistent
                byte b = bytes[i++];
                switch (CLASS[b & 0xFF]) {
                    case EOI -> {
                        frame[n] = b;
                        this.length = 0;
                        complete(n + 1, sink);
                    }
                    case SOI -> { // the broken frame's bytes go, the new SOI stays as the next frame's start
                        frame[0] = b;
                        this.length = 1;
                        fail(new MissingEoiException(n, b, "a new SOI '~' arrived"), n, sink);
                    }
                    case HEX -> { // no room left but for the EOI
                        this.length = 0;
                        fail(new MissingEoiException(n, b & 0xFF,
                                "no CR within " + Rs485FrameCodec.MAX_FRAME_LENGTH + " characters"), n + 1, sink);
                    }
                    default -> {
                        this.length = 0;
                        if (texts != null) {
                            frame[n] = b;
                            texts.onFrameBytes(frame, n + 1);
                        }
                        fail(new NonHexCharacterException(n, (char) (b & 0xFF)), n + 1, sink);
                    }
                }
            }
        } finally {
            bytesReceived += i - offset;
        }
    }

    /**
     * Declares the input ended or idle: a frame still arriving is reported as broken
     * ({@link MissingEoiException}) and dropped, and the reader starts hunting for SOI again.
     *
     * @param sink receives the {@link ReadResult.Failure} of a frame cut off, if one was arriving
     */
    public void endOfInput(Consumer<? super ReadResult> sink) {
        Objects.requireNonNull(sink, "sink");
        int n = length;
        if (n > 0) {
            length = 0;
            fail(new MissingEoiException(n, -1, "the input ended"), n, sink);
        }
    }

    /** {@return the number of bytes of a frame still arriving (0 when between frames)} */
    public int pendingBytes() {
        return length;
    }

    /** {@return a snapshot of the counters} */
    public Counters counters() {
        return new Counters(bytesReceived, bytesInFrames, bytesDiscarded, frames, badFrames);
    }

    /** Checks the {@code n} bytes of a frame that just received its EOI and reports the outcome. */
    private void complete(int n, Consumer<? super ReadResult> sink) {
        if (texts != null) {
            texts.onFrameBytes(frame, n);
        }
        Rs485Frame decoded;
        try {
            decoded = Rs485FrameCodec.decode(frame, 0, n);
        } catch (Rs485Exception e) {
            fail(e, n, sink);
            return;
        }
        frames++;
        bytesInFrames += n;
        sink.accept(new ReadResult.Frame(decoded));
    }

    /** Counts and reports a broken frame of {@code discarded} bytes. */
    private void fail(Rs485Exception error, int discarded, Consumer<? super ReadResult> sink) {
        badFrames++;
        bytesDiscarded += discarded;
        sink.accept(new ReadResult.Failure(error, discarded));
    }
}
