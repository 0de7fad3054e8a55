package io.pylon4j.samples.cli;

import java.util.function.Consumer;

/**
 * Cuts an RS485 byte stream into Pylontech frames: {@code ~} … up to CR (0x0D), handed on without the CR as the
 * text of one log line. A minimal stand-in for the resynchronising deframer of {@code protocol-rs485}, kept to this
 * one small class so that it can be swapped for that one.
 *
 * <p>Resynchronising and bounded: a {@code ~} inside a frame starts a new frame (the cut-off one is discarded); a
 * frame longer than {@value #MAX_FRAME} characters (SOI, 12 header characters, at most 4095 INFO characters and a
 * 4-character checksum, per the protocol's LENGTH field) is discarded; bytes between frames other than CR and LF are
 * discarded. Every discarded byte is {@linkplain #discardedBytes() counted}.
 *
 * <p>Not thread-safe: feed it from one thread (a transport's I/O thread).
 */
final class Rs485FrameSplitter {

    /** SOI + VER, ADR, CID1, CID2/RTN, LENGTH (12) + INFO (at most 4095) + CHKSUM (4). */
    static final int MAX_FRAME = 1 + 12 + 4095 + 4;

    private final Consumer<String> frames;
    private final StringBuilder frame = new StringBuilder(128);
    private boolean inFrame;
    private long discarded;

    /** @param frames receives each frame's text, {@code ~} included, CR excluded */
    Rs485FrameSplitter(Consumer<String> frames) {
        this.frames = frames;
    }

    /** Feeds bytes as they arrive, in any chunking. */
    void feed(byte[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            int c = buffer[i] & 0xFF;
            if (c == '~') {
                if (inFrame) {
                    discarded += frame.length(); // cut off by the next frame
                }
                frame.setLength(0);
                frame.append('~');
                inFrame = true;
            } else if (!inFrame) {
                if (c != '\r' && c != '\n') {
                    discarded++;
                }
            } else if (c == '\r') {
                frames.accept(frame.toString());
                frame.setLength(0);
                inFrame = false;
            } else if (frame.length() >= MAX_FRAME) {
                discarded += frame.length() + 1; // too long to be a frame: wait for the next '~'
                frame.setLength(0);
                inFrame = false;
            } else {
                frame.append((char) c);
            }
        }
    }

    /** Bytes thrown away so far (not counting {@link #pendingBytes()}). */
    long discardedBytes() {
        return discarded;
    }

    /** Bytes of a frame begun but not yet ended. */
    int pendingBytes() {
        return frame.length();
    }
}
