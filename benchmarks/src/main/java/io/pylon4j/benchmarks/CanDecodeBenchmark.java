package io.pylon4j.benchmarks;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.PylonCanCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding (and encoding) one second of a Pylontech bank's CAN traffic: the six V1.2 frames a real US5000 sends once a
 * second (Setfire Labs capture, [SFL13]).
 *
 * <p>{@code decodeFrameSet} is one operation per frame set, {@code decodeFrame} the same loop reported per frame
 * ({@code @OperationsPerInvocation(6)}); {@code encodeFrameSet} turns the six records back into frames. Run with
 * {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per operation, which for decoding should be the
 * six records and nothing else. See {@code benchmarks/README.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CanDecodeBenchmark {

    /** One second of a US5000 with V1.2 firmware: 0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E. */
    static final String[][] FRAME_SET = {
            {"351", "1402C012C012C201"}, {"355", "58005E00"}, {"356", "7A13F2FE6B01"},
            {"359", "0000000006504E"}, {"35C", "C000"}, {"35E", "50594C4F4E202020"}};

    /** {@link #FRAME_SET} as frames, new ones each call; the one place its hex is read, for every CAN benchmark. */
    static CanFrame[] frameSet() {
        CanFrame[] frames = new CanFrame[FRAME_SET.length];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = CanFrame.ofHex(Integer.parseInt(FRAME_SET[i][0], 16), FRAME_SET[i][1]);
        }
        return frames;
    }

    private final PylonCanCodec codec = PylonCanCodec.standard();
    private CanFrame[] frames;
    private CanMessage[] messages;

    @Setup
    public void setUp() {
        frames = frameSet();
        messages = new CanMessage[frames.length];
        for (int i = 0; i < frames.length; i++) {
            messages[i] = codec.decode(frames[i]);
        }
    }

    /** The six frames, decoded: one operation is one second's frame set. */
    @Benchmark
    public void decodeFrameSet(Blackhole blackhole) {
        for (CanFrame frame : frames) {
            blackhole.consume(codec.decode(frame));
        }
    }

    /** The same work, reported per frame. */
    @Benchmark
    @OperationsPerInvocation(6)
    public void decodeFrame(Blackhole blackhole) {
        for (CanFrame frame : frames) {
            blackhole.consume(codec.decode(frame));
        }
    }

    /** The six records, encoded back into frames: one operation is one second's frame set. */
    @Benchmark
    public void encodeFrameSet(Blackhole blackhole) {
        for (CanMessage message : messages) {
            blackhole.consume(codec.encode(message));
        }
    }
}
