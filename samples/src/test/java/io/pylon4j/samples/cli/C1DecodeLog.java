package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh {@code pylon decode} of a repeated RS485 capture in a JVM with the launcher's JIT (C1 only,
 * {@code bin/pylon}) and one of the JIT's own logs switched on, for the tests that read what C1 compiles and inlines
 * ({@link DecodeWarmUpTest}, {@link DecodeInliningTest}). {@code -Xbatch} makes each compilation happen when its
 * method crosses its threshold, so the log does not depend on how loaded the machine is.
 */
final class C1DecodeLog {

    private C1DecodeLog() {
    }

    /** The frame lines of the captured US2000B session (its {@code ->}/{@code <-} marks taken off). */
    static List<String> captureFrames() throws Exception {
        return Files.readAllLines(SharedCaptures.file("rs485-tomcat42-lowlevel-us2000b.txt")).stream()
                .map(String::strip).map(l -> l.replaceFirst("^[-<>]*\\s*", ""))
                .filter(l -> l.matches("~[0-9A-F]{12,}")).toList();
    }

    /** A log of {@code lines} lines in {@code dir}: the capture's frame lines, repeated. */
    static Path rs485Log(Path dir, int lines) throws Exception {
        List<String> frames = captureFrames();
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            log.append(frames.get(i % frames.size())).append('\n');
        }
        return Files.writeString(dir.resolve("rs485-" + lines + ".log"), log);
    }

    /**
     * The JIT's log of {@code pylon decode file}: what the JVM printed besides the decoded JSON lines.
     *
     * @param dir        where the run's output goes
     * @param file       the log to decode
     * @param logOptions the JVM options that switch the wanted log on
     */
    static List<String> jitLog(Path dir, Path file, String... logOptions) throws Exception {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn8m", "-Xbatch"));
        java.addAll(List.of(logOptions));
        java.addAll(List.of("-cp", System.getProperty("java.class.path"), PylonCli.class.getName(), "decode",
                file.toString()));
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
