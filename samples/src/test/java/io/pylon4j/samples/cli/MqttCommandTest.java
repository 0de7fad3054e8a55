package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.mqtt.MiniJson;
import io.pylon4j.mqtt.MosquittoBroker;
import io.pylon4j.mqtt.MosquittoExtension;
import io.pylon4j.mqtt.MqttRecorder;
import io.pylon4j.mqtt.TestPki;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pylon mqtt} against a real Mosquitto: a simulated bank published, banks read over RS485 from
 * {@code pylon simulate} on loopback sockets, and a bridge killed with SIGKILL.
 */
class MqttCommandTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    @RegisterExtension
    final MosquittoExtension mosquitto = new MosquittoExtension();

    private final List<SimulateCommand> simulators = new java.util.ArrayList<>();
    private final List<java.util.concurrent.CompletableFuture<Integer>> simulatorExits = new java.util.ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (SimulateCommand s : simulators) {
            s.stop();
        }
        for (java.util.concurrent.CompletableFuture<Integer> exit : simulatorExits) {
            assertThat(exit.get(15, TimeUnit.SECONDS)).isZero();
        }
    }

    /** Starts {@code pylon simulate --soc SOC --rs485 tcp-listen:0} in-process and returns its loopback port. */
    private int simulateRs485(int soc) throws Exception {
        SimulateCommand simulate = new SimulateCommand();
        simulate.transports = new io.pylon4j.transport.Transports(List.of(
                new io.pylon4j.transport.virtual.VirtualTransportProvider(),
                new io.pylon4j.transport.tcplisten.TcpListenTransportProvider()));
        CommandLine cli = new CommandLine(simulate).setErr(new PrintWriter(new StringWriter(), true));
        simulators.add(simulate);
        simulatorExits.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> cli.execute("--modules", "2",
                "--preset", "US3000C", "--soc", Integer.toString(soc), "--rs485", "tcp-listen:0"),
                MonitorRs485Test.OWN_THREAD));
        return simulate.rs485Port.get(15, TimeUnit.SECONDS);
    }

    /** Runs {@code pylon mqtt ARGS} in the background; its exit status, once its --seconds are over. */
    private static java.util.concurrent.CompletableFuture<Integer> mqtt(StringWriter out, StringWriter err,
                                                                      String... args) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> PylonCli.commandLine()
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args), MonitorRs485Test.OWN_THREAD);
    }

    private static java.util.function.Predicate<String> soc(double percent) {
        return s -> Double.valueOf(percent).equals(MiniJson.at(MiniJson.object(s), "measurements.socPercent"));
    }

    @Test
    void anRs485BankOnATcpSocketIsPublished() throws Exception {
        int port = simulateRs485(47);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var run = mqtt(out, err, "mqtt", "--broker", mosquitto.uri(), "--site", "wire", "--rs485",
                "tcp:127.0.0.1:" + port, "--seconds", "6");
        try (MqttRecorder r = MqttRecorder.subscribe(mosquitto.port(), "pylon4j/wire/#")) {
            String state = r.await("pylon4j/wire/rs485/state", soc(47), WAIT);
            assertThat(MiniJson.at(MiniJson.object(state), "moduleCount")).isEqualTo(2.0);
            r.await("pylon4j/wire/rs485/availability", "online"::equals, WAIT);
        }
        assertThat(run.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("publishing 1 bank(s) to " + mosquitto.uri());
    }

    /**
     * {@code pylon mqtt --can canet:…}: the bank is {@code pylon simulate --can virtual:sim} (in this JVM), and this
     * test is the Ethernet CAN converter between the two, writing every frame the simulator sends on its bus as a
     * 13-byte {@code canet:} record to the bridge's socket. The bridge finds {@code canet:} through the ServiceLoader,
     * as a user's run does; only the CAN driver can turn those frames into the simulator's SOC and limits.
     */
    @Test
    void aCanBankIsPublished() throws Exception {
        VirtualTransportProvider virtual = new VirtualTransportProvider();
        CanTransport converter = virtual.canBus("sim").newMember();
        converter.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        SimulateCommand simulate = new SimulateCommand();
        simulate.transports = new io.pylon4j.transport.Transports(List.of(virtual));
        StringWriter simulatorErr = new StringWriter();
        CommandLine simulator = new CommandLine(simulate).setErr(new PrintWriter(simulatorErr, true));
        simulators.add(simulate);
        simulatorExits.add(CompletableFuture.supplyAsync(() -> simulator.execute("--modules", "2", "--preset",
                "US3000C", "--soc", "58", "--can", "virtual:sim"), MonitorRs485Test.OWN_THREAD));
        try (ServerSocket canet = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            var run = mqtt(out, err, "mqtt", "--broker", mosquitto.uri(), "--site", "bus", "--can",
                    "canet:127.0.0.1:" + canet.getLocalPort(), "--seconds", "8");
            canet.setSoTimeout(15_000);
            try (Socket bridge = canet.accept();
                 MqttRecorder r = MqttRecorder.subscribe(mosquitto.port(), "pylon4j/bus/#")) {
                OutputStream toBridge = bridge.getOutputStream();
                converter.addFrameListener((frame, nanos) -> {
                    try {
                        toBridge.write(canetRecord(frame));
                    } catch (IOException closed) {
                        // the bridge's --seconds are over
                    }
                });
                String state = r.await("pylon4j/bus/can/state", soc(58), WAIT);
                // 2 x US3000C: 2 x 37 A of charge current, as pylon simulate sends on 0x351
                assertThat(MiniJson.at(MiniJson.object(state), "published.chargeCurrentLimitAmps")).isEqualTo(74.0);
                r.await("pylon4j/bus/can/availability", "online"::equals, WAIT);
                assertThat(r.latest().keySet()).as("no other bank").allMatch(t -> t.startsWith("pylon4j/bus/can/")
                        || t.startsWith("pylon4j/bus/bridge/"));
            } finally {
                converter.close();
            }
            assertThat(run.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
            assertThat(out.toString()).contains("publishing 1 bank(s) to " + mosquitto.uri());
            assertThat(err.toString()).doesNotContain("not published");
        }
    }

    /** One frame as a USR-CANET200-type converter sends it: information byte (standard, data, DLC), id, 8 bytes. */
    private static byte[] canetRecord(CanFrame frame) {
        ByteBuffer record = ByteBuffer.allocate(13).put((byte) frame.length()).putInt(frame.id());
        return record.put(frame.data()).array(); // the rest stays 00, as the converter pads it
    }

    @Test
    void twoBanksGivenWithBankArePublishedEachUnderItsOwnId() throws Exception {
        int north = simulateRs485(31);
        int south = simulateRs485(74);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var run = mqtt(out, err, "mqtt", "--broker", mosquitto.uri(), "--site", "two",
                "--bank", "north=rs485:tcp:127.0.0.1:" + north, "--bank", "south=rs485:tcp:127.0.0.1:" + south,
                "--seconds", "6");
        try (MqttRecorder r = MqttRecorder.subscribe(mosquitto.port(), "pylon4j/two/#")) {
            r.await("pylon4j/two/north/state", soc(31), WAIT);
            r.await("pylon4j/two/south/state", soc(74), WAIT);
            r.await("pylon4j/two/north/availability", "online"::equals, WAIT);
            r.await("pylon4j/two/south/availability", "online"::equals, WAIT);
        }
        assertThat(run.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("publishing 2 bank(s) to " + mosquitto.uri());
        assertThat(err.toString()).doesNotContain("not published");
    }

    @Test
    void aBridgeKilledWithSigkillIsShownOfflineByItsLastWill() throws Exception {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PylonCli.class.getName(), "mqtt",
                "--broker", mosquitto.uri(), "--site", "kill", "--simulate", "2xUS3000C", "--ha-discovery");
        Process bridge = new ProcessBuilder(java).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try (MqttRecorder r = MqttRecorder.subscribe(mosquitto.port(), "#")) {
            r.await("pylon4j/kill/bridge/availability", "online"::equals, WAIT);
            String state = r.await("pylon4j/kill/simulated/state",
                    s -> MiniJson.at(MiniJson.object(s), "measurements.socPercent") != null, WAIT);
            assertThat(MiniJson.at(MiniJson.object(state), "moduleCount")).isEqualTo(2.0);
            r.await("homeassistant/sensor/pylon4j_kill_simulated/soc/config", c -> c.contains("\"battery\""), WAIT);
            assertThat(Files.readString(dir.resolve("out.txt")))
                    .contains("# pylon mqtt: publishing 1 bank(s) to tcp://127.0.0.1:" + mosquitto.port()
                            + " under pylon4j/kill/BANK (Home Assistant discovery on, commands off)");

            bridge.destroyForcibly(); // SIGKILL: no clean close, the broker sends the last will
            assertThat(bridge.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(bridge.exitValue()).isEqualTo(137);
            r.await("pylon4j/kill/bridge/availability", "offline"::equals, WAIT);
        } finally {
            bridge.destroyForcibly();
        }
        // the offline is retained: a subscriber that joins later learns it at once
        try (MqttRecorder late = MqttRecorder.subscribe(mosquitto.port(), "pylon4j/kill/bridge/#")) {
            late.await("pylon4j/kill/bridge/availability", "offline"::equals, WAIT);
        }
    }

    @Test
    void aBridgeStoppedWithSigtermPublishesOfflineItself() throws Exception {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PylonCli.class.getName(), "mqtt",
                "--broker", mosquitto.uri(), "--site", "term", "--simulate", "1xUS3000C");
        Process bridge = new ProcessBuilder(java).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try (MqttRecorder r = MqttRecorder.subscribe(mosquitto.port(), "pylon4j/term/#")) {
            r.await("pylon4j/term/simulated/availability", "online"::equals, WAIT);
            bridge.destroy(); // SIGTERM, as Ctrl-C or systemd would stop it
            assertThat(bridge.waitFor(20, TimeUnit.SECONDS)).isTrue();
            // the bank's own offline can only come from the clean close, never from the last will
            r.await("pylon4j/term/simulated/availability", "offline"::equals, WAIT);
            r.await("pylon4j/term/bridge/availability", "offline"::equals, WAIT);
        } finally {
            bridge.destroyForcibly();
        }
    }

    @Test
    void saysWhatItCouldNotOpenAndPublishesTheRest() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PylonCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("mqtt", "--broker", mosquitto.uri(), "--prefix", "fleet", "--site", "cli", "--simulate",
                        "1xUS3000C", "--bank", "lost=can:nosuchscheme:x", "--seconds", "3");
        assertThat(status).as(err.toString()).isZero();
        assertThat(err.toString()).contains("pylon mqtt: bank lost not published: ");
        assertThat(out.toString()).contains("publishing 1 bank(s)").contains(" under fleet/cli/BANK ");
        try (MqttRecorder late = MqttRecorder.subscribe(mosquitto.port(), "#")) {
            // after a clean stop everything is offline, and the retained state is there for late subscribers
            late.await("fleet/cli/bridge/availability", "offline"::equals, WAIT);
            late.await("fleet/cli/simulated/availability", "offline"::equals, WAIT);
            late.await("fleet/cli/simulated/state", s -> s.contains("\"bankId\""), WAIT);
            assertThat(late.latest().keySet()).as("--prefix replaces pylon4j").noneMatch(t -> t.startsWith("pylon4j/"));
        }
    }

    @Test
    void aBadBankOrNoBankIsACommandLineError() {
        StringWriter err = new StringWriter();
        CommandLine cli = PylonCli.commandLine().setErr(new PrintWriter(err));
        assertThat(cli.execute("mqtt", "--broker", mosquitto.uri())).isEqualTo(ExitStatus.USAGE);
        assertThat(err.toString()).contains("give a bank");
        assertThat(cli.execute("mqtt", "--broker", mosquitto.uri(), "--bank", "x=serial:/dev/ttyS0"))
                .isEqualTo(ExitStatus.USAGE);
        assertThat(err.toString()).contains("--bank is ID=can:ENDPOINT or ID=rs485:ENDPOINT");
        assertThat(cli.execute("mqtt", "--broker", "http://x", "--simulate", "1xUS3000C"))
                .isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void publishesOverTlsTrustingTheCaFileWithThePasswordFromAFile() throws Exception {
        TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki")));
        MosquittoBroker broker = mosquitto.restartSecured(pki, "site7", "s3cret pass");
        Path passwordFile = Files.writeString(dir.resolve("password"), "s3cret pass\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PylonCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("mqtt", "--broker", broker.uri(), "--ca-file", pki.caFile().toString(),
                        "--username", "site7", "--password-file", passwordFile.toString(), "--site", "tls",
                        "--simulate", "1xUS3000C", "--seconds", "3");
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("publishing 1 bank(s) to ssl://127.0.0.1:" + broker.port() + " as site7")
                .doesNotContain("s3cret").doesNotContain("not connected");
        // after the clean stop, what it published is retained on the secured broker
        assertThat(broker.subscribeOnce("pylon4j/tls/simulated/state", pki, "site7", "s3cret pass", WAIT))
                .contains("\"bankId\"");
        assertThat(broker.subscribeOnce("pylon4j/tls/bridge/availability", pki, "site7", "s3cret pass", WAIT))
                .isEqualTo("offline");
    }

    @Test
    void aRefusedPasswordIsPrintedAsTheReasonTheBrokerCannotBeReached() throws Exception {
        TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki")));
        MosquittoBroker broker = mosquitto.restartSecured(pki, "site7", "right");
        Path passwordFile = Files.writeString(dir.resolve("password"), "wrong");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PylonCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("mqtt", "--broker", broker.uri(), "--ca-file", pki.caFile().toString(),
                        "--username", "site7", "--password-file", passwordFile.toString(), "--site", "tls",
                        "--simulate", "1xUS3000C", "--seconds", "5");
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("# not connected to the broker: the broker refused the user name or"
                + " password (CONNACK NOT_AUTHORIZED) (retrying with backoff)");
    }

    @Test
    void thePasswordIsNeverAnOptionAndTheHelpSaysWhyAndAMissingFileIsNamed() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PylonCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        assertThat(cli.execute("mqtt", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("never from the command line, where every user"
                + " of the machine sees it (ps, /proc)");
        assertThat(cli.execute("mqtt", "--broker", mosquitto.uri(), "--username", "u", "--password", "x",
                "--simulate", "1xUS3000C")).isEqualTo(ExitStatus.USAGE);
        assertThat(err.toString()).contains("Unknown options: '--password'");
        Path missing = dir.resolve("no-such-password");
        assertThat(cli.execute("mqtt", "--broker", mosquitto.uri(), "--username", "u", "--password-file",
                missing.toString(), "--simulate", "1xUS3000C")).isEqualTo(ExitStatus.USAGE);
        assertThat(err.toString()).contains("cannot read the password file " + missing);
        Path missingCa = dir.resolve("no-such-ca.pem");
        assertThat(cli.execute("mqtt", "--broker", "ssl://127.0.0.1:1", "--ca-file", missingCa.toString(),
                "--simulate", "1xUS3000C")).isEqualTo(ExitStatus.USAGE);
        assertThat(err.toString()).contains("cannot read the CA file " + missingCa);
    }

    @Test
    void withAllowCommandsACapCommandIsAppliedAndAcknowledged() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.util.concurrent.CompletableFuture<Integer> run = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> PylonCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                        .execute("mqtt", "--broker", mosquitto.uri(), "--site", "cmd", "--simulate", "1xUS3000C",
                                "--allow-commands", "--seconds", "15"));
        try (MqttRecorder r = MqttRecorder.subscribe(mosquitto.port(), "pylon4j/cmd/#")) {
            r.await("pylon4j/cmd/simulated/cap/state", s -> s.contains("\"outcome\":\"none\""), WAIT);
            r.await("pylon4j/cmd/simulated/availability", "online"::equals, WAIT);
            r.publish("pylon4j/cmd/simulated/cap/set", "{\"maxChargeCurrentAmps\": 5, \"expiresInSeconds\": 600}");
            String ack = r.await("pylon4j/cmd/simulated/cap/state", s -> s.contains("\"outcome\":\"applied\""), WAIT);
            assertThat(MiniJson.at(MiniJson.object(ack), "published.chargeCurrentLimitAmps")).isEqualTo(5.0);
            assertThat(MiniJson.at(MiniJson.object(ack), "published.chargeCurrentLimitSource")).isEqualTo("USER_CAP");
        }
        assertThat(run.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("(Home Assistant discovery off, commands on)");
    }
}
