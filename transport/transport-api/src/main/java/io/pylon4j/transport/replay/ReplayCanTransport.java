package io.pylon4j.transport.replay;

import io.pylon4j.can.CanCodecException;
import io.pylon4j.can.CanLogEntry;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CandumpFormat;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportClosedException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.BlockingCanTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A CAN transport that plays a recorded log back: every line {@link CandumpFormat#parse} understands (candump log,
 * candump text, {@code id#data} and the capture forms) becomes a received frame, in file order.
 *
 * <p>Endpoint: {@code replay:FILE[?pace=recorded|fast][&loop=N]}.
 * <ul>
 *   <li>{@code pace=recorded} (the default) delivers each frame at its recorded time relative to the first frame of
 *       the pass; lines without a timestamp, and timestamps that go backwards, are delivered at once.
 *       {@code pace=fast} delivers as fast as the listeners take them.</li>
 *   <li>{@code loop=N} plays the file N times (default 1); {@code loop=0} plays it until closed. Each pass restarts
 *       its timing.</li>
 * </ul>
 *
 * <p>Blank lines and {@code #} comments are skipped. A line that is not a frame is skipped too, never fatal, and its
 * bytes are counted in {@link io.pylon4j.transport.TransportCounters#discardedBytes()}; {@code bytesIn} counts
 * every byte read from the file. The file is read by a {@link LogLineReader}: any bytes (what is not UTF-8 is
 * replaced, so a Latin-1 comment does not end the replay) and at most 64 KiB of a line held in memory (a longer line
 * is read through, discarded and counted).
 *
 * <p><b>When the file ends</b> the transport stays {@link ConnectionState#CONNECTED} and silent, like a bus whose
 * traffic stopped: a driver under test sees what it would see live (silence, for its own supervision to judge),
 * not a disconnect it would try to repair. {@link #finished()} says when the last pass is done. A replay never
 * reconnects: the reconnect policy of the options is replaced by {@link ReconnectPolicy#NO_RETRY}, so a file that
 * cannot be read ends in {@link ConnectionState#FAILED}.
 *
 * <p>A replay has no bus to send to: {@link #send} accepts frames while connected and counts them in
 * {@code framesOut}, like a bus no one else is on.
 */
public final class ReplayCanTransport extends BlockingCanTransport {

    /** How fast to play a log. */
    public enum Pace {
        /** At the recorded timestamps, relative to the first frame of each pass. */
        RECORDED,
        /** As fast as the listeners take the frames. */
        FAST
    }

    private final Path file;
    private final Pace pace;
    private final int loops;
    private final CompletableFuture<Long> finished = new CompletableFuture<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile LogLineReader reader;

    /**
     * A replay of {@code file}; {@link #open()} starts it.
     *
     * @param file    the candump log to play, read afresh on each pass
     * @param pace    at the recorded timestamps, or as fast as the listeners take the frames
     * @param loops   how many passes, 0 for endless
     * @param options thread name prefix (the reconnect policy is ignored, see above)
     */
    public ReplayCanTransport(Path file, Pace pace, int loops, TransportOptions options) {
        this(new Endpoint("replay:" + file, "replay", file.toString(),
                        Map.of("pace", pace.name().toLowerCase(java.util.Locale.ROOT), "loop", Integer.toString(loops))),
                file, pace, loops, options);
    }

    ReplayCanTransport(Endpoint endpoint, Path file, Pace pace, int loops, TransportOptions options) {
        super(endpoint, options.withReconnectPolicy(ReconnectPolicy.NO_RETRY));
        this.file = Objects.requireNonNull(file, "file");
        this.pace = Objects.requireNonNull(pace, "pace");
        if (loops < 0) {
            throw new IllegalArgumentException("loops must not be negative: " + loops);
        }
        this.loops = loops;
    }

    /**
     * Completes with the number of frames played (before the receive filter) when the last pass is done (never,
     * for endless replays); completes exceptionally if the replay is closed or fails first.
     *
     * @return a stage with the count of frames played over all passes
     */
    public CompletionStage<Long> finished() {
        return finished.copy();
    }

    @Override
    protected void connect() throws IOException {
        reader = new LogLineReader(Files.newInputStream(file));
    }

    @Override
    protected void readLoop() throws Exception {
        long played = 0;
        try {
            for (int pass = 1; loops == 0 || pass <= loops; pass++) {
                try (LogLineReader in = pass == 1 ? reader : new LogLineReader(Files.newInputStream(file))) {
                    reader = in; // so that disconnect() can close it
                    if (closed.getCount() == 0) {
                        throw new InterruptedException("closed during replay");
                    }
                    played += playOnePass(in);
                }
            }
        } catch (Exception e) {
            finished.completeExceptionally(e);
            throw e;
        }
        finished.complete(played);
        closed.await(); // stay connected and silent until closed (close() also interrupts this thread)
    }

    /** Plays the file once; returns the number of frames played. */
    private long playOnePass(LogLineReader in) throws IOException, InterruptedException {
        long delivered = 0;
        long firstMicros = Long.MIN_VALUE;
        long startNanos = 0;
        LogLineReader.Line line;
        while (closed.getCount() > 0 && (line = in.readLine()) != null) {
            long length = line.lengthBytes();
            metrics().bytesIn(length);
            if (line.truncated()) {
                metrics().discarded(length); // far longer than any frame: not one
                continue;
            }
            String s = line.text().strip();
            if (s.isEmpty() || s.charAt(0) == '#') {
                continue;
            }
            CanLogEntry entry;
            try {
                entry = CandumpFormat.parse(s);
            } catch (CanCodecException e) {
                metrics().discarded(length);
                continue;
            }
            if (pace == Pace.RECORDED && entry.hasTimestamp()) {
                if (firstMicros == Long.MIN_VALUE) {
                    firstMicros = entry.timestampMicros();
                    startNanos = System.nanoTime();
                } else {
                    long due = startNanos + TimeUnit.MICROSECONDS.toNanos(entry.timestampMicros() - firstMicros);
                    long wait = due - System.nanoTime();
                    if (wait > 0 && closed.await(wait, TimeUnit.NANOSECONDS)) {
                        throw new InterruptedException("closed during replay");
                    }
                }
            }
            CanFrame frame = entry.frame();
            deliver(frame, System.nanoTime());
            delivered++;
        }
        return delivered;
    }

    @Override
    protected void disconnect() {
        closed.countDown();
        finished.completeExceptionally(new TransportClosedException(endpoint()));
        LogLineReader r = reader;
        reader = null;
        if (r != null) {
            try {
                r.close();
            } catch (IOException e) {
                metrics().error();
            }
        }
    }

    @Override
    protected void write(CanFrame frame) {
        // a replay has no bus: the frame is counted in framesOut by send() and goes nowhere
    }
}
