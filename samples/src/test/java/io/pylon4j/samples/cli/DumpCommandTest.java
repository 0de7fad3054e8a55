package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanLogEntry;
import io.pylon4j.can.CandumpFormat;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.contract.LoopbackServer;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code pylon dump} against live endpoints (servers on 127.0.0.1 that the test starts, the in-memory bus, a replayed
 * log): its output must be exactly {@code pylon decode}'s for the same traffic as a log, and so its exit status.
 */
class DumpCommandTest {

    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(10);

    /** The CAN traffic: the demo's real US5000 capture. */
    private static final String CAN_LOG = resource(DemoCommand.CAPTURE);
    /** The RS485 traffic: a real US2000B-Plus session, requests and replies. */
    private static final String RS485_LOG = resource("/io/pylon4j/samples/cli/rs485-us2000b.log");

    private final ExecutorService dumper = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-dump"));

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        dumper.shutdownNow();
        assertThat(dumper.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    record Result(int status, String out, String err) {
    }

    /** What {@code pylon decode} prints for a log, and its exit status. */
    private static Result decode(String log) throws IOException {
        StringWriter out = new StringWriter();
        boolean ok = DecodeCommand.decode(new BufferedReader(new StringReader(log)), out);
        return new Result(ok ? 0 : 1, out.toString(), "");
    }

    private static Result run(DumpCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    private CompletableFuture<Result> runInBackground(DumpCommand command, String... args) {
        return CompletableFuture.supplyAsync(() -> run(command, args), dumper);
    }

    private static Result await(CompletableFuture<Result> dump) throws Exception {
        return dump.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void assertSameAsDecode(Result dump, String log) throws IOException {
        Result decode = decode(log);
        assertThat(dump.out()).as("stderr: %s", dump.err()).isEqualTo(decode.out()).isNotEmpty();
        assertThat(dump.status()).isEqualTo(decode.status());
    }

    private static List<CanLogEntry> canEntries() {
        List<CanLogEntry> entries = new ArrayList<>();
        for (String line : CAN_LOG.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                entries.add(CandumpFormat.parse(line));
            }
        }
        return entries;
    }

    private static List<String> rs485Frames() {
        List<String> frames = new ArrayList<>();
        for (String line : RS485_LOG.split("\n")) {
            if (line.startsWith("~")) {
                frames.add(line.strip());
            }
        }
        return frames;
    }

    // --- CAN -----------------------------------------------------------------------------------------------------

    @Test
    void replayOfALogDumpsWhatDecodePrintsForIt() throws Exception {
        Path log = Files.writeString(dir.resolve("us5000.log"), CAN_LOG, StandardCharsets.UTF_8);
        Result dump = run(new DumpCommand(), "--can", "replay:" + log + "?pace=fast");
        assertSameAsDecode(dump, CAN_LOG);
        assertThat(dump.err()).contains("stopped (end of the replay) after 12 frames");
    }

    @Test
    void socketcandServerTrafficDumpsWhatDecodePrintsForIt() throws Exception {
        try (LoopbackServer server = new LoopbackServer(socket -> {
            write(socket, "< hi >");
            LoopbackServer.readUntil(socket, '>', WAIT); // < open can0 >
            write(socket, "< ok >");
            LoopbackServer.readUntil(socket, '>', WAIT); // < rawmode >
            write(socket, "< ok >");
        })) {
            List<CanLogEntry> entries = canEntries();
            CompletableFuture<Result> dump = runInBackground(new DumpCommand(), "--can",
                    "socketcand:" + server.hostPort() + "/can0", "--max-frames", String.valueOf(entries.size()));
            Socket peer = server.nextConnection(WAIT);
            StringBuilder wire = new StringBuilder();
            for (CanLogEntry e : entries) { // as socketcand's state_raw.c prints them
                wire.append(String.format("< frame %03X %d.%06d %s >", e.frame().id(),
                        e.timestampMicros() / 1_000_000, e.timestampMicros() % 1_000_000, e.frame().dataHex()));
            }
            write(peer, wire.toString());
            assertSameAsDecode(await(dump), CAN_LOG);
        }
    }

    @Test
    void canetServerTrafficDumpsWhatDecodePrintsForIt() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            List<CanLogEntry> entries = canEntries();
            CompletableFuture<Result> dump = runInBackground(new DumpCommand(), "--can",
                    "canet:" + server.hostPort(), "--max-frames", String.valueOf(entries.size()));
            Socket peer = server.nextConnection(WAIT);
            peer.getOutputStream().write(canetWire(entries));
            assertSameAsDecode(await(dump), CAN_LOG);
        }
    }

    /** The frames of {@code entries} as a CANET-format converter sends them. */
    private static byte[] canetWire(List<CanLogEntry> entries) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (CanLogEntry e : entries) { // USR-CANET200 manual 2.2.4: info byte, id big-endian, 8 data bytes
            CanFrame f = e.frame();
            byte[] frame = new byte[13];
            frame[0] = (byte) f.length();
            frame[3] = (byte) (f.id() >> 8);
            frame[4] = (byte) f.id();
            System.arraycopy(f.data(), 0, frame, 5, f.length());
            wire.writeBytes(frame);
        }
        return wire.toByteArray();
    }

    @Test
    void canetServerThatGoesQuietStopsOnTheIdleTimeoutAfterWhatDecodePrints() throws Exception {
        List<CanLogEntry> entries = canEntries();
        byte[] wire = canetWire(entries);
        // the converter sends its traffic as soon as it accepts, then keeps the connection open and says nothing
        try (LoopbackServer server = new LoopbackServer(socket -> {
            socket.getOutputStream().write(wire);
            socket.getOutputStream().flush();
        })) {
            CompletableFuture<Result> dump = runInBackground(new DumpCommand(), "--can",
                    "canet:" + server.hostPort(), "--idle-timeout", "1");
            server.nextConnection(WAIT);
            Result result = await(dump);
            assertSameAsDecode(result, CAN_LOG);
            assertThat(result.err()).contains("stopped (idle timeout) after " + entries.size() + " frames")
                    .doesNotContain("link lost");
        }
    }

    @Test
    void virtualBusTrafficDumpsWhatDecodePrintsForIt() throws Exception {
        VirtualTransportProvider virtual = new VirtualTransportProvider();
        DumpCommand command = new DumpCommand();
        command.transports = new Transports(List.of(virtual));
        CountDownLatch connected = connectedLatch(command);
        List<CanLogEntry> entries = canEntries();
        CompletableFuture<Result> dump = runInBackground(command, "--can", "virtual:bench", "--max-frames",
                String.valueOf(entries.size()));
        try (CanTransport battery = virtual.canBus("bench").newMember()) {
            battery.open().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            for (CanLogEntry e : entries) {
                battery.send(e.frame());
            }
            assertSameAsDecode(await(dump), CAN_LOG);
        }
    }

    @Test
    void stopsAfterTheIdleTimeoutOnAQuietBus() throws Exception {
        DumpCommand command = new DumpCommand();
        command.transports = new Transports(List.of(new VirtualTransportProvider()));
        Result dump = run(command, "--can", "virtual:quiet", "--idle-timeout", "0.2");
        assertThat(dump.status()).isZero();
        assertThat(dump.out()).isEmpty();
        assertThat(dump.err()).contains("stopped (idle timeout) after 0 frames");
    }

    // --- RS485 ---------------------------------------------------------------------------------------------------

    @Test
    void rawTcpRs485TrafficDumpsWhatDecodePrintsForItDespiteGarbageAndOddChunks() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            List<String> frames = rs485Frames();
            CompletableFuture<Result> dump = runInBackground(new DumpCommand(), "--rs485",
                    "tcp:" + server.hostPort(), "--max-frames", String.valueOf(frames.size()));
            Socket peer = server.nextConnection(WAIT);
            StringBuilder wire = new StringBuilder("\u0000noise");          // garbage before the first frame
            for (int i = 0; i < frames.size(); i++) {
                wire.append(frames.get(i)).append('\r');
                if (i == 3) {
                    wire.append("\n~2002");                                 // a frame cut off by the next one
                }
            }
            byte[] bytes = wire.toString().getBytes(StandardCharsets.ISO_8859_1);
            for (int at = 0; at < bytes.length; at += 7) {                 // odd chunks, frames split across them
                peer.getOutputStream().write(bytes, at, Math.min(7, bytes.length - at));
                peer.getOutputStream().flush();
            }
            Result result = await(dump);
            assertSameAsDecode(result, RS485_LOG);
            assertThat(result.err()).contains("11 bytes outside RS485 frames"); // 6 of noise, 5 of the cut frame
        }
    }

    @Test
    void aBridgeThatDropsMidFrameIsReconnectedAndTheDumpGoesOn() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            List<String> frames = rs485Frames();
            CompletableFuture<Result> dump = runInBackground(new DumpCommand(), "--rs485",
                    "tcp:" + server.hostPort(), "--max-frames", String.valueOf(frames.size()));
            Socket first = server.nextConnection(WAIT);
            StringBuilder before = new StringBuilder();
            for (String frame : frames.subList(0, 6)) {
                before.append(frame).append('\r');
            }
            write(first, before + frames.get(6).substring(0, 10)); // then the converter drops the connection
            first.close();
            Socket second = server.nextConnection(WAIT); // the dump's transport reconnects by itself
            StringBuilder after = new StringBuilder();
            for (String frame : frames.subList(6, frames.size())) {
                after.append(frame).append('\r');
            }
            write(second, after.toString());
            Result result = await(dump);
            assertSameAsDecode(result, RS485_LOG);
            assertThat(result.err()).contains("link lost").contains("reconnected")
                    .contains("10 bytes outside RS485 frames").contains("1 reconnects");
        }
    }

    @Test
    void virtualRs485LineIsSniffedRequestsAndRepliesAlike() throws Exception {
        VirtualTransportProvider virtual = new VirtualTransportProvider();
        DumpCommand command = new DumpCommand();
        command.transports = new Transports(List.of(virtual));
        CountDownLatch connected = connectedLatch(command);
        List<String> frames = rs485Frames();
        CompletableFuture<Result> dump = runInBackground(command, "--rs485", "virtual:line", "--max-frames",
                String.valueOf(frames.size()));
        try (ByteStreamTransport inverter = virtual.byteBus("line").newMember();
             ByteStreamTransport battery = virtual.byteBus("line").newMember()) {
            inverter.open().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            battery.open().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < frames.size(); i++) { // requests from one member, replies from the other
                (i % 2 == 0 ? inverter : battery).write((frames.get(i) + "\r").getBytes(StandardCharsets.US_ASCII));
            }
            assertSameAsDecode(await(dump), RS485_LOG);
        }
    }

    // --- failures ------------------------------------------------------------------------------------------------

    @Test
    void anUnknownSchemeIsACommandLineErrorListingTheSchemes() {
        Result dump = run(new DumpCommand(), "--can", "carrier-pigeon:loft");
        assertThat(dump.status()).isEqualTo(2);
        assertThat(dump.err()).contains("unknown scheme 'carrier-pigeon'").contains("socketcand").contains("virtual");
    }

    @Test
    void maxFramesBelowOneIsAUsageError() {
        Result dump = run(new DumpCommand(), "--can", "virtual:unused", "--max-frames", "0");
        assertThat(dump.status()).isEqualTo(2);
        assertThat(dump.err()).contains("--max-frames must be at least 1");
        assertThat(dump.out()).isEmpty();
    }

    @Test
    void anIdleTimeoutThatIsNotPositiveIsAUsageError() {
        for (String seconds : List.of("-1", "0")) {
            Result dump = run(new DumpCommand(), "--can", "virtual:unused", "--idle-timeout", seconds);
            assertThat(dump.status()).as(seconds).isEqualTo(2);
            assertThat(dump.err()).as(seconds).contains("--idle-timeout must be positive");
            assertThat(dump.out()).isEmpty();
        }
    }

    @Test
    void anEndpointThatCannotBeOpenedExitsWithTwo() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Result dump = run(new DumpCommand(), "--rs485", "tcp:127.0.0.1:" + port);
        assertThat(dump.status()).isEqualTo(2);
        assertThat(dump.err()).contains("cannot open tcp:127.0.0.1:" + port);
        assertThat(dump.out()).isEmpty();
    }

    @Test
    void helpNamesEveryClientSchemeOnTheClassPath() {
        Result help = run(new DumpCommand(), "--help");
        assertThat(help.status()).isZero();
        List<String> schemes = Transports.fromServiceLoader().schemes();
        // what samples ships: transport-api, -netty, -serial and -socketcan (tcp-listen is the server side only)
        assertThat(schemes).contains("virtual", "replay", "tcp", "socketcand", "canet", "serial", "slcan", "rfc2217",
                "socketcan");
        for (String scheme : schemes) {
            if (!scheme.equals("tcp-listen")) {
                assertThat(help.out()).as("--help names %s", scheme).contains(scheme + ":");
            }
        }
        assertThat(help.out()).doesNotContain("when their transport is on the class path");
    }

    @Test
    void dumpIsASubcommandOfPylon() {
        assertThat(PylonCli.class.getAnnotation(CommandLine.Command.class).subcommands()).contains(DumpCommand.class);
    }

    /** A latch that opens when {@code command}'s transport first reports {@code CONNECTED}. */
    static CountDownLatch connectedLatch(DumpCommand command) {
        CountDownLatch connected = new CountDownLatch(1);
        command.stateObserver = c -> {
            if (c.current() == ConnectionState.CONNECTED) {
                connected.countDown();
            }
        };
        return connected;
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private static String resource(String name) {
        try (InputStream in = DumpCommandTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name, e);
        }
    }
}
