package io.pylon4j.transport.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameQueue;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.contract.StateRecorder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Three frames, a comment, a blank line and two lines that are not frames. */
    private static final String LOG = String.join("\n",
            "# a capture",
            "(1700000000.000000) can0 351#1402C012C012C201",
            "",
            "(1700000000.002000) can0 355#58005E00",
            "this is not a frame",
            "(1700000000.004000) can0 12345678#00",
            "  can0  356   [6]  7A 13 F2 FE 6B 01",
            "");

    private static final List<CanFrame> FRAMES = List.of(CanFrame.ofHex(0x351, "1402C012C012C201"),
            CanFrame.ofHex(0x355, "58005E00"), CanFrame.ofHex(0x356, "7A13F2FE6B01"));

    @TempDir
    Path dir;

    private Path log() throws Exception {
        return Files.writeString(dir.resolve("bank.log"), LOG, StandardCharsets.UTF_8);
    }

    private static List<CanFrame> take(CanFrameQueue queue, int n) throws InterruptedException {
        List<CanFrame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CanFrame frame = queue.poll(WAIT);
            assertThat(frame).as("frame %d of %d", i + 1, n).isNotNull();
            out.add(frame);
        }
        return out;
    }

    @Test
    void playsEveryFrameInOrderSkipsAndCountsGarbageAndStaysConnectedWhenDone() throws Exception {
        Path file = log();
        CanFrameQueue received = new CanFrameQueue(100);
        StateRecorder states = new StateRecorder();
        try (CanTransport replay = Transports.fromServiceLoader().can("replay:" + file + "?pace=fast")) {
            replay.addFrameListener(received);
            replay.addStateListener(states);
            replay.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(((ReplayCanTransport) replay).finished().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isEqualTo(3);
            assertThat(take(received, 3)).containsExactlyElementsOf(FRAMES);
            assertThat(replay.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(states.states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
            assertThat(replay.counters().framesIn()).isEqualTo(3);
            assertThat(replay.counters().bytesIn()).isEqualTo(LOG.getBytes(StandardCharsets.UTF_8).length);
            assertThat(replay.counters().discardedBytes())
                    .isEqualTo("this is not a frame\n".length() + "(1700000000.004000) can0 12345678#00\n".length());
            replay.send(CanFrame.ofHex(0x305, "00")); // goes nowhere, counted
            assertThat(replay.counters().framesOut()).isEqualTo(1);
        }
    }

    @Test
    void loopsAsOftenAsToldAndPlaysAtRecordedPaceInOrder() throws Exception {
        Path file = log();
        CanFrameQueue received = new CanFrameQueue(100);
        try (ReplayCanTransport replay = new ReplayCanTransport(file, ReplayCanTransport.Pace.RECORDED, 2,
                TransportOptions.defaults())) {
            replay.addFrameListener(received);
            replay.open();
            assertThat(replay.finished().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(6);
            List<CanFrame> twice = new ArrayList<>(FRAMES);
            twice.addAll(FRAMES);
            assertThat(take(received, 6)).containsExactlyElementsOf(twice);
            assertThat(replay.endpoint()).startsWith("replay:").contains("bank.log");
        }
    }

    @Test
    void recordedPaceKeepsTheLogsSpacingAndFastPaceTheSameFrames() throws Exception {
        // four frames 200 ms apart, as a bank sends its cycle
        Path file = Files.writeString(dir.resolve("paced.log"), String.join("\n",
                "(1700000000.000000) can0 351#1402C012C012C201",
                "(1700000000.200000) can0 355#58005E00",
                "(1700000000.400000) can0 356#7A13F2FE6B01",
                "(1700000000.600000) can0 359#0000000000000000",
                ""), StandardCharsets.UTF_8);
        List<CanFrame> frames = List.of(CanFrame.ofHex(0x351, "1402C012C012C201"), CanFrame.ofHex(0x355, "58005E00"),
                CanFrame.ofHex(0x356, "7A13F2FE6B01"), CanFrame.ofHex(0x359, "0000000000000000"));
        List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        CanFrameQueue paced = new CanFrameQueue(10);
        try (CanTransport replay = Transports.fromServiceLoader().can("replay:" + file + "?pace=recorded")) {
            replay.addFrameListener((frame, nanos) -> arrivals.add(nanos));
            replay.addFrameListener(paced);
            replay.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(((ReplayCanTransport) replay).finished().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isEqualTo(4);
        }
        assertThat(take(paced, 4)).containsExactlyElementsOf(frames);
        // Recorded pace promises each frame no earlier than its offset from the first: lower bounds only (a slow
        // machine may deliver late, never early), with 50 ms allowed for the first frame's own delivery. Ignoring
        // the pace would deliver all four within a few milliseconds.
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(0)))
                    .as("frame %d after the first", i).isGreaterThanOrEqualTo(Duration.ofMillis(200L * i - 50));
            assertThat(Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1)))
                    .as("gap before frame %d", i).isPositive();
        }

        CanFrameQueue fast = new CanFrameQueue(10);
        try (CanTransport replay = Transports.fromServiceLoader().can("replay:" + file + "?pace=fast")) {
            replay.addFrameListener(fast);
            replay.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(((ReplayCanTransport) replay).finished().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isEqualTo(4);
        }
        assertThat(take(fast, 4)).containsExactlyElementsOf(frames);
    }

    @Test
    void closingAnEndlessReplayEndsItAndItsThread() throws Exception {
        Path file = log();
        CanFrameQueue received = new CanFrameQueue(10);
        ReplayCanTransport replay = new ReplayCanTransport(file, ReplayCanTransport.Pace.FAST, 0,
                TransportOptions.defaults().withThreadNamePrefix("endless"));
        replay.addFrameListener(received);
        replay.open();
        take(received, 10); // it keeps going; the queue drops the rest
        replay.close();
        assertThat(replay.finished().toCompletableFuture()).isCompletedExceptionally();
        assertThat(io.pylon4j.transport.contract.Threads.alive("endless", WAIT)).isEmpty();
    }

    @Test
    void badEndpointsFailAtOnce() throws Exception {
        Transports transports = Transports.fromServiceLoader();
        Path file = log();
        assertThatThrownBy(() -> transports.can("replay:" + dir.resolve("missing.log")))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("no readable file");
        assertThatThrownBy(() -> transports.can("replay:" + file + "?pace=slow"))
                .hasMessageContaining("pace=slow is not recorded or fast");
        assertThatThrownBy(() -> transports.can("replay:" + file + "?loop=-1")).hasMessageContaining("negative");
        assertThatThrownBy(() -> transports.can("replay:" + file + "?speed=2"))
                .hasMessageContaining("unknown parameter 'speed'");
        assertThatThrownBy(() -> transports.byteStream("replay:" + file)).hasMessageContaining("not a byte-stream");
    }

    @Test
    void aFileThatVanishesBeforeOpenFailsWithoutRetrying() throws Exception {
        Path file = log();
        StateRecorder states = new StateRecorder();
        try (CanTransport replay = Transports.fromServiceLoader().can("replay:" + file)) {
            replay.addStateListener(states);
            Files.delete(file);
            assertThatThrownBy(() -> replay.open().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(java.nio.file.NoSuchFileException.class);
            assertThat(states.states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.FAILED);
        }
    }
    @Test
    void aLatin1ByteAndAnOverLongLineNeitherEndNorStallTheReplay() throws Exception {
        // a Latin-1 degree sign in a comment, then a 1 MB line: each used to end the replay (MalformedInputException)
        // or to be held whole in memory; now both are read through and the frames around them play
        byte[] latin1 = "# bank at 25\u00B0C\n(1.0) can0 351#1402C012C012C201\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] longLine = ("x".repeat(1 << 20) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "(1.1) can0 355#58005E00\n".getBytes(StandardCharsets.US_ASCII);
        Path file = dir.resolve("latin1.log");
        try (var out = Files.newOutputStream(file)) {
            out.write(latin1);
            out.write(longLine);
            out.write(tail);
        }
        CanFrameQueue received = new CanFrameQueue(100);
        try (CanTransport replay = Transports.fromServiceLoader().can("replay:" + file + "?pace=fast")) {
            replay.addFrameListener(received);
            replay.open().toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(((ReplayCanTransport) replay).finished().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isEqualTo(2);
            assertThat(take(received, 2)).containsExactlyElementsOf(FRAMES.subList(0, 2));
            assertThat(replay.counters().bytesIn()).isEqualTo(latin1.length + longLine.length + tail.length);
            assertThat(replay.counters().discardedBytes()).isEqualTo(longLine.length);
            assertThat(replay.counters().errors()).isZero();
            assertThat(replay.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void aDirectoryIsRefusedAsAnEndpointNamingWhy() {
        assertThatThrownBy(() -> Transports.fromServiceLoader().can("replay:" + dir))
                .isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("is a directory");
    }
}
