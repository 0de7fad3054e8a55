package io.pylon4j.transport.netty.internal;

import io.pylon4j.can.CanFrame;

/**
 * Finds the 13-byte records of a {@code canet:} stream ({@link CanetCodec}) and emits a frame only when its alignment
 * is proven. Pure, single-threaded and chunk-agnostic: feed it whatever each read returned; it holds at most
 * {@value #CAPACITY} bytes.
 *
 * <p>The format has no start marker and no checksum, so a stream that loses or gains a few bytes (a converter whose
 * buffer overflowed, a wrong port) reads as a run of misaligned 13-byte windows, and a misaligned window of real
 * traffic can look like a frame: the fake 0x351 with CVL 104.4 V and DCL 2176.3 A. So a record is
 * <em>well-formed</em> only if all of these hold ({@link #wellFormed}):
 * <ul>
 *   <li>frame information: reserved bits 5-4 zero, data length at most 8;</li>
 *   <li>identifier: a standard frame's bytes 1-2 zero and byte 3 at most 0x07 (11 bits); an extended frame's top
 *       three bits zero (29 bits);</li>
 *   <li>every data byte past the data length zero (the converter pads with zeros: USR-CANET200 manual §2.2.4).</li>
 * </ul>
 * and a record is <em>emitted</em> only when it is well-formed <em>and so is the record after it</em>, or when the
 * stream pauses ({@link #quiet}) or ends ({@link #end}) exactly after it. A record damaged by a loss (its head, then
 * bytes of the next one) usually looks well-formed itself, but the window after it is then misaligned and fails.
 *
 * <p>States: <b>synchronised</b> (the buffer starts at a record boundary; a new connection starts here, as the
 * converter writes whole records) and <b>unsynchronised</b>. A pair that fails in the synchronised state drops the
 * first byte of the held record (counted) and makes the framer unsynchronised: it then slides a byte at a time
 * (each byte counted) until {@value #PROOF_RECORDS} consecutive well-formed records line up, and only then
 * emits again, starting with the first of them. Frames are never emitted while unsynchronised.
 *
 * <p>Why {@value #PROOF_RECORDS}: of the 6 x 13 misalignments of the real US5000 traffic in the tests, none
 * gives even two consecutive well-formed windows ({@code CanetFramerPropertiesTest}); for random bytes a window is
 * well-formed with probability at most about 1/100 (an extended header: 18/256 for the information byte times 32/256
 * for the id's top byte, times the zero padding), so three in a row about 10<sup>-6</sup>, and a standard-frame
 * window about 3.4·10<sup>-8</sup>. What no framing can detect, and this one does not: a loss of exactly a
 * multiple of 13 bytes, which keeps the alignment and can splice the head of one record to the tail of another.
 */
final class CanetFramer {

    /** What the framer hands on. Called on the caller's thread, in stream order. */
    interface Sink {

        /** A standard data frame, proven aligned. */
        void frame(CanFrame frame);

        /** A well-formed, aligned extended or remote frame, which {@link CanFrame} cannot hold. */
        void unsupported();

        /** Bytes thrown away: misaligned, damaged, or cut off by the end of the link. */
        void discarded(int bytes);

        /** The framer lost its alignment (called once per loss, before the bytes are counted). */
        void lostSync();
    }

    /** Consecutive well-formed records needed to resynchronise. */
    static final int PROOF_RECORDS = 3;

    /** The most bytes held: enough to test one offset against {@link #PROOF_RECORDS} records, and one more record. */
    static final int CAPACITY = (PROOF_RECORDS + 1) * CanetCodec.FRAME_LENGTH;

    private static final int L = CanetCodec.FRAME_LENGTH;
    private static final int HEADER = 5;

    private final byte[] buffer = new byte[CAPACITY];
    private int length;
    private boolean synced = true;

    /** Decodes a chunk, handing what it proves to {@code sink}. */
    void decode(byte[] data, int offset, int count, Sink sink) {
        int at = offset;
        int end = offset + count;
        while (at < end) {
            int n = Math.min(end - at, CAPACITY - length);
            System.arraycopy(data, at, buffer, length, n);
            length += n;
            at += n;
            process(sink);
        }
    }

    /**
     * The stream paused: nothing arrived for a while. A held record that ends exactly where the stream stopped is
     * emitted, as the converter writes whole records (after a loss, the pause falls inside a record instead).
     */
    void quiet(Sink sink) {
        if (awaitingQuiet()) {
            emit(0, sink);
            consume(L);
        }
    }

    /** Whether {@link #quiet} would emit: synchronised, with exactly one well-formed record held. */
    boolean awaitingQuiet() {
        return synced && length == L && wellFormed(buffer, 0);
    }

    /**
     * The link ended. The held record is emitted if the stream stopped right after it or inside a record whose
     * header (and any padding received) is well-formed; the rest is discarded and counted. Ready for a new link.
     */
    void end(Sink sink) {
        if (synced && length >= L && wellFormed(buffer, 0)
                && (length == L || length - L >= HEADER && consistent(buffer, L, length - L))) {
            emit(0, sink);
            consume(L);
        }
        if (length > 0) {
            sink.discarded(length);
            length = 0;
        }
        synced = true;
    }

    /** Whether the framer knows where records start. */
    boolean synchronised() {
        return synced;
    }

    /** Bytes held. */
    int pending() {
        return length;
    }

    private void process(Sink sink) {
        while (true) {
            if (synced) {
                if (length < 2 * L) {
                    return;
                }
                if (wellFormed(buffer, 0) && wellFormed(buffer, L)) {
                    emit(0, sink);
                    consume(L);
                } else {
                    synced = false;
                    sink.lostSync();
                    sink.discarded(1);
                    consume(1);
                }
            } else {
                int offset = 0;
                boolean proven = false;
                while (offset + PROOF_RECORDS * L <= length) {
                    if (proven(offset)) {
                        proven = true;
                        break;
                    }
                    offset++;
                }
                if (offset > 0) {
                    sink.discarded(offset);
                    consume(offset);
                }
                if (!proven) {
                    return;
                }
                synced = true; // the synchronised branch emits all but the last of the proving records
            }
        }
    }

    private boolean proven(int offset) {
        for (int r = 0; r < PROOF_RECORDS; r++) {
            if (!wellFormed(buffer, offset + r * L)) {
                return false;
            }
        }
        return true;
    }

    private void emit(int offset, Sink sink) {
        int info = buffer[offset] & 0xFF;
        if (CanetCodec.isStandardDataFrame(info)) {
            sink.frame(CanetCodec.decode(buffer, offset));
        } else {
            sink.unsupported();
        }
    }

    private void consume(int n) {
        System.arraycopy(buffer, n, buffer, 0, length - n);
        length -= n;
    }

    /** Whether the 13 bytes at {@code offset} are a well-formed record, as the class documentation defines it. */
    static boolean wellFormed(byte[] bytes, int offset) {
        return consistent(bytes, offset, L);
    }

    /** Whether the first {@code count} (at least 5) bytes at {@code offset} can begin a well-formed record. */
    private static boolean consistent(byte[] bytes, int offset, int count) {
        int info = bytes[offset] & 0xFF;
        int dlc = info & 0x0F;
        if ((info & 0x30) != 0 || dlc > CanFrame.MAX_LENGTH) {
            return false;
        }
        if ((info & 0x80) != 0) {
            if ((bytes[offset + 1] & 0xE0) != 0) {
                return false;
            }
        } else if (bytes[offset + 1] != 0 || bytes[offset + 2] != 0 || (bytes[offset + 3] & 0xF8) != 0) {
            return false;
        }
        for (int i = HEADER + dlc; i < count; i++) {
            if (bytes[offset + i] != 0) {
                return false;
            }
        }
        return true;
    }
}
