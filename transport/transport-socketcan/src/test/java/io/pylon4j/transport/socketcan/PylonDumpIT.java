package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pylon4j.can.CanFrame;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pylon dump --can socketcan:vcan0} against {@code canplayer} replaying the shared captures: its JSON Lines
 * must be exactly those of {@code ./pylon decode} of the same log. Needs the {@code pylon} command line built
 * ({@code ./pylon --help} builds it) and the VM of {@code scripts/socketcan-vm-test.sh}.
 *
 * <p>When {@code samples} (the command line) does not have this transport on its class path yet, the test runs the
 * same {@code PylonCli} (for dump and decode alike) with this module's classes and JavaCAN added to the class path,
 * which is what {@code ./pylon} does once it has them, and says so on standard output. {@code ./pylon} rebuilds
 * itself when sources changed since its last build: run {@code ./pylon --help} on the host first, so that it does
 * not try that (offline and emulated) inside the VM.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PylonDumpIT {

    private static final String PROBE = "7FF#0BADCAFE";

    @Test
    void dumpOfTheLiveBusIsTheDecodeOfItsLog(@TempDir Path dir) throws Exception {
        String iface = Vcan.assumeInterface();
        Path root = Path.of("").toAbsolutePath().getParent().getParent(); // the module is transport/transport-socketcan
        Path samples = root.resolve("samples/target");
        assumeTrue(Files.isDirectory(samples.resolve("classes")) && Files.isDirectory(samples.resolve("lib")),
                "the pylon command line is not built: run ./pylon --help first");

        List<CanFrame> frames = Captures.allFrames();
        Path log = dir.resolve("captures.log");
        Files.writeString(log, Captures.candumpLog(frames, iface));

        List<String> dump = new ArrayList<>(pylon(root, samples));
        dump.addAll(List.of("dump", "--can", "socketcan:" + iface, "--idle-timeout", "3"));
        Path dumpOut = dir.resolve("dump.jsonl");
        Path dumpErr = dir.resolve("dump.err");
        Process dumping = new ProcessBuilder(dump).directory(root.toFile())
                .redirectOutput(dumpOut.toFile()).redirectError(dumpErr.toFile()).start();
        try {
            // pylon dump gives no sign that it listens other than printing what it hears: probe until it does
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Files.size(dumpOut) == 0) {
                assertThat(dumping.isAlive()).as("pylon dump runs; its standard error: %s",
                        Files.exists(dumpErr) ? Files.readString(dumpErr) : "").isTrue();
                assertThat(System.nanoTime()).as("pylon dump printed a probe within 60 s").isLessThan(deadline);
                Vcan.run("cansend", iface, PROBE);
                dumping.waitFor(300, TimeUnit.MILLISECONDS);
            }
            Vcan.run("canplayer", "-I", log.toString());
            assertThat(dumping.waitFor(90, TimeUnit.SECONDS)).as("pylon dump stopped after its idle timeout").isTrue();
        } finally {
            dumping.destroyForcibly();
        }

        List<String> decode = new ArrayList<>(pylon(root, samples));
        decode.addAll(List.of("decode", log.toString()));
        Process decoding = new ProcessBuilder(decode).directory(root.toFile()).redirectErrorStream(false).start();
        String decoded = Vcan.drain(decoding.getInputStream()).get(90, TimeUnit.SECONDS);
        assertThat(decoding.waitFor(90, TimeUnit.SECONDS)).isTrue();

        List<String> live = Files.readAllLines(dumpOut).stream()
                .filter(line -> !line.contains("\"id\":\"0x7FF\"")) // the probes
                .toList();
        List<String> expected = decoded.lines().toList();
        assertThat(expected).hasSize(frames.size());
        assertThat(live).containsExactlyElementsOf(expected);
        assertThat(dumping.exitValue()).as("dump and decode agree on success, standard error: %s",
                Files.readString(dumpErr)).isEqualTo(decoding.exitValue());
        System.out.println("pylon dump --can socketcan:" + iface + " printed the " + live.size()
                + " JSON lines of ./pylon decode; " + Files.readString(dumpErr).lines()
                .filter(l -> l.startsWith("# dump:")).reduce((a, b) -> b).orElse(""));
    }

    /** {@code ./pylon}, or the same command line with this transport added when samples does not have it yet. */
    static List<String> pylon(Path root, Path samples) throws Exception {
        boolean hasSocketCan;
        try (Stream<Path> lib = Files.list(samples.resolve("lib"))) {
            hasSocketCan = lib.anyMatch(p -> p.getFileName().toString().startsWith("pylon4j-transport-socketcan"));
        }
        if (hasSocketCan) {
            return List.of(root.resolve("pylon").toString());
        }
        System.out.println("note: samples does not have pylon4j-transport-socketcan (and a JavaCAN JNI jar) on its "
                + "class path yet; running its PylonCli with them added, as ./pylon will once it has them");
        String classPath = String.join(File.pathSeparator, samples.resolve("classes").toString(),
                samples.resolve("lib") + File.separator + "*", Path.of("target", "classes").toAbsolutePath().toString(),
                Files.readString(Path.of("target", "test-classpath.txt")).strip());
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-cp", classPath, "io.pylon4j.samples.cli.PylonCli");
    }
}
