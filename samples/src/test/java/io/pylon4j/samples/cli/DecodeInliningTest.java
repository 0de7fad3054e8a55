package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What C1, {@code pylon decode}'s only compiler ({@code bin/pylon}), inlines on the decode path, from the JVM's own
 * inlining log of a fresh {@code pylon decode} of 8,000 RS485 lines ({@code -XX:+PrintInlining}, with {@code -Xbatch}
 * so that the log does not depend on the machine's load). C1 inlines a method of at most 35 bytes of bytecode
 * ({@code C1MaxInlineSize}); a method a line calls dozens of times must stay under it, or each use is a call
 * (benchmarks/README.md, "RS485 per line, fifth pass").
 */
class DecodeInliningTest {

    @TempDir
    Path dir;

    /** {@code JsonBuffer.ensure} runs several times a JSON member; its growth is apart so that the check is inlined. */
    @Test
    void theJsonBuffersRoomCheckIsInlinedByC1() throws Exception {
        List<String> ensure = inliningLog(rs485Log(8000)).stream()
                .filter(l -> l.contains("io.pylon4j.driver.json.JsonBuffer::ensure ")).toList();

        assertThat(ensure).as("JsonBuffer::ensure call sites compiled within 8,000 lines").isNotEmpty();
        assertThat(ensure).as("JsonBuffer::ensure inlined at every call site")
                .allMatch(l -> l.strip().endsWith("inline"));
    }

    private Path rs485Log(int lines) throws Exception {
        List<String> frames = Files.readAllLines(SharedCaptures.file("rs485-tomcat42-lowlevel-us2000b.txt")).stream()
                .map(String::strip).map(l -> l.replaceFirst("^[-<>]*\\s*", ""))
                .filter(l -> l.matches("~[0-9A-F]{12,}")).toList();
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            log.append(frames.get(i % frames.size())).append('\n');
        }
        return Files.writeString(dir.resolve("rs485-" + lines + ".log"), log);
    }

    /** The inlining log of {@code pylon decode FILE} in a fresh JVM with the launcher's JIT (C1 only). */
    private List<String> inliningLog(Path file) throws Exception {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn8m", "-Xbatch", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+PrintInlining", "-cp", System.getProperty("java.class.path"), PylonCli.class.getName(), "decode",
                file.toString());
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
