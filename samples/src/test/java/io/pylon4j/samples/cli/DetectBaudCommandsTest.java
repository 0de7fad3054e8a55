package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.spi.TransportProvider;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code pylon monitor --rs485 ENDPOINT --detect-baud} and {@code pylon commission ENDPOINT --rs485 --detect-baud}
 * on a simulated stack whose DIP switch 1 says 9600: the line is
 * a {@code dip:NAME?baud=N} endpoint to the simulator on an in-memory byte bus, and a line at any rate but 9600 reads
 * the simulator's baud-mismatch garbage.
 */
class DetectBaudCommandsTest {

    /** {@code dip:NAME?baud=N}: records the endpoints opened; the simulated stack answers properly only at 9600. */
    static final class DipProvider implements TransportProvider {
        final VirtualTransportProvider buses = new VirtualTransportProvider();
        final List<String> opened = Collections.synchronizedList(new ArrayList<>());
        final SimulatedBank bank;

        DipProvider(SimulatedBank bank) {
            this.bank = bank;
        }

        @Override
        public Set<String> schemes() {
            return Set.of("dip");
        }

        @Override
        public boolean isCan(String scheme) {
            return false;
        }

        @Override
        public ByteStreamTransport createByteStream(Endpoint endpoint, TransportOptions options) {
            opened.add(endpoint.text());
            int baud = endpoint.intParameter("baud", 115200);
            bank.updateFaults(f -> f.withBaudMismatch(baud != 9600));
            return buses.createByteStream(Endpoint.parse("virtual:" + endpoint.target()), options);
        }
    }

    record Result(int status, String out, String err) {
    }

    /** Runs {@code command} (its transports already set) and collects what it printed. */
    static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    static Result monitor(DipProvider dip, String... args) {
        MonitorCommand command = new MonitorCommand();
        command.transports = new Transports(List.of(dip));
        return run(command, args);
    }

    @Test
    void detectBaudFindsTheStackAt9600AndPrintsAFreshSnapshot() {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(3).stateOfCharge(70).build();
        DipProvider dip = new DipProvider(bank);
        try (SimulatorServer battery = SimulatorServer.builder(bank).rs485(dip.buses.byteBus("ttyUSB0").newMember())
                .build()) {
            battery.start();
            Result r = monitor(dip, "--rs485", "dip:ttyUSB0?baud=115200", "--detect-baud", "--once", "--timeout", "60");
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains("\"state\":\"FRESH\"").contains("\"moduleCount\":3");
            assertThat(r.err()).contains("the bank answers at 9600 baud");
            assertThat(dip.opened).startsWith("dip:ttyUSB0?baud=115200", "dip:ttyUSB0?baud=9600");
        }
    }

    @Test
    void withoutDetectBaudTheWrongRateGivesNoSnapshot() {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(3).build();
        DipProvider dip = new DipProvider(bank);
        try (SimulatorServer battery = SimulatorServer.builder(bank).rs485(dip.buses.byteBus("ttyUSB0").newMember())
                .build()) {
            battery.start();
            Result r = monitor(dip, "--rs485", "dip:ttyUSB0?baud=115200", "--once", "--timeout", "2");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains("no complete snapshot within 2 s");
            assertThat(dip.opened).containsExactly("dip:ttyUSB0?baud=115200");
        }
    }

    @Test
    void detectBaudNeedsRs485() {
        Result r = monitor(new DipProvider(null), "--can", "virtual:x", "--detect-baud");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--detect-baud needs --rs485");
    }

    static Result commission(DipProvider dip, String... args) {
        CommissionCommand command = new CommissionCommand();
        command.transports = new Transports(List.of(dip));
        return run(command, args);
    }

    @Test
    void commissionWithDetectBaudFindsTheStackAt9600AndCommunicationPasses() {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(3).build();
        DipProvider dip = new DipProvider(bank);
        try (SimulatorServer battery = SimulatorServer.builder(bank).rs485(dip.buses.byteBus("ttyUSB0").newMember())
                .build()) {
            battery.start();
            Result r = commission(dip, "dip:ttyUSB0?baud=115200", "--rs485", "--detect-baud", "--seconds", "2",
                    "--expected-modules", "3", "--json");
            assertThat(r.err()).contains("commission: the bank answers at 9600 baud");
            assertThat(r.out()).contains("{\"id\":\"communication\",\"verdict\":\"PASS\"")
                    .contains("{\"id\":\"module-count\",\"verdict\":\"PASS\"");
            assertThat(dip.opened).startsWith("dip:ttyUSB0?baud=115200", "dip:ttyUSB0?baud=9600");
        }
    }

    @Test
    void commissionWithoutDetectBaudExplainsTheMismatch() {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(3).build();
        DipProvider dip = new DipProvider(bank);
        try (SimulatorServer battery = SimulatorServer.builder(bank).rs485(dip.buses.byteBus("ttyUSB0").newMember())
                .build()) {
            battery.start();
            Result r = commission(dip, "dip:ttyUSB0?baud=115200", "--rs485", "--seconds", "2", "--json");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.out()).contains("{\"id\":\"communication\",\"verdict\":\"FAIL\"")
                    .contains("the baud rate does not match");
            assertThat(dip.opened).containsExactly("dip:ttyUSB0?baud=115200");
        }
    }

    @Test
    void commissionDetectBaudNeedsRs485AndAnEndpoint() {
        assertThat(commission(new DipProvider(null), "dip:x", "--detect-baud").err())
                .contains("--detect-baud needs --rs485 and an ENDPOINT");
        assertThat(commission(new DipProvider(null), "--simulate", "4xUS3000C", "--rs485", "--detect-baud").err())
                .contains("--detect-baud needs --rs485 and an ENDPOINT");
    }
}
