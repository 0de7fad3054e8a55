package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code pylon monitor}'s live view writes screen clears only into a terminal: through a pipe (standard output of
 * this test JVM is one, and the view goes through a real {@link PipedInputStream}) each view follows the last after
 * an empty line, with no escape sequence in the stream.
 */
@Timeout(60)
class MonitorPlainOutputTest {

    private static final String ESC = "\033";

    @Test
    void aPipeGetsNoEscapeSequencesOnlyViewsSeparatedByAnEmptyLine() throws Exception {
        assertThat(Terminal.stdoutIsTerminal()).as("surefire's standard output is a pipe").isFalse();

        String seen = twoViews(new MonitorCommand(), "--can", "virtual:monitor-plain-pipe");

        assertThat(seen).doesNotContain(ESC).contains("\n\nbank bank ");
    }

    @Test
    void aTerminalGetsTheScreenClearedBeforeEachView() throws Exception {
        MonitorCommand command = new MonitorCommand();
        command.stdoutIsTerminal = () -> true;

        String seen = twoViews(command, "--can", "virtual:monitor-plain-tty");

        assertThat(seen).contains(MonitorCommand.CLEAR_SCREEN + "bank bank ");
    }

    @Test
    void plainKeepsEscapesOutOfATerminalToo() throws Exception {
        MonitorCommand command = new MonitorCommand();
        command.stdoutIsTerminal = () -> true;

        assertThat(twoViews(command, "--can", "virtual:monitor-plain-flag", "--plain")).doesNotContain(ESC);
        MonitorCommand alias = new MonitorCommand();
        alias.stdoutIsTerminal = () -> true;
        assertThat(twoViews(alias, "--can", "virtual:monitor-plain-alias", "--no-color")).doesNotContain(ESC);
    }

    /** Runs the live view with its output into a pipe until two views came through, then stops it. */
    private static String twoViews(MonitorCommand command, String... args) throws IOException, InterruptedException {
        PipedInputStream in = new PipedInputStream(1 << 20);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new PipedOutputStream(in), StandardCharsets.UTF_8));
        CommandLine cli = new CommandLine(command).setOut(out).setErr(new PrintWriter(new StringWriter()));
        Thread monitor = new Thread(() -> cli.execute(args), "monitor-under-test");
        monitor.start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int views = 0;
            String line;
            while (views < 2 && (line = reader.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains("bank bank ")) {
                    views++;
                }
            }
        } finally {
            monitor.interrupt(); // the live view runs until stopped; interrupting it closes the driver
            monitor.join(10_000);
        }
        assertThat(monitor.isAlive()).as("monitor stopped").isFalse();
        return seen.toString();
    }
}
