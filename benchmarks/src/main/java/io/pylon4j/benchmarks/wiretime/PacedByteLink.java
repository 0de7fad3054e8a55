package io.pylon4j.benchmarks.wiretime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory, full-duplex RS485-like byte link between an inverter side (the driver) and a battery side (the
 * simulator) that carries each direction's bytes no faster than a serial line at a given baud rate, 10 bits a byte
 * (8N1, docs/protocol.md §2.1): a byte written at time {@code t} is readable not before {@code t} plus its serialisation time,
 * and bytes queue behind each other on the line. Each side gets an {@link InputStream} and an {@link OutputStream},
 * to be handed to {@code StreamTransports.of(in, out, name)}.
 *
 * <p>It also times every frame ({@code '~'} to CR) that crosses it, per direction ({@link #requests()} from the
 * inverter to the battery, {@link #replies()} back): when its first byte was written, when its last byte was off the
 * line, when the reader got that last byte. That is what {@link PollCycleWireTimeBenchmark} measures a poll cycle
 * with.
 *
 * <p>Threads: none of its own. A direction is paced on the thread that reads it (the reading transport's thread),
 * which parks ({@link java.util.concurrent.locks.LockSupport#parkNanos}) until the next byte is due and then takes
 * every byte due by then; a write never blocks. So the reader is late at most by one park's overshoot, reported per
 * frame as the link's lateness, and not by an extra hand-over between threads.
 */
public final class PacedByteLink implements AutoCloseable {

    /** Bits a byte takes on the line: start bit, 8 data bits, stop bit (8N1, docs/protocol.md §2.1). */
    public static final int BITS_PER_BYTE = 10;

    private final int baud;
    private final PacedPipe toBattery;
    private final PacedPipe toInverter;

    /**
     * A link paced at {@code baud} (bits per second, 10 bits a byte).
     *
     * @throws IllegalArgumentException if {@code baud} is not positive
     */
    public PacedByteLink(int baud) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        this.baud = baud;
        // the line's time per byte, rounded up to whole nanoseconds: 86,806 ns at 115200 baud, 5 ppm slower than
        // the exact 86,805.6 ns; the benchmark counts wire time with the exact figure and the rest as lateness
        long byteNanos = (BITS_PER_BYTE * 1_000_000_000L + baud - 1) / baud;
        this.toBattery = new PacedPipe(byteNanos);
        this.toInverter = new PacedPipe(byteNanos);
    }

    /** The baud rate the link is paced at. */
    public int baud() {
        return baud;
    }

    /** The exact time {@code bytes} bytes take on the line at this baud rate, in nanoseconds (may be fractional). */
    public double wireNanos(long bytes) {
        return bytes * (double) BITS_PER_BYTE * 1e9 / baud;
    }

    /** What the inverter side (the driver) reads: the battery's replies, paced. */
    public InputStream inverterInput() {
        return toInverter.input;
    }

    /** What the inverter side writes: its requests, paced on their way to the battery. */
    public OutputStream inverterOutput() {
        return toBattery.output;
    }

    /** What the battery side (the simulator) reads: the inverter's requests, paced. */
    public InputStream batteryInput() {
        return toBattery.input;
    }

    /** What the battery side writes: its replies, paced on their way to the inverter. */
    public OutputStream batteryOutput() {
        return toInverter.output;
    }

    /** The frames sent from the inverter to the battery so far, in order (a snapshot). */
    public List<FrameTiming> requests() {
        return toBattery.frames();
    }

    /** The frames sent from the battery to the inverter so far, in order (a snapshot). */
    public List<FrameTiming> replies() {
        return toInverter.frames();
    }

    /** Bytes that crossed the link outside a {@code '~'}…CR frame, both directions. */
    public long strayBytes() {
        return toBattery.strayBytes() + toInverter.strayBytes();
    }

    /**
     * Waits until at least {@code count} requests with command {@code cid2} have been read by the battery side.
     *
     * @return whether they were, within {@code timeoutNanos}
     */
    public boolean awaitRequests(int cid2, int count, long timeoutNanos) throws InterruptedException {
        return toBattery.awaitDelivered(cid2, count, timeoutNanos);
    }

    /** Closes both directions: readers see the end of the stream, writers an {@link IOException}. */
    @Override
    public void close() {
        toBattery.close();
        toInverter.close();
    }

    /**
     * One frame that crossed the link, {@code '~'} to CR inclusive.
     *
     * @param address        the frame's ADR (from its ASCII-hex header), or -1 if the frame was too short to hold one
     * @param cid2           the frame's CID2 (requests) or RTN (replies), or -1 likewise
     * @param bytes          the frame's length on the wire, {@code '~'} and CR included
     * @param writtenNanos   {@code System.nanoTime()} when the write holding its first byte began
     * @param wireEndNanos   when its last byte was off the line (written, queued and serialised at the baud rate)
     * @param deliveredNanos when the reader got its last byte ({@code read} returned it)
     */
    public record FrameTiming(int address, int cid2, int bytes, long writtenNanos, long wireEndNanos,
                              long deliveredNanos) {
    }

    /** One direction: a queue of bytes, each with the time it is off the line. */
    private static final class PacedPipe {
        /** Frames kept per direction: a run of hours at 3 frames a second; beyond it, new frames are not timed. */
        private static final int MAX_FRAMES = 100_000;
        /** Header bytes kept of a frame being written: {@code ~ VER ADR CID1 CID2}, 9 characters (docs/protocol.md §2.2). */
        private static final int HEADER = 9;

        private final long byteNanos;
        private final Object lock = new Object();
        private byte[] data = new byte[8192];
        private long[] due = new long[8192];
        private int head;
        private int size;
        /** When the last queued byte is off the line; the next byte starts then, or when written if later. */
        private long lineFreeAt = Long.MIN_VALUE;
        private boolean closed;
        private Thread reader;
        /** Sequence numbers of bytes written and read, to match a frame's CR with the read that took it. */
        private long written;
        private long read;
        private final List<FrameTiming> frames = new ArrayList<>();
        /** Frames whose CR is queued but not read yet: their CR's sequence number and their other fields. */
        private final List<long[]> undelivered = new ArrayList<>();
        private final byte[] header = new byte[HEADER];
        private int headerLength;
        private boolean inFrame;
        private int frameBytes;
        private long frameWritten;
        private long strayBytes;

        final InputStream input = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                return len == 0 ? 0 : take(b, off, len);
            }

            @Override
            public void close() {
                PacedPipe.this.close();
            }
        };

        final OutputStream output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                put(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                put(b, off, len);
            }

            @Override
            public void close() {
                PacedPipe.this.close();
            }
        };

        PacedPipe(long byteNanos) {
            this.byteNanos = byteNanos;
        }

        private void put(byte[] b, int off, int len) throws IOException {
            long now = System.nanoTime();
            synchronized (lock) {
                if (closed) {
                    throw new IOException("the link is closed");
                }
                ensureCapacity(size + len);
                for (int i = 0; i < len; i++) {
                    byte v = b[off + i];
                    long start = lineFreeAt == Long.MIN_VALUE ? now : Math.max(now, lineFreeAt);
                    lineFreeAt = start + byteNanos;
                    int slot = (head + size) % data.length;
                    data[slot] = v;
                    due[slot] = lineFreeAt;
                    size++;
                    track(v, now, lineFreeAt, written++);
                }
                lock.notifyAll(); // a reader waiting for an empty line; the pacing itself is a park, not a wait
            }
        }

        /** Frame bookkeeping for one written byte (under the lock). */
        private void track(byte v, long writeNanos, long offLineNanos, long sequence) {
            if (v == '~') {
                if (inFrame) {
                    strayBytes += frameBytes; // a frame cut short by the next start: its bytes were not a frame
                }
                inFrame = true;
                frameBytes = 0;
                headerLength = 0;
                frameWritten = writeNanos;
            }
            if (!inFrame) {
                strayBytes++;
                return;
            }
            frameBytes++;
            if (headerLength < HEADER) {
                header[headerLength++] = v;
            }
            if (v == '\r') {
                inFrame = false;
                undelivered.add(new long[] {sequence, hexByte(3), hexByte(7), frameBytes, frameWritten,
                        offLineNanos});
            }
        }

        /** The ASCII-hex byte at {@code at} of the kept header, or -1. */
        private int hexByte(int at) {
            if (headerLength < at + 2) {
                return -1;
            }
            int hi = Character.digit(header[at], 16);
            int lo = Character.digit(header[at + 1], 16);
            return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
        }

        private void ensureCapacity(int needed) {
            if (needed <= data.length) {
                return;
            }
            int capacity = Math.max(needed, data.length * 2);
            byte[] d = new byte[capacity];
            long[] t = new long[capacity];
            for (int i = 0; i < size; i++) {
                d[i] = data[(head + i) % data.length];
                t[i] = due[(head + i) % data.length];
            }
            data = d;
            due = t;
            head = 0;
        }

        private int take(byte[] b, int off, int len) throws IOException {
            while (true) {
                long waitNanos;
                synchronized (lock) {
                    while (size == 0 && !closed) {
                        try {
                            lock.wait(); // an idle line; close() and every write notify
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new InterruptedIOException("interrupted while reading the paced link");
                        }
                    }
                    if (size == 0) {
                        return -1; // closed and drained
                    }
                    long now = System.nanoTime();
                    waitNanos = due[head] - now;
                    if (waitNanos <= 0) {
                        int n = 0;
                        while (n < len && size > 0 && due[head] <= now) {
                            b[off + n++] = data[head];
                            head = (head + 1) % data.length;
                            size--;
                        }
                        read += n;
                        delivered(now);
                        lock.notifyAll(); // someone awaiting delivered frames
                        return n;
                    }
                    reader = Thread.currentThread();
                }
                // the pacing: sleep until the head byte is off the line (close() unparks); not a busy loop
                java.util.concurrent.locks.LockSupport.parkNanos(this, waitNanos);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the paced link");
                }
            }
        }

        /** Stamps the frames whose CR has now been read (under the lock). */
        private void delivered(long now) {
            int done = 0;
            while (done < undelivered.size() && undelivered.get(done)[0] < read) {
                long[] f = undelivered.get(done++);
                if (frames.size() < MAX_FRAMES) {
                    frames.add(new FrameTiming((int) f[1], (int) f[2], (int) f[3], f[4], f[5], now));
                }
            }
            if (done > 0) {
                undelivered.subList(0, done).clear();
            }
        }

        List<FrameTiming> frames() {
            synchronized (lock) {
                return List.copyOf(frames);
            }
        }

        long strayBytes() {
            synchronized (lock) {
                return strayBytes;
            }
        }

        boolean awaitDelivered(int cid2, int count, long timeoutNanos) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            synchronized (lock) {
                while (true) {
                    long n = frames.stream().filter(f -> f.cid2() == cid2).count();
                    if (n >= count) {
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || closed) {
                        return false;
                    }
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            }
        }

        void close() {
            Thread r;
            synchronized (lock) {
                closed = true;
                size = 0; // the line is cut: what was on it is lost
                r = reader;
                lock.notifyAll();
            }
            if (r != null) {
                java.util.concurrent.locks.LockSupport.unpark(r);
            }
        }
    }
}
