package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code pylon decode FILE} and {@code pylon --version} start without picocli's model and without
 * {@code java.util.logging} ({@link FastStart}), and print exactly what the full command line prints for the same
 * request (the explicit default {@code --inverter generic-pylon} sends {@code decode} through picocli).
 */
class FastStartTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"can-setfirelabs-us5000-v12-vs-v13.txt", "rs485-tomcat42-lowlevel-us2000b.txt",
            "can-dfch-byd-lvs-victron-venus.txt", "rs485-fhem-request-vectors.txt"})
    void decodeOfACaptureIsWhatTheFullCommandLinePrints(String capture) {
        String file = SharedCaptures.file(capture).toString();

        CliFailureTest.Run quick = CliFailureTest.run("decode", file);
        CliFailureTest.Run full = CliFailureTest.run("decode", "--inverter", "generic-pylon", file);

        assertThat(quick.out()).isNotEmpty().isEqualTo(full.out());
        assertThat(quick.err()).isEqualTo(full.err());
        assertThat(quick.status()).isEqualTo(full.status());
    }

    /** Missing, a directory, binary garbage: the same one line on standard error and the same exit status. */
    @Test
    void aFileThatCannotBeDecodedFailsAsOnTheFullCommandLine() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.log"), new byte[] {(byte) 0xFF, 0, '~', 'Z', '\n', 'x'});
        for (String file : List.of(dir.resolve("missing.log").toString(), dir.toString(), garbage.toString())) {
            CliFailureTest.Run quick = CliFailureTest.run("decode", file);
            CliFailureTest.Run full = CliFailureTest.run("decode", "--inverter", "generic-pylon", file);

            assertThat(quick.err()).as(file).isEqualTo(full.err());
            assertThat(quick.out()).as(file).isEqualTo(full.out());
            assertThat(quick.status()).as(file).isEqualTo(full.status()).isNotZero();
        }
    }

    @Test
    void versionIsWhatEveryCommandsVersionOptionPrints() {
        CliFailureTest.Run quick = CliFailureTest.run("--version");

        assertThat(quick.out()).isEqualTo("pylon4j " + PylonVersion.version() + System.lineSeparator())
                .isEqualTo(CliFailureTest.run("-V").out()).isEqualTo(CliFailureTest.run("decode", "--version").out());
        assertThat(quick.status()).isZero();
    }

    /** Options, '--', an argument file: the full command line reads them (picocli's errors and help included). */
    @Test
    void anythingButThePlainFormsGoesThroughPicocli() {
        assertThat(CliFailureTest.run("decode", "--bogus").err()).contains("pylon decode: Unknown option");
        assertThat(CliFailureTest.run("decode", "--help").out()).startsWith("Usage: pylon decode");
        assertThat(CliFailureTest.run("decode", "@" + dir.resolve("no-such-argfile")).status())
                .isEqualTo(ExitStatus.USAGE);
    }

    /**
     * The point of it: a fresh JVM decoding a capture, and one printing its version, load no picocli class and no
     * {@code java.util.logging} class (the JVM's own class-load log, not a timing).
     */
    @ParameterizedTest
    @ValueSource(strings = {"decode", "--version"})
    void aFreshJvmLoadsNeitherPicocliNorLogging(String command) throws Exception {
        Path classLog = dir.resolve("classes.log");
        List<String> java = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog, "-cp", System.getProperty("java.class.path"),
                PylonCli.class.getName(), command));
        if (command.equals("decode")) { // a CAN frame, and an RS485 request and its reply (the Tomcat42 capture)
            java.add(Files.writeString(dir.resolve("mixed.log"), "(1700000000.000000) can0 351#1402C012C012C201\n"
                    + "~20024642C0040202FCD1\n~20024600C06E00020F0D1F0D200D200D200D200D200D210D200D200D210D220D200D22"
                    + "0D220D21050BCD0BAF0BAF0BAF0BAF0015C4E88AAC02C350004FE594\n").toString());
        }
        Process process = new ProcessBuilder(java).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("pylon %s ended", command).isTrue();
        assertThat(process.exitValue()).as("exit status; stderr: %s", Files.readString(dir.resolve("err.txt")))
                .isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).isNotEmpty();

        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).as("the class-load log").anyMatch(l -> l.contains(" " + PylonCli.class.getName() + " "));
        assertThat(loaded.stream().filter(l -> l.contains(" picocli.")).toList()).as("picocli classes").isEmpty();
        assertThat(loaded.stream().filter(l -> l.contains(" java.util.logging.")).toList()).as("logging classes")
                .isEmpty();
    }
}
