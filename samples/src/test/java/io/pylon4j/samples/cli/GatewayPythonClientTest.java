package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.pylon4j.samples.PythonClientAgainstSimulatorTest;
import io.pylon4j.samples.PythonClientAgainstSimulatorTest.Json;
import io.pylon4j.simulator.BankSnapshot;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.ModuleSnapshot;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.serial.SerialTransportProvider;
import io.pylon4j.transport.serial.SocatPtyPair;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pylon gateway --to rs485:…} against the independent RS485 client (issue 18 point 5):
 * {@code scripts/pylontech-client.py}, written in Python from the protocol document and sharing no code with pylon4j,
 * polls the gateway's responder over a socat pseudo-terminal pair as an inverter would. The gateway's source is an
 * RS485 driver reading a simulated 3 × US5000 bank on an in-memory byte bus; what the client prints must be the
 * bank's values, 0x44 each module's alarm block as the simulator sent it to the source driver, 0x60 the bank's
 * identity and module serials as the simulator itself answers 0x60, and 0x61 (which a driver source's values cannot
 * fill) must be refused with RTN 0x04 ({@code docs/gateway.md}, "The RS485 responder").
 *
 * <p>Needs {@code /usr/bin/python3} with {@code python3-construct} and {@code python3-serial}, and {@code socat}:
 * missing, they FAIL the test with what to install, unless {@code -Dpylon4j.tests.withoutExternalTools=true}.
 */
class GatewayPythonClientTest {

    /** Bounds the gateway's run; the test ends when it does (the client's two runs take a few seconds). */
    private static final int GATEWAY_SECONDS = 20;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(GATEWAY_SECONDS);

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    @Test
    void theIndependentClientReadsTheSourceBankItsAlarmBlocksAndIdentityThroughTheGatewayAndIsRefused0x61()
            throws Exception {
        Path script = PythonClientAgainstSimulatorTest.clientScript();
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.named("US5000")).modulesPerGroup(3)
                .stateOfCharge(64).build();
        // an alarm (not a protection: that would change the bank's limits) that shows in module 0x04's 0x44 block
        bank.forceAlarm(io.pylon4j.simulator.ModuleId.of(0, 2), io.pylon4j.simulator.Alarm.CELL_HIGH_TEMPERATURE);
        BankSnapshot s = bank.snapshot(); // no CAN front end: nothing moves the bank's time while it is read
        // what the simulator says to 0x44 (the source driver's poll), decoded by pylon4j's codec
        io.pylon4j.rs485.AlarmInfoRequest alarmRequest = new io.pylon4j.rs485.AlarmInfoRequest(2, 0xFF);
        List<io.pylon4j.rs485.ModuleAlarm> blocks = ((io.pylon4j.rs485.AlarmInfo) io.pylon4j.rs485.Rs485Codec
                .decodeResponse(alarmRequest, new io.pylon4j.simulator.frontend.Rs485Responder()
                        .respond(alarmRequest.toFrame(), s).orElseThrow())).modules();
        io.pylon4j.rs485.SystemBasicInfoRequest basicRequest = new io.pylon4j.rs485.SystemBasicInfoRequest(2);
        io.pylon4j.rs485.SystemBasicInfo ownBasicInfo = (io.pylon4j.rs485.SystemBasicInfo) io.pylon4j.rs485.Rs485Codec
                .decodeResponse(basicRequest, new io.pylon4j.simulator.frontend.Rs485Responder()
                        .respond(basicRequest.toFrame(), s).orElseThrow());
        assertThat(ownBasicInfo.moduleCount()).isEqualTo(3);
        VirtualTransportProvider buses = new VirtualTransportProvider();
        try (SocatPtyPair ptys = SocatPtyPair.start(dir);
             SimulatorServer server = SimulatorServer.builder(bank).rs485(buses.byteBus("bat").newMember()).build()) {
            server.start();
            GatewayCommand command = new GatewayCommand();
            command.transports = new Transports(List.of(buses, new SerialTransportProvider()));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CompletableFuture<Integer> gateway = CompletableFuture.supplyAsync(() -> new CommandLine(command)
                    .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute("--from", "rs485:virtual:bat",
                            "--to", "rs485:serial:" + ptys.a() + "?baud=115200", "--duration",
                            Integer.toString(GATEWAY_SECONDS)));
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (!out.toString().contains("→ FORWARDING")) {
                if (System.nanoTime() - deadline > 0 || gateway.isDone()) {
                    fail("the gateway did not forward the source; out: " + out + " err: " + err);
                }
                Thread.sleep(50);
            }

            Run asked = client(script, ptys.b(), "--commands", "4F,51,47,42,92,63,44,61,60", "--allow-rtn", "04");
            Run whole = client(script, ptys.b()); // the default poll: 0x44 of the stack and of each module

            assertThat(gateway.get(GATEWAY_SECONDS + 30, TimeUnit.SECONDS)).as("gateway: %s %s", out, err).isZero();
            assertThat(out.toString()).contains(" answered");

            assertThat(asked.status()).as("exit status; stderr: %s", asked.err()).isZero();
            Map<String, Object> json = Json.object(asked.out());
            assertThat(at(json, "protocolVersion")).isEqualTo(32.0);
            assertThat(at(json, "manufacturerInfo.deviceName")).isEqualTo("US5000");
            assertThat(at(json, "stack.moduleCount")).isEqualTo(3.0).isEqualTo((double) s.modulesOnline());
            List<?> modules = (List<?>) at(json, "stack.modules");
            assertThat(modules).hasSize(3);
            for (int i = 0; i < 3; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) modules.get(i);
                ModuleSnapshot sm = s.modules().get(i);
                assertThat(at(m, "voltageVolts")).as("module %d voltage", i).isEqualTo(sm.voltageMillivolts() / 1000.0);
                assertThat(at(m, "remainingCapacityAmpHours")).as("module %d", i)
                        .isEqualTo(sm.remainingCapacityMilliampHours() / 1000.0);
                assertThat(at(m, "cellVoltagesVolts")).as("module %d cells", i)
                        .isEqualTo(sm.cellVoltagesMillivolts().stream().map(mv -> mv / 1000.0).toList());
            }
            assertThat((Double) at(json, "stack.stateOfCharge")).isCloseTo(s.stateOfChargePercent() / 100.0,
                    org.assertj.core.data.Offset.offset(0.01));
            // 0x63: the bank's limits; 0x92: one module's share of them (currents divided by the modules)
            assertThat(at(json, "systemManagement.chargeVoltageLimitVolts"))
                    .isEqualTo(s.limits().chargeVoltageMillivolts() / 1000.0);
            assertThat(at(json, "systemManagement.chargeCurrentLimitAmps"))
                    .isEqualTo(s.limits().chargeCurrentDeciAmps() / 10.0);
            assertThat(at(json, "systemManagement.dischargeCurrentLimitAmps"))
                    .isEqualTo(s.limits().dischargeCurrentDeciAmps() / 10.0);
            assertThat(at(json, "systemManagement.chargeEnabled")).isEqualTo(true);
            assertThat(at(json, "management.chargeVoltageLimitVolts"))
                    .isEqualTo(s.limits().chargeVoltageMillivolts() / 1000.0);
            assertThat(at(json, "management.chargeCurrentLimitAmps"))
                    .isEqualTo(Math.floorDiv(s.limits().chargeCurrentDeciAmps(), 3) / 10.0);
            // 0x44: each module's block as the simulator sent it, field by field
            assertThat(at(json, "stackAlarms.moduleCount")).isEqualTo(3.0);
            List<?> alarms = (List<?>) at(json, "stackAlarms.modules");
            assertThat(alarms).hasSize(3);
            for (int i = 0; i < 3; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) alarms.get(i);
                assertAlarmBlock(m, blocks.get(i), "stack module " + i);
            }
            assertThat(blocks.get(2)).as("the forced alarm shows").isNotEqualTo(blocks.get(0));
            // 0x60: the bank's 0x51 identity and each module's 0x93 serial, as the bank itself answers 0x60
            assertThat(at(json, "systemBasicInfo.deviceName")).isEqualTo(ownBasicInfo.deviceName());
            assertThat(at(json, "systemBasicInfo.manufacturerName")).isEqualTo(ownBasicInfo.manufacturerName());
            assertThat(at(json, "systemBasicInfo.softwareVersion")).isEqualTo(List.of(
                    (double) (ownBasicInfo.softwareVersion() >> 8), (double) (ownBasicInfo.softwareVersion() & 0xFF)));
            assertThat(at(json, "systemBasicInfo.moduleCount")).isEqualTo(3.0);
            assertThat(at(json, "systemBasicInfo.serialNumbers")).isEqualTo(ownBasicInfo.serialNumbers());
            // 0x61 refused with RTN 04, reported as a line, the run going on
            assertThat(at(json, "refused")).isEqualTo(List.of(Map.of("command", "61", "rtn", "04")));
            assertThat(asked.err()).contains("refused: reply to 61 at ADR 02: RTN 04");

            assertThat(whole.status()).as("the default poll; stderr: %s", whole.err()).isZero();
            List<?> polled = (List<?>) at(Json.object(whole.out()), "modules");
            assertThat(polled).hasSize(3);
            for (int i = 0; i < 3; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) ((Map<String, Object>) polled.get(i)).get("alarms");
                assertAlarmBlock(m, blocks.get(i), "module " + i + " asked alone");
            }
        }
    }

    private static void assertAlarmBlock(Map<String, Object> json, io.pylon4j.rs485.ModuleAlarm sent, String what) {
        assertThat(at(json, "cellVoltageStates")).as(what).isEqualTo(doubles(sent.cellStates()));
        assertThat(at(json, "temperatureStates")).as(what).isEqualTo(doubles(sent.temperatureStates()));
        assertThat(List.of(at(json, "chargeCurrentState"), at(json, "moduleVoltageState"),
                at(json, "dischargeCurrentState"), at(json, "status1"), at(json, "status2"), at(json, "status3"),
                at(json, "status4"), at(json, "status5"))).as(what).isEqualTo(doubles(new int[] {
                        sent.chargeCurrentState(), sent.moduleVoltageState(), sent.dischargeCurrentState(),
                        sent.status1(), sent.status2(), sent.status3(), sent.status4(), sent.status5()}));
    }

    private static List<Double> doubles(int[] bytes) {
        return java.util.Arrays.stream(bytes).mapToObj(b -> (double) b).toList();
    }

    private Run client(Path script, Path port, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(PythonClientAgainstSimulatorTest.PYTHON.toString(),
                script.toString(), port.toString(), "--timeout", "5"));
        command.addAll(List.of(options));
        File out = dir.resolve("client.out").toFile();
        File err = dir.resolve("client.err").toFile();
        Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("the Python client did not finish within 60 s; stderr: " + Files.readString(err.toPath()));
        }
        return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    /** A path of keys into the client's nested JSON objects. */
    private static Object at(Map<String, Object> json, String path) {
        Object node = json;
        for (String key : path.split("\\.")) {
            assertThat(node).as("%s: an object at %s", path, key).isInstanceOf(Map.class);
            Map<?, ?> m = (Map<?, ?>) node;
            assertThat(m.containsKey(key)).as("%s: key %s in %s", path, key, m.keySet()).isTrue();
            node = m.get(key);
        }
        return node;
    }
}
