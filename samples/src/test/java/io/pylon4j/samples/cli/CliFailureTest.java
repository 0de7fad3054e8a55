package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a user can point {@code pylon} at something wrong ends in one line on standard error naming what failed
 * and why, no stack trace, and the documented exit status (README, "Exit statuses").
 */
class CliFailureTest {

    @TempDir
    Path dir;

    /** What {@code pylon args…} did, run in this JVM through {@link PylonCli#run} with both streams captured. */
    record Run(int status, String out, String err) {

        /** Checks the failure is exactly one line of standard error, no stack frame in it, and the status. */
        Run failedWithOneLine(int expectedStatus, String... fragments) {
            assertThat(err.lines()).as("stderr of a failure is one line:%n%s", err).hasSize(1);
            assertThat(err).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
            assertThat(err).contains(fragments);
            assertThat(status).as("exit status; stderr: %s", err).isEqualTo(expectedStatus);
            return this;
        }
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int status = PylonCli.run(args);
            System.out.flush();
            System.err.flush();
            return new Run(status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** A loopback port nothing listens on (bound, then closed): a connection to it is refused. */
    private static int refusedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void decodeOfADirectorySaysItIsADirectory() {
        run("decode", dir.toString()).failedWithOneLine(2, "pylon decode: ", dir.toString(), "is a directory");
    }

    @Test
    void decodeOfAMissingFileSaysSo() {
        run("decode", dir.resolve("gone.log").toString()).failedWithOneLine(2, "no such file", "gone.log");
    }

    @Test
    void decodeOfAFileWhoseReadFailsSaysWhy() {
        // an honest read failure even for root: the process's own memory file opens but reading offset 0 is EIO
        Path unreadable = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(unreadable), "Linux /proc");

        Run run = run("decode", unreadable.toString()).failedWithOneLine(2, "pylon decode: cannot read /proc/self/mem");

        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownOptionIsOneLineNotTheUsage() {
        run("decode", "--bogus").failedWithOneLine(2, "pylon decode: Unknown option: '--bogus'",
                "see 'pylon decode --help'");
    }

    @Test
    void anUnknownInverterIsOneLine() {
        run("decode", "--inverter", "growatt").failedWithOneLine(2, "unknown inverter 'growatt'; known: generic-pylon");
    }

    @Test
    void dumpOfAReplayOfADirectoryIsOneLine() {
        run("dump", "--can", "replay:" + dir).failedWithOneLine(2, "pylon dump: ", "is a directory");
    }

    @Test
    void dumpOfAReplayOfAMissingFileIsOneLine() {
        run("dump", "--can", "replay:" + dir.resolve("gone.log")).failedWithOneLine(2, "pylon dump: ",
                "no readable file");
    }

    @Test
    void dumpOfARefusedEndpointIsOneLine() throws IOException {
        int port = refusedPort();
        // the same phrase as the driver's status, monitor, commission and scan (LinkFailures)
        run("dump", "--rs485", "tcp:127.0.0.1:" + port).failedWithOneLine(2,
                "pylon dump: cannot open tcp:127.0.0.1:" + port + ": connection refused by 127.0.0.1:" + port);
    }

    @Test
    void scanOfARefusedEndpointIsOneLineSayingWhy() throws IOException {
        int port = refusedPort();
        // the transport keeps retrying; after its connect window scan gives up and names the last failure
        run("scan", "tcp:127.0.0.1:" + port).failedWithOneLine(2,
                "pylon scan: cannot open tcp:127.0.0.1:" + port, "refused");
    }

    @Test
    void simulateOnAPortInUseIsOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            run("simulate", "--rs485", "tcp-listen:" + taken.getLocalPort()).failedWithOneLine(2,
                    "pylon simulate: ", "cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void anUnknownSchemeIsOneLineInEveryCommandThatTakesAnEndpoint() {
        run("dump", "--can", "carrier-pigeon:loft").failedWithOneLine(2, "pylon dump: unknown scheme 'carrier-pigeon'");
        run("monitor", "--can", "carrier-pigeon:loft").failedWithOneLine(2, "pylon monitor: unknown scheme");
        run("scan", "carrier-pigeon:loft").failedWithOneLine(2, "pylon scan: unknown scheme");
        run("simulate", "--rs485", "carrier-pigeon:loft").failedWithOneLine(2, "pylon simulate: unknown scheme");
        run("commission", "--can", "carrier-pigeon:loft").failedWithOneLine(2, "pylon commission: unknown scheme");
    }

    @Test
    void aBadOptionValueIsOneLineInEveryCommand() {
        run("dump", "--can", "virtual:x", "--max-frames", "many").failedWithOneLine(2, "pylon dump: ", "many");
        run("monitor", "--can", "virtual:x", "--max-events", "x").failedWithOneLine(2, "pylon monitor: ");
        run("scan", "--timeout-ms", "soon", "virtual:x").failedWithOneLine(2, "pylon scan: ");
        run("simulate", "--modules", "lots").failedWithOneLine(2, "pylon simulate: ");
        run("commission", "--seconds", "x").failedWithOneLine(2, "pylon commission: ");
        run("no-such-command").failedWithOneLine(2, "pylon: ", "no-such-command");
    }
    /** A command that fails in a way no command expects. */
    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug\nover two lines");
        }
    }

    @Test
    void anUnexpectedFailureIsOneLineWithItsTypeAndStatus70() {
        PrintStream err = System.err;
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int status;
        try {
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            status = PylonCli.commandLine().addSubcommand(new Boom()).execute("boom");
        } finally {
            System.setErr(err);
        }

        new Run(status, "", errBytes.toString(StandardCharsets.UTF_8)).failedWithOneLine(PylonCli.UNEXPECTED_FAILURE,
                "pylon boom: failed: IllegalStateException: a bug; over two lines");
    }
}
