package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pylon decode} reads any bytes and holds a bounded amount whatever the input: a Latin-1 byte costs one line,
 * not the log; a 100 MB line and 250 one-megabyte lines before the first frame decode in a JVM of 64 MB heap. The
 * heap cases run the real command line ({@link PylonCli#main}) in a child JVM with {@code -Xmx64m}.
 */
class DecodeAnyInputTest {

    private static final String LIMITS = "(1.0) can0 351#1402E8030000E803";
    private static final String SOC = "(1.1) can0 355#58005E00";

    @TempDir
    Path dir;

    @Test
    void aLatin1ByteCostsItsOwnLineAndTheGoodLinesDecode() throws IOException {
        Path log = dir.resolve("latin1.log");
        Files.write(log, (LIMITS + "\n# bank room at 25\u00B0C\nbattery at 25\u00B0C\n" + SOC + "\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        CliFailureTest.Run run = CliFailureTest.run("decode", log.toString());

        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out().lines().toList().get(0)).contains("\"id\":\"0x351\"").doesNotContain("error");
        assertThat(run.out().lines().toList().get(1)).contains("\"error\"").contains("battery at 25\uFFFDC");
        assertThat(run.out().lines().toList().get(2)).contains("\"id\":\"0x355\"").doesNotContain("error");
        assertThat(run.status()).as("a line failed").isEqualTo(1);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aHundredMegabyteLineIsOneTruncatedErrorLineInA64MegabyteHeap() throws Exception {
        Path log = dir.resolve("long-line.log");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 16)) {
            out.write((LIMITS + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] megabyte = new byte[1 << 20];
            Arrays.fill(megabyte, (byte) 'A');
            for (int i = 0; i < 100; i++) {
                out.write(megabyte);
            }
            out.write(("\n" + SOC + "\n").getBytes(StandardCharsets.US_ASCII));
        }

        Child child = decodeInSmallHeap(log);

        assertThat(child.err()).as("stderr").isEmpty();
        assertThat(child.lines()).hasSize(3);
        assertThat(child.lines().get(0)).contains("\"id\":\"0x351\"");
        assertThat(child.lines().get(1)).startsWith("{\"bus\":\"can\",\"error\":\"line too long: 104857601 bytes")
                .contains("\"input\":\"" + "A".repeat(65536) + "\"}");
        assertThat(child.lines().get(1)).hasSizeLessThan(65536 + 200);
        assertThat(child.lines().get(2)).contains("\"id\":\"0x355\"");
        assertThat(child.status()).isEqualTo(1);
    }

    @Test
    void twoHundredFiftyMegabyteLinesBeforeTheFirstFrameDecodeInA64MegabyteHeap() throws Exception {
        Path log = dir.resolve("junk-first.log");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 16)) {
            byte[] megabyte = new byte[1 << 20];
            Arrays.fill(megabyte, (byte) 'x');
            megabyte[megabyte.length - 1] = '\n';
            for (int i = 0; i < 250; i++) {
                out.write(megabyte);
            }
            out.write(("~20024A00C0060101FC8B\r\n").getBytes(StandardCharsets.US_ASCII));
        }

        Child child = decodeInSmallHeap(log);

        assertThat(child.err()).as("stderr").isEmpty();
        assertThat(child.lines()).as("one object per line").hasSize(251);
        assertThat(child.lines().subList(0, 250)).allSatisfy(line ->
                assertThat(line).contains("\"error\":\"line too long: 1048576 bytes"));
        assertThat(child.lines().get(250)).startsWith("{\"bus\":\"rs485\"");
        assertThat(child.status()).isEqualTo(1);
    }

    /** What a child JVM running {@code pylon decode FILE} printed and returned. */
    record Child(int status, List<String> lines, String err) {
    }

    private Child decodeInSmallHeap(Path log) throws Exception {
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                PylonCli.class.getName(), "decode", log.toString()));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        try {
            // a bound on a hang, not a speed assertion: the decode takes a few seconds
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the child ends").isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Child(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
