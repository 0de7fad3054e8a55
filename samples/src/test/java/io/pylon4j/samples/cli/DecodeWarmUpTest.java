package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pylon decode} of a log of the size users decode (8,000 RS485 lines) runs compiled code on its every line well
 * before the end: the line loop and the decode path's methods are compiled by the JIT within those lines. Checked in a
 * fresh JVM with the launcher's C1-only JIT from the JVM's own compilation log, not by a timing: {@code -Xbatch} makes
 * each compilation happen when its method crosses its threshold, so what is compiled within 8,000 lines does not
 * depend on how loaded the machine is (benchmarks/README.md, "a measure with low variance").
 */
class DecodeWarmUpTest {

    @TempDir
    Path dir;

    /**
     * A loop the JIT is already running is compiled only after 60,000 turns ({@code Tier3BackEdgeThreshold}): one loop
     * over all the lines ran interpreted on every line of a log of 8,000 or 40,000 lines.
     */
    @Test
    void theLineLoopAndTheDecodePathAreCompiledWithin8000Lines() throws Exception {
        assertThat(C1DecodeLog.captureFrames()).as("the capture's frame lines").hasSize(22);
        Path file = C1DecodeLog.rs485Log(dir, 8000);

        List<String> compiled = C1DecodeLog.jitLog(dir, file, "-XX:+PrintCompilation").stream()
                .filter(l -> l.contains("io.pylon4j.")).toList();

        assertThat(compiled).as("the line loop, compiled (not still interpreted) within 8,000 lines")
                .anyMatch(l -> l.contains("io.pylon4j.samples.cli.DecodeRun$LineLoop::decodeBatch "));
        for (String method : List.of("io.pylon4j.transport.replay.LogLineReader::readLine ",
                "io.pylon4j.samples.cli.LogDecoder::decodeLine ", "io.pylon4j.samples.cli.Rs485LineDecoder::decode ",
                "io.pylon4j.rs485.Rs485FrameCodec::decode ", "io.pylon4j.samples.cli.Rs485Json::response ",
                "io.pylon4j.driver.json.JsonNamedMembers::name ")) {
            assertThat(compiled).as("%s compiled within 8,000 lines", method).anyMatch(l -> l.contains(method));
        }
    }

    /**
     * An RS485 decode's start-up loads what an RS485 log needs: the command table decodes through a switch, not a
     * lambda per entry (its 32 lambdas were as many classes spun at every start-up, their methods compiled on the
     * decode path, and a megamorphic interface call per line), and the CAN codec (about 120 classes, 64 of them
     * lambdas) is made at a log's first CAN frame, which an RS485 log never has.
     */
    @Test
    void anRs485DecodeLoadsNoCommandLambdaAndNoCanCodec() throws Exception {
        Path file = C1DecodeLog.rs485Log(dir, 22);

        List<String> loaded = C1DecodeLog.jitLog(dir, file, "-Xlog:class+load=info").stream()
                .filter(l -> l.contains(" io.pylon4j.")).toList();

        assertThat(loaded).as("the command table, loaded").anyMatch(l -> l.contains(" io.pylon4j.rs485.Command "));
        assertThat(loaded).as("lambda classes of the command table")
                .noneMatch(l -> l.contains("io.pylon4j.rs485.Command$$Lambda"));
        assertThat(loaded).as("the CAN codec's table").noneMatch(l -> l.contains(" io.pylon4j.can.CanMessageType"));
    }
}
