package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.TransportCounters;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How many frames per second the transport takes from a real kernel without loss. {@code cangen} sends frames
 * with a 64-bit counter ({@code -D i}), so the test knows exactly which frames arrived, first as fast as it can
 * ({@code -g 0}: a flood that outruns the reader, to check the accounting), then in paced bursts of rising size
 * ({@code -g 1 -c N}: N frames every millisecond or so, as nanosleep allows). Every frame missing from the
 * sequence must be one the kernel counted as dropped ({@code SO_RXQ_OVFL}): nothing may be lost silently.
 *
 * <p>The kernel reports a socket's drops with the next frame it queues, so after each run the test sends one
 * marker frame (id 0x7FF) and waits for it: then the run's drops, including a dropped tail, have all been counted.
 * The figures are printed and written to {@code target/socketcan-throughput.txt} (quoted in docs/transports.md).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SocketCanThroughputIT {

    private static final int MARKER_ID = 0x7FF;

    /** Records which counter values arrived; cheap enough for the I/O thread, and written by it only. */
    private static final class Counter implements CanFrameListener {
        private final BitSet seen = new BitSet();
        volatile long received;
        volatile long duplicates;
        volatile long outOfOrder; // the kernel may reorder a flood when the sender moves between CPUs
        volatile long firstNanos;
        volatile long lastNanos;
        volatile boolean markerSeen;
        private long highest = -1;

        void reset() {
            seen.clear();
            markerSeen = false;
            received = 0;
            duplicates = 0;
            outOfOrder = 0;
            highest = -1;
        }

        @Override
        public void onFrame(CanFrame frame, long receivedNanoTime) {
            if (frame.id() == MARKER_ID) {
                markerSeen = true;
                return;
            }
            int seq = (int) frame.payload();
            if (seen.get(seq)) {
                duplicates++;
            }
            seen.set(seq);
            if (seq < highest) {
                outOfOrder++;
            }
            highest = Math.max(highest, seq);
            if (received == 0) {
                firstNanos = receivedNanoTime;
            }
            lastNanos = receivedNanoTime;
            received++;
        }

        /** Counter values below {@code n} that never arrived. Call after the marker was seen. */
        long missing(int n) {
            return n - seen.get(0, n).cardinality();
        }
    }

    private record Run(String gap, String burst, long sent, long received, long dropped, long missing,
                       long outOfOrder, double seconds,
                       double cangenSeconds) {

        double rate() {
            return received / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "cangen -g %s -c %-2s -n %d: received %d, dropped by the kernel %d "
                    + "(missing from the sequence %d, out of order %d), %.0f frames/s received over %.3f s; cangen took %.3f s (%.0f frames/s sent)",
                    gap, burst, sent, received, dropped, missing, outOfOrder, rate(), seconds, cangenSeconds, sent / cangenSeconds);
        }
    }

    @Test
    void takesAFloodFromCangenAndAccountsForEveryFrame() throws Exception {
        String iface = Vcan.assumeInterface();
        Counter counter = new Counter();
        List<Run> runs = new ArrayList<>();
        try (CanTransport can = Transports.fromServiceLoader().can("socketcan:" + iface,
                TransportOptions.defaults().withThreadNamePrefix("throughput"))) {
            can.addFrameListener(counter);
            can.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            // warm-up: let the JIT compile the receive path before measuring
            run(can, counter, iface, "0", "1", 20_000);
            runs.add(run(can, counter, iface, "0", "1", 50_000));
            runs.add(run(can, counter, iface, "0", "1", 50_000));
            for (String burst : List.of("10", "25", "50", "100", "150", "200")) {
                runs.add(run(can, counter, iface, "1", burst, 30_000));
            }
        }
        StringBuilder report = new StringBuilder("SocketCAN receive throughput on " + iface + " (kernel "
                + System.getProperty("os.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ")\n");
        runs.forEach(r -> report.append(r).append('\n'));
        Run bestLossless = runs.stream().filter(r -> r.dropped() == 0)
                .max((a, b) -> Double.compare(a.rate(), b.rate())).orElse(null);
        report.append("highest rate without loss: ").append(bestLossless == null ? "none (every run lost frames)"
                : String.format(Locale.ROOT, "%.0f frames/s (cangen -g %s -c %s)", bestLossless.rate(),
                        bestLossless.gap(), bestLossless.burst()))
                .append('\n');
        System.out.print(report);
        Path out = Path.of("target", "socketcan-throughput.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);

        for (Run r : runs) {
            assertThat(r.received() + r.dropped()).as("every frame received or counted as dropped: %s", r)
                    .isEqualTo(r.sent());
            assertThat(r.missing()).as("the frames missing from the sequence are the ones counted: %s", r)
                    .isEqualTo(r.dropped());
        }
        assertThat(bestLossless).as("at least one run without loss").isNotNull();
    }

    private static Run run(CanTransport can, Counter counter, String iface, String gap, String burst, int n)
            throws Exception {
        counter.reset();
        TransportCounters before = can.counters();
        long start = System.nanoTime();
        // cangen stays on one CPU: a sender that moves between CPUs makes vcan reorder frames (per-CPU backlogs)
        Vcan.run("taskset", "-c", "0", "cangen", iface, "-g", gap, "-c", burst, "-n", String.valueOf(n), "-I", "351", "-L", "8", "-D", "i",
                "-p", "100");
        double cangenSeconds = (System.nanoTime() - start) / 1e9;
        Vcan.run("cansend", iface, String.format("%03X#", MARKER_ID));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!counter.markerSeen && System.nanoTime() < deadline) {
            Thread.sleep(10); // test-side wait for the I/O thread to drain what the kernel queued
        }
        assertThat(counter.markerSeen).as("the marker frame after the run arrived").isTrue();
        long dropped = can.counters().droppedFrames() - before.droppedFrames();
        long received = counter.received;
        assertThat(counter.duplicates).as("frames delivered twice").isZero();
        assertThat(can.counters().framesIn() - before.framesIn()).isEqualTo(received + 1);
        double seconds = (counter.lastNanos - counter.firstNanos) / 1e9;
        return new Run(gap, burst, n, received, dropped, counter.missing(n), counter.outOfOrder, seconds,
                cangenSeconds);
    }
}
