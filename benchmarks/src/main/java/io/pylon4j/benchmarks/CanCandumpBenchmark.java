package io.pylon4j.benchmarks;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CandumpFormat;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The text side of {@code pylon decode}: reading candump lines into frames, and into decoded messages, per line. The
 * lines are one second of a US5000 (see {@link CanDecodeBenchmark}) in candump log form ({@code candump -l}) and in
 * candump text form. See {@code benchmarks/README.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CanCandumpBenchmark {

    private final PylonCanCodec codec = PylonCanCodec.standard();
    private final String[] logLines = new String[CanDecodeBenchmark.FRAME_SET.length];
    private final String[] textLines = new String[CanDecodeBenchmark.FRAME_SET.length];

    public CanCandumpBenchmark() {
        CanFrame[] frames = CanDecodeBenchmark.frameSet();
        for (int i = 0; i < logLines.length; i++) {
            CanFrame frame = frames[i];
            logLines[i] = CandumpFormat.formatLog(1_700_000_000_000_000L + 10_000L * i, "can0", frame);
            textLines[i] = CandumpFormat.formatText("can0", frame);
        }
    }

    /** {@code (1700000000.000000) can0 351#1402C012C012C201} to a frame, per line. */
    @Benchmark
    @OperationsPerInvocation(6)
    public void parseLogLine(Blackhole blackhole) {
        for (String line : logLines) {
            blackhole.consume(CandumpFormat.parseFrame(line));
        }
    }

    /** {@code   can0  351   [8]  14 02 C0 12 C0 12 C2 01} to a frame, per line. */
    @Benchmark
    @OperationsPerInvocation(6)
    public void parseTextLine(Blackhole blackhole) {
        for (String line : textLines) {
            blackhole.consume(CandumpFormat.parseFrame(line));
        }
    }

    /** A log line to its decoded message, per line. */
    @Benchmark
    @OperationsPerInvocation(6)
    public void parseAndDecodeLogLine(Blackhole blackhole) {
        for (String line : logLines) {
            blackhole.consume(codec.decode(CandumpFormat.parseFrame(line)));
        }
    }
}
