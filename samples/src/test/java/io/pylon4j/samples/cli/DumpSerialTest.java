package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CandumpFormat;
import io.pylon4j.transport.serial.ByteInbox;
import io.pylon4j.transport.serial.FakeSlcanAdapter;
import io.pylon4j.transport.serial.PtyPeer;
import io.pylon4j.transport.serial.SocatPtyPair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pylon dump} on real pseudo-terminals made by socat: an SLCAN adapter (a fake one on the far end) carrying
 * the US5000 capture, and a serial line carrying a real US2000B-Plus RS485 session. The output must be exactly
 * {@code pylon decode}'s for the same traffic as a log.
 */
class DumpSerialTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService dumper = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-dump-serial"));

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        dumper.shutdownNow();
        assertThat(dumper.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void slcanAdapterOnAPseudoTerminalDumpsWhatDecodePrints() throws Exception {
        String log = resource(DemoCommand.CAPTURE);
        List<CanFrame> frames = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                frames.add(CandumpFormat.parseFrame(line));
            }
        }
        try (SocatPtyPair ptys = SocatPtyPair.start(dir);
             FakeSlcanAdapter adapter = FakeSlcanAdapter.on(ptys.b())) {
            CompletableFuture<String[]> dump = run(new DumpCommand(), "--can", "slcan:" + ptys.a() + "?bitrate=500000",
                    "--max-frames", String.valueOf(frames.size()));
            // the transport opens the channel last; frames flow only after that
            String command;
            do {
                command = adapter.nextCommand(WAIT);
            } while (!command.equals("O"));
            for (CanFrame f : frames) { // Lawicel: t, 3 hex digits of id, DLC, data
                adapter.inject(String.format("t%03X%d%s", f.id(), f.length(), f.dataHex()));
            }
            String[] result = dump.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(result[1]).as("stderr: %s", result[2]).isEqualTo(decode(log)).isNotEmpty();
            assertThat(result[0]).isEqualTo("0");
        }
    }

    @Test
    void rs485OnASerialPseudoTerminalDumpsWhatDecodePrints() throws Exception {
        String log = resource("/io/pylon4j/samples/cli/rs485-us2000b.log");
        List<String> frames = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("~")) {
                frames.add(line.strip());
            }
        }
        try (SocatPtyPair ptys = SocatPtyPair.start(dir);
             PtyPeer bus = PtyPeer.open(ptys.b(), new ByteInbox())) {
            DumpCommand command = new DumpCommand();
            CountDownLatch connected = DumpCommandTest.connectedLatch(command);
            CompletableFuture<String[]> dump = run(command, "--rs485", "serial:" + ptys.a() + "?baud=115200",
                    "--max-frames", String.valueOf(frames.size()));
            // bytes written before the port is open are not the dump's to see: write once it is
            assertThat(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            StringBuilder wire = new StringBuilder("\u0000\u00ff"); // line noise before the first frame
            for (String frame : frames) {
                wire.append(frame).append('\r');
            }
            bus.write(wire.toString().getBytes(StandardCharsets.ISO_8859_1));
            String[] result = dump.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(result[1]).as("stderr: %s", result[2]).isEqualTo(decode(log)).isNotEmpty();
            assertThat(result[0]).isEqualTo(decodeStatus(log));
        }
    }

    @Test
    void rs485OnASerialPseudoTerminalThatGoesQuietStopsOnTheIdleTimeout() throws Exception {
        String log = resource("/io/pylon4j/samples/cli/rs485-us2000b.log");
        StringBuilder wire = new StringBuilder();
        int frames = 0;
        for (String line : log.split("\n")) {
            if (line.startsWith("~")) {
                wire.append(line.strip()).append('\r');
                frames++;
            }
        }
        try (SocatPtyPair ptys = SocatPtyPair.start(dir);
             PtyPeer bus = PtyPeer.open(ptys.b(), new ByteInbox())) {
            DumpCommand command = new DumpCommand();
            CountDownLatch connected = DumpCommandTest.connectedLatch(command);
            // no --max-frames: only the quiet line ends the dump
            CompletableFuture<String[]> dump = run(command, "--rs485", "serial:" + ptys.a(), "--idle-timeout", "1");
            assertThat(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            bus.write(wire.toString().getBytes(StandardCharsets.ISO_8859_1)); // the session, then silence
            String[] result = dump.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(result[1]).as("stderr: %s", result[2]).isEqualTo(decode(log)).isNotEmpty();
            assertThat(result[0]).isEqualTo(decodeStatus(log));
            assertThat(result[2]).contains("stopped (idle timeout) after " + frames + " frames");
        }
    }

    private CompletableFuture<String[]> run(DumpCommand command, String... args) {
        return CompletableFuture.supplyAsync(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = new CommandLine(command).setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(err)).execute(args);
            return new String[] {String.valueOf(status), out.toString(), err.toString()};
        }, dumper);
    }

    private static String decode(String log) throws IOException {
        StringWriter out = new StringWriter();
        DecodeCommand.decode(new BufferedReader(new StringReader(log)), out);
        return out.toString();
    }

    private static String decodeStatus(String log) throws IOException {
        return DecodeCommand.decode(new BufferedReader(new StringReader(log)), new StringWriter()) ? "0" : "1";
    }

    private static String resource(String name) {
        try (InputStream in = DumpSerialTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name, e);
        }
    }
}
