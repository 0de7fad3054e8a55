package io.pylon4j.benchmarks;

import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.InfoFlag;
import io.pylon4j.rs485.ModuleAnalog;
import io.pylon4j.rs485.ReadResult;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.Rs485FrameCodec;
import io.pylon4j.rs485.Rs485FrameReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The RS485 hot path: a 16-module whole-stack 0x42 reply (15 cells, 5 temperatures, user-defined count 4 in every
 * module; 946 INFO bytes, 1910 bytes on the wire) cut from a byte stream by {@link Rs485FrameReader}, checked
 * (LENGTH, LCHKSUM, CHKSUM) and decoded into an {@link AnalogValues} record. Target: at most 20 µs.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Rs485 -prof gc -f 1 -wi 3 -i 5}; results in
 * {@code benchmarks/README.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Rs485StackReplyBenchmark {

    private final AnalogValuesRequest request = AnalogValuesRequest.wholeStack(0);
    private final Rs485FrameReader reader = new Rs485FrameReader();
    private final Consumer<ReadResult> sink = this::accept;
    private byte[] wire;
    private AnalogValues reply;
    private Rs485Frame frame;

    @Setup
    public void setUp() {
        List<ModuleAnalog> modules = new ArrayList<>();
        for (int m = 0; m < 16; m++) {
            int[] cells = new int[15];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = 3300 + (m * 7 + c * 3) % 40;
            }
            int[] temperatures = {2981 + m, 2961, 2961, 2971, 2961};
            modules.add(ModuleAnalog.withCount4(cells, temperatures, -61 + m, 49_149 + m, 32_560 + 100 * m, 74_000,
                    564 + m));
        }
        reply = new AnalogValues(request.address(), InfoFlag.of(0x11), 0xFF, modules);
        wire = reply.toFrame().encode();
        if (!deframeChecksumAndDecode().equals(reply)) {
            throw new IllegalStateException("the benchmark reply does not round-trip");
        }
    }

    private void accept(ReadResult result) {
        if (result instanceof ReadResult.Frame f) {
            frame = f.frame();
        } else {
            throw new IllegalStateException(result.toString());
        }
    }

    /** Bytes in, record out: deframe, check LENGTH and CHKSUM, decode the 16 module blocks. */
    @Benchmark
    public AnalogValues deframeChecksumAndDecode() {
        reader.push(wire, 0, wire.length, sink);
        return (AnalogValues) Rs485Codec.decodeResponse(request, frame);
    }

    /** The framing share of it: check one whole frame's bytes into an {@link Rs485Frame}. */
    @Benchmark
    public Rs485Frame frameOnly() {
        return Rs485FrameCodec.decode(wire);
    }

    /** The other direction, as a simulator would: record to wire bytes. */
    @Benchmark
    public byte[] encode() {
        return reply.toFrame().encode();
    }
}
