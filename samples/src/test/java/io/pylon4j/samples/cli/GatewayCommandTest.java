package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.rs485.SystemChargeDischargeManagementRequest;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code pylon gateway} on in-memory buses in real time: a simulated bank on one bus, the command between, and a
 * tap on the inverter's bus. Bounded by {@code --duration}; asserts what arrived, never how fast.
 */
class GatewayCommandTest {

    record Result(int status, String out, String err) {
    }

    static Result run(VirtualTransportProvider buses, String... args) {
        GatewayCommand command = new GatewayCommand();
        command.transports = new Transports(List.of(buses));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void presentsASimulatedBankToTheInvertersBus() throws Exception {
        VirtualTransportProvider buses = new VirtualTransportProvider();
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.named("US5000")).modulesPerGroup(2).build();
        List<CanFrame> heard = new CopyOnWriteArrayList<>();
        CanTransport tap = buses.canBus("inv").newMember();
        tap.addFrameListener((f, t) -> heard.add(f));
        tap.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (SimulatorServer server = SimulatorServer.builder(bank).can(buses.canBus("bat").newMember()).build()) {
            server.start();
            Result r = run(buses, "--from", "can:virtual:bat", "--to", "can:virtual:inv", "--profile", "victron",
                    "--duration", "4");

            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains("→ can:virtual:inv as victron").contains("sending WAITING_FOR_DATA → FORWARDING")
                    .contains("frames sent");
            assertThat(heard).anyMatch(f -> f.id() == ChargeDischargeLimits.ID).anyMatch(f -> f.id() == 0x372);
        } finally {
            tap.close();
        }
    }

    @Test
    void answersAnInverterThatPollsOverRs485() throws Exception {
        VirtualTransportProvider buses = new VirtualTransportProvider();
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.named("US5000")).modulesPerGroup(2).build();
        ByteStreamTransport inverterSide = buses.byteBus("inv").newMember();
        StringBuilder heard = new StringBuilder();
        inverterSide.addByteListener((b, off, len, t) -> {
            synchronized (heard) {
                heard.append(new String(b, off, len, StandardCharsets.US_ASCII));
            }
        });
        inverterSide.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String request = new String(new SystemChargeDischargeManagementRequest(2).toFrame().encode(),
                StandardCharsets.US_ASCII);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "test-rs485-inverter"));
        try (SimulatorServer server = SimulatorServer.builder(bank).can(buses.canBus("bat").newMember()).build()) {
            server.start();
            poller.scheduleAtFixedRate(() -> inverterSide.write(request.getBytes(StandardCharsets.US_ASCII)),
                    500, 500, TimeUnit.MILLISECONDS);
            Result r = run(buses, "--from", "can:virtual:bat", "--to", "rs485:virtual:inv", "--duration", "4");

            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains("→ rs485:virtual:inv as pylon")
                    .contains("sending WAITING_FOR_DATA → FORWARDING").contains(" answered");
            synchronized (heard) {
                // a 0x63 reply: RTN 00, LENID 0x012 (9 bytes of INFO)
                assertThat(heard.toString()).contains("~20024600D012");
            }
        } finally {
            poller.shutdownNow();
            inverterSide.close();
        }
    }

    @Test
    void aBadProfileOrTargetIsACommandLineError() {
        VirtualTransportProvider buses = new VirtualTransportProvider();
        assertThat(run(buses, "--from", "can:virtual:a", "--to", "can:virtual:b", "--profile", "nope").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(run(buses, "--from", "can:virtual:a", "--to", "modbus:virtual:b").status())
                .isEqualTo(ExitStatus.USAGE);
        assertThat(run(buses, "--from", "modbus:x", "--to", "can:virtual:b").status()).isEqualTo(ExitStatus.USAGE);
    }
}
