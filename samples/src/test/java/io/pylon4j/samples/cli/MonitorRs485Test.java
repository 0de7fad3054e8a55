package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.internal.BankModel;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.tcplisten.TcpListenTransportProvider;
import io.pylon4j.transport.time.Moment;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code pylon monitor --rs485} end to end: {@code pylon simulate} serves a bank on a loopback {@code tcp-listen:}
 * socket (in-process, as the command line runs it) and {@code pylon monitor} polls it over {@code tcp:} (the Netty
 * transport, found by ServiceLoader as on the command line). Nothing here knows the driver's internals: the JSON
 * the monitor prints is checked against what the simulated bank must report.
 */
class MonitorRs485Test {

    /**
     * A thread of its own for each command run in the background. Not the common pool: on a 2-core machine JDK 25
     * gives {@code supplyAsync} one shared thread, which a running {@code pylon simulate} holds until it stops.
     */
    static final java.util.concurrent.Executor OWN_THREAD = task -> {
        Thread t = new Thread(task, "test-cli-command");
        t.setDaemon(true);
        t.start();
    };

    SimulateCommand simulate;
    CompletableFuture<Integer> simulateExit;

    /** Starts {@code pylon simulate ARGS --rs485 tcp-listen:0} and returns its port. */
    int simulate(String... args) throws Exception {
        simulate = new SimulateCommand();
        simulate.transports = new Transports(List.of(new VirtualTransportProvider(), new TcpListenTransportProvider()));
        CommandLine cli = new CommandLine(simulate);
        cli.setErr(new PrintWriter(new StringWriter(), true));
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--rs485";
        all[args.length + 1] = "tcp-listen:0";
        simulateExit = CompletableFuture.supplyAsync(() -> cli.execute(all), OWN_THREAD);
        return simulate.rs485Port.get(15, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopSimulator() throws Exception {
        if (simulate != null) {
            simulate.stop();
            assertThat(simulateExit.get(15, TimeUnit.SECONDS)).isZero();
        }
    }

    record Result(int status, String out, String err) {
    }

    /** Runs {@code pylon monitor ARGS} (its own --timeout bounds --once; --max-events bounds --json). */
    static Result monitor(String... args) throws Exception {
        MonitorCommand command = new MonitorCommand();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> new CommandLine(command)
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args), OWN_THREAD);
        return new Result(status.get(30, TimeUnit.SECONDS), out.toString(), err.toString());
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void onceShowsLimitsMeasurementsModulesWithSerialsVersionsCellsAndTheBankInfo() throws Exception {
        int port = simulate("--modules", "3", "--preset", "US3000C", "--soc", "62");
        Result r = monitor("--rs485", "tcp:127.0.0.1:" + port, "--once", "--timeout", "20");

        assertThat(r.status()).as(r.err()).isZero();
        String json = r.out().strip();
        assertThat(json.lines()).hasSize(1);
        assertThat(json).contains("\"state\":\"FRESH\"", "\"moduleCount\":3",
                // 0x92: one US3000C module's 37 A and 53.25 V, times the three modules of the stack
                "\"battery\":{\"chargeVoltageLimitVolts\":53.25,\"chargeCurrentLimitAmps\":111,"
                        + "\"dischargeCurrentLimitAmps\":111,",
                "\"socPercent\":62",
                "\"bankInfo\":{\"deviceName\":\"US3000C\",\"manufacturerName\":\"PYLON\",\"softwareVersion\":\"1.0\","
                        + "\"systemParameters\":{\"cellHighVoltageLimitVolts\":",
                "\"dischargeCurrentLimitAmps\":90}}");
        for (int index = 0; index < 3; index++) {
            assertThat(json).contains("{\"address\":" + (2 + index) + ",\"cellVoltagesVolts\":[")
                    .contains("\"serialNumber\":\"PSIM00" + String.format("%02d", index) + "00000000\"");
        }
        assertThat(count(json, "\"manufacturerVersion\":\"2\\.3\",\"mainlineVersion\":\"0\\.6\\.5\"")).isEqualTo(3);
        // 15 cells a module (US3000C): 15 numbers in each cell array
        Matcher cells = Pattern.compile("\"cellVoltagesVolts\":\\[([^\\]]*)\\]").matcher(json);
        int modules = 0;
        while (cells.find()) {
            assertThat(cells.group(1).split(",")).hasSize(15);
            modules++;
        }
        assertThat(modules).isEqualTo(3);
    }

    @Test
    void onceReadsSeveralGroupsAsOneBank() throws Exception {
        int port = simulate("--groups", "2", "--modules", "2", "--preset", "US3000C");
        Result r = monitor("--rs485", "tcp:127.0.0.1:" + port, "--groups", "1,2", "--once", "--timeout", "20");

        assertThat(r.status()).as(r.err()).isZero();
        String json = r.out().strip();
        assertThat(json).contains("\"moduleCount\":4", "\"chargeCurrentLimitAmps\":148,");
        for (int adr : new int[] {0x12, 0x13, 0x22, 0x23}) {
            assertThat(json).contains("{\"address\":" + adr + ",");
        }
        assertThat(json).contains("\"serialNumber\":\"PSIM0101" + "00000000\"");
    }

    @Test
    void jsonPrintsBankInfoModuleDetailsAndLimitsAsEvents() throws Exception {
        int port = simulate("--modules", "2", "--preset", "US3000C", "--load", "-20");
        // the first cycle alone brings 2 bank info, 7 module details (0x42, 0x93, 0x96 of each module; the master's
        // 0x92), measurements, module count, supervision, limits and request flags: 14 events (the load makes more),
        // after the link's own two (connecting, connected)
        Result r = monitor("--rs485", "tcp:127.0.0.1:" + port, "--json", "--max-events", "16");

        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines).hasSize(16).allMatch(l -> l.startsWith("{\"type\":\"") && l.endsWith("}"));
        assertThat(lines).anyMatch(l -> l.contains("\"type\":\"BANK_INFO_UPDATED\"")
                && l.contains("\"deviceName\":\"US3000C\"") && l.contains("\"systemParameters\":{"));
        assertThat(lines).anyMatch(l -> l.contains("\"type\":\"MODULE_DETAILS_UPDATED\"")
                && l.contains("\"address\":3") && l.contains("\"serialNumber\":\"PSIM0001" + "00000000\"")
                && l.contains("\"mainlineVersion\":\"0.6.5\""));
        assertThat(lines).anyMatch(l -> l.contains("\"type\":\"LIMITS_CHANGED\"")
                && l.contains("\"chargeCurrentLimitAmps\":74,"));
        assertThat(lines).anyMatch(l -> l.contains("\"type\":\"MODULE_COUNT_CHANGED\"") && l.contains("\"current\":2"));
    }

    @Test
    void aBadGroupIsACommandLineError() throws Exception {
        Result r = monitor("--rs485", "tcp:127.0.0.1:1", "--groups", "1,9", "--once");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("rs485Groups");
    }

    @Test
    void theTextViewShowsTheBankInfoAndEachModulesSerialAndVersion() {
        BankModel model = BankModel.create("b", InverterProfile.GENERIC_PYLON, e -> { }, Instant.EPOCH);
        model.onLimits(Source.RS485, Limits.of(53.25, 111, 111, 47), Instant.EPOCH);
        model.onBankInfo(Source.RS485, BankInfo.ofManufacturerInfo("US3000C", "PYLON", "1.0")
                .mergedWith(BankInfo.ofSystemParameters(new BankInfo.SystemParameters(3.65, 3.05, 2.8, 60, -10, 90,
                        54, 46, 43, 60, -10, 90))), Instant.EPOCH);
        model.onModuleDetails(Source.RS485, ModuleDetails.builder(0x12).serialNumber("PSIM000000000000")
                .manufacturerVersion("2.3").mainlineVersion("0.6.5").limits(53.25, 47, 37, -37).build(), Instant.EPOCH);
        DriverCounters counters; // a real (idle) driver's, so this test does not depend on the counters' layout
        try (PylonDriver idle = PylonDriver.openRs485(new Transports(List.of(new VirtualTransportProvider())),
                "virtual:monitor-view", DriverOptions.defaults("idle"))) {
            counters = idle.counters();
        }
        String view = MonitorCommand.view(model.status(), counters, Moment.ofInstant(Instant.EPOCH));
        assertThat(view).contains("model      US3000C by PYLON, software 1.0")
                .contains("protection cell 3.65/3.05/2.80 V  module 54.00/46.00/43.00 V  per module CCL 90.0 A")
                .containsPattern("0x12 .* 37\\.00  PSIM000000000000  2\\.3/0\\.6\\.5");
    }
}
