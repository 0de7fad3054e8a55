package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        List<String> frames = Files.readAllLines(SharedCaptures.file("rs485-tomcat42-lowlevel-us2000b.txt")).stream()
                .map(String::strip).map(l -> l.replaceFirst("^[-<>]*\\s*", ""))
                .filter(l -> l.matches("~[0-9A-F]{12,}")).toList();
        assertThat(frames).as("the capture's frame lines").hasSize(22);
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 8000; i++) {
            log.append(frames.get(i % frames.size())).append('\n');
        }
        Path file = Files.writeString(dir.resolve("rs485-8000.log"), log);

        List<String> compiled = compilations(file).stream().filter(l -> l.contains("io.pylon4j.")).toList();

        assertThat(compiled).as("the line loop, compiled (not still interpreted) within 8,000 lines")
                .anyMatch(l -> l.contains("io.pylon4j.samples.cli.DecodeRun$LineLoop::decodeBatch "));
        for (String method : List.of("io.pylon4j.transport.replay.LogLineReader::readLine ",
                "io.pylon4j.samples.cli.LogDecoder::decodeLine ", "io.pylon4j.samples.cli.Rs485LineDecoder::decode ",
                "io.pylon4j.rs485.Rs485FrameCodec::decode ", "io.pylon4j.samples.cli.Rs485Json::response ",
                "io.pylon4j.driver.json.JsonNamedMembers::name ")) {
            assertThat(compiled).as("%s compiled within 8,000 lines", method).anyMatch(l -> l.contains(method));
        }
    }

    /** The JVM's compilation log ({@code -XX:+PrintCompilation}) of {@code pylon decode FILE} with the launcher's JIT. */
    private List<String> compilations(Path file) throws Exception {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn8m", "-Xbatch", "-XX:+PrintCompilation", "-cp",
                System.getProperty("java.class.path"), PylonCli.class.getName(), "decode", file.toString()));
        Path out = dir.resolve("out.txt");
        Process process = new ProcessBuilder(java).redirectOutput(out.toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        // a generous bound on a hang, not a speed check: the machine may be loaded
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("pylon decode ended").isTrue();
        assertThat(process.exitValue()).as("exit status; stderr: %s", Files.readString(dir.resolve("err.txt")))
                .isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).as("decoded lines besides the log").anyMatch(l -> l.startsWith("{\"bus\":\"rs485\""));
        return lines.stream().filter(l -> !l.startsWith("{")).toList();
    }
}
