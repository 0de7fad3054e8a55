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
 *
 * <p><b>Proof of alignment.</b> A record is emitted only when it and the three records after it are well-formed
 * ({@value #PROOF_RECORDS} in a row), or when it and every record after it are well-formed and the stream pauses
 * exactly at a record boundary ({@link #quiet}: the converter writes whole records, so after a loss or an insertion
 * its pauses fall inside our records). A record damaged by a loss or by inserted bytes usually looks well-formed
 * itself (a 0x351 has eight data bytes, any value passes), but the windows after it are misaligned and fail. When the
 * link ends ({@link #end}), what is held is discarded: nothing after it proves it.
 *
 * <p><b>States.</b> <em>Synchronised</em>: the buffer starts at a record boundary; a new connection starts here,
 * as the converter writes whole records. A held record that is not well-formed makes the framer
 * <em>unsynchronised</em>: it drops the first byte of the held records (counted, and {@link Sink#lostSync} once), then
 * slides a byte at a time (each byte counted) until {@value #PROOF_RECORDS} consecutive well-formed records line up.
 * The first of them is discarded too, as it may straddle the damage (the bytes before a loss spliced to the tail of
 * a record after it line up with what follows, and nothing can tell); then the framer is synchronised again and
 * goes on from the second. Frames are never emitted while unsynchronised.
 *
 * <p><b>Why four.</b> Of every misalignment (1 to 12 bytes) of the real traffic in the tests (US5000 V1.2 and
 * V1.3, BYD/Victron), no two consecutive windows are well-formed ({@code CanetFramerTest}); a damaged record, a
 * window holding inserted garbage and one misaligned window of real traffic can be well-formed together, which a
 * proof of two or three records let through ({@code CanetFramerProperties} found both); the fourth record must then
 * be a second consecutive misaligned window of real traffic. For random bytes a window is well-formed with
 * probability at most about 1/100 (an extended header with eight data bytes: 18/256 for the information byte times
 * 32/256 for the id's top byte), so four in a row about 10<sup>-8</sup>; a standard-frame window has about
 * 3.4·10<sup>-8</sup> alone. What no framing without a checksum can detect, and this one does not: a change of data
 * bytes inside a record, and a loss of exactly a multiple of 13 bytes, which keeps the alignment and can splice the
 * head of one record to the tail of another.
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

    /** Consecutive well-formed records that prove the first of them aligned: it and three after it. */
    static final int PROOF_RECORDS = 4;

    /** The most bytes held: enough to test one offset against {@link #PROOF_RECORDS} records, and a record more. */
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
     * The stream paused: nothing arrived for a while. The held records are emitted if they are all well-formed and
     * end exactly where the stream stopped, as the converter writes whole records (after a loss or an insertion, its
     * pauses fall inside our records instead).
     */
    void quiet(Sink sink) {
        if (awaitingQuiet()) {
            while (length > 0) {
                emit(0, sink);
                consume(L);
            }
        }
    }

    /**
     * Whether {@link #quiet} would emit: synchronised, holding only whole records, all well-formed (fewer
     * than {@value #PROOF_RECORDS}, or the framer would have emitted the first).
     */
    boolean awaitingQuiet() {
        if (!synced || length == 0 || length % L != 0) {
            return false;
        }
        for (int at = 0; at < length; at += L) {
            if (!wellFormed(buffer, at)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The link ended: everything held is discarded and counted, a whole record too, since nothing after it proves
     * its alignment (a record cut short by the end, or garbage right before it, would look the same). Ready for a
     * new link, which starts at a record boundary.
     */
    void end(Sink sink) {
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
                if (heldRecordsWellFormed()) {
                    if (length < PROOF_RECORDS * L) {
                        return;
                    }
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
                // The first record of the new alignment may straddle the damage: bytes from before a loss spliced
                // to the tail of a record after it line up with what follows, and no framing can tell. Drop it.
                sink.discarded(L);
                consume(L);
                synced = true; // the synchronised branch goes on from the second proving record
            }
        }
    }

    /** Whether the whole records held, up to {@link #PROOF_RECORDS} of them, are well-formed. */
    private boolean heldRecordsWellFormed() {
        for (int at = 0; at + L <= Math.min(length, PROOF_RECORDS * L); at += L) {
            if (!wellFormed(buffer, at)) {
                return false;
            }
        }
        return true;
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
        for (int i = HEADER + dlc; i < L; i++) {
            if (bytes[offset + i] != 0) {
                return false;
            }
        }
        return true;
    }
}
