package io.pylon4j.samples.cli;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.commission.Commissioning;
import io.pylon4j.driver.commission.CommissioningRecorder;
import io.pylon4j.driver.commission.CommissioningReport;
import io.pylon4j.driver.commission.Expectations;
import io.pylon4j.driver.commission.ModuleRating;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.Transports;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pylon commission ENDPOINT [--can|--rs485] [--expected-modules N] [--preset US3000C] [--inverter NAME]
 * [--seconds S] [--json]}:
 * watches a bank with the driver for S seconds, one snapshot a second, then runs the commissioning checks
 * ({@code docs/commissioning.md}) and prints the report. {@code --simulate 4xUS3000C} (instead of an endpoint)
 * commissions a simulated bank on in-memory buses, CAN and RS485 at once, on simulated time
 * ({@value #SIMULATED_STEP_SECONDS} s per snapshot, so it finishes at once); {@code --simulate-fault} breaks it the
 * way a field installation breaks.
 *
 * <p>Exit status ({@link ExitStatus}, as every command): 0 every check passed (or was skipped), 1 a check failed,
 * 2 a bad command line or a bank that could not be opened, 3 warnings only.
 */
@Command(name = "commission", mixinStandardHelpOptions = true,
        description = {"Watch a bank and run the installer's commissioning checks: live values, module count, charge "
                + "current limit, temperatures (baud rate), a second CAN master, group limits, SOC spread."})
final class CommissionCommand implements Callable<Integer> {

    /** Simulated seconds per snapshot with {@code --simulate}: long enough for live values to move under load. */
    static final int SIMULATED_STEP_SECONDS = 30;

    /** The faults {@code --simulate-fault} knows. */
    static final List<String> FAULTS = List.of("one-module", "frozen", "second-master", "wrong-baud", "soc-spread",
            "implausible-limits");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENDPOINT",
            description = "The bank's CAN or RS485 endpoint (socketcan:can0, serial:/dev/ttyUSB0, tcp:HOST:PORT, …).")
    String endpoint;

    @Option(names = "--can", description = "ENDPOINT is a CAN link (the default).")
    boolean can;

    @Option(names = "--rs485", description = "ENDPOINT is an RS485 link (per-module SOC and temperatures need it).")
    boolean rs485;

    @Option(names = "--detect-baud", description = "RS485: find the bank's baud rate first, 115200 then 9600 (DIP "
            + "switch 1), setting the endpoint's baud= for each (serial:, rfc2217:).")
    boolean detectBaud;

    @Option(names = "--expected-modules", paramLabel = "N", description = "The modules connected, all groups.")
    Integer expectedModules;

    @Option(names = "--groups", paramLabel = "G", defaultValue = "1",
            description = "Groups behind an LV-Hub.")
    int groups;

    @Option(names = "--preset", paramLabel = "MODEL",
            description = "The module type, for its per-module current figure: US2000C, US2000B-Plus, US3000C, "
                    + "US5000, UP2500; any case.")
    String preset;

    @Option(names = "--new-module", paramLabel = "N", split = ",",
            description = "Position(s) in group 0 of modules just added (1 = master); their SOC must be within 2 %% "
                    + "of the bank's.")
    List<Integer> newModules;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
            description = "How long to watch, one snapshot a second.")
    int seconds;

    @Option(names = "--inverter", paramLabel = "NAME", defaultValue = "generic-pylon",
            description = "Run the driver as this inverter's (supervision timeouts, keep-alive, fail-safe): "
                    + "generic-pylon, victron, sma, deye, sol-ark, sofar; any case. Default: ${DEFAULT-VALUE}. "
                    + "With --simulate the bank also sends that inverter's CAN frame set.")
    String inverter;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Option(names = "--simulate", paramLabel = "NxMODEL",
            description = "Commission a simulated bank instead, e.g. 4xUS3000C (CAN and RS485 in memory).")
    String simulate;

    @Option(names = "--simulate-fault", paramLabel = "FAULT",
            description = "With --simulate: one-module, frozen, second-master, wrong-baud, soc-spread, "
                    + "implausible-limits.")
    String simulateFault;

    /** Resolves endpoints; {@link Transports#fromServiceLoader()} unless a test sets it. */
    Transports transports;

    @Override
    public Integer call() throws Exception {
        if (seconds < 2) {
            throw bad("--seconds must be at least 2 (the values must be seen twice): " + seconds);
        }
        if (can && rs485) {
            throw bad("--can and --rs485 exclude each other");
        }
        if ((endpoint == null) == (simulate == null)) {
            throw bad("give either an ENDPOINT or --simulate NxMODEL");
        }
        if (simulate != null && !SimulatedBankRig.isSpec(simulate)) {
            throw bad("a simulated bank is given as MODULESxPRESET, e.g. 4xUS3000C: '" + simulate + "'");
        }
        if (detectBaud && (!rs485 || endpoint == null)) {
            throw bad("--detect-baud needs --rs485 and an ENDPOINT");
        }
        if (simulateFault != null && simulate == null) {
            throw bad("--simulate-fault needs --simulate");
        }
        if (simulateFault != null && !FAULTS.contains(simulateFault)) {
            throw bad("unknown fault '" + simulateFault + "'; known: " + String.join(", ", FAULTS));
        }
        InverterProfile profile;
        try {
            profile = Vocabulary.inverter(inverter);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        Expectations expected = expectations();
        CommissioningReport report = simulate != null ? simulated(expected, profile) : live(expected, profile);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
        out.flush();
        return report.exitCode();
    }

    private Expectations expectations() {
        Expectations e = Expectations.NONE.withGroups(groups < 1 ? 1 : groups);
        if (groups < 1) {
            throw bad("--groups must be at least 1: " + groups);
        }
        String model = preset != null ? preset : simulate != null ? simulate.replaceFirst("^\\s*\\d+\\s*[xX×]", "")
                : null;
        if (model != null) {
            ModulePreset p;
            try {
                p = ModulePreset.named(model);
            } catch (IllegalArgumentException ex) {
                throw bad(ex.getMessage());
            }
            // the figures come from the simulator's presets, where each is sourced (docs/protocol.md §1.2, §2.5.6)
            e = e.withRating(new ModuleRating(p.model(), p.chargeCurrentDeciAmps() / 10.0,
                    p.dischargeCurrentDeciAmps() / 10.0));
        }
        Integer n = expectedModules;
        if (n == null && simulate != null) {
            n = Integer.valueOf(simulate.strip().replaceFirst("^(\\d+).*$", "$1"));
        }
        if (n != null) {
            if (n < 1) {
                throw bad("--expected-modules must be at least 1: " + n);
            }
            e = e.withModules(n);
        }
        if (newModules != null) {
            Set<Integer> addresses = new HashSet<>();
            for (int position : newModules) {
                if (position < 1 || position > 16) {
                    throw bad("--new-module positions are 1 (the master) to 16: " + position);
                }
                addresses.add(position + 1); // RS485 ADR 2 is the master of group 0 (docs/protocol.md §2.3)
            }
            e = e.withNewModules(addresses);
        }
        return e;
    }

    private CommissioningReport simulated(Expectations expected, InverterProfile profile) throws TimeoutException, InterruptedException {
        SimulatedBankRig rig;
        try {
            rig = SimulatedBankRig.start(simulate, true, true, profile);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        try (rig; CommissioningRecorder recorder = CommissioningRecorder.watching(rig.driver(), rig.driverCan(),
                rig.rs485())) {
            if (simulateFault != null) {
                inject(rig.bank(), simulateFault);
            }
            for (int i = 0; i < seconds; i++) {
                rig.step(Duration.ofSeconds(SIMULATED_STEP_SECONDS));
                recorder.sample();
            }
            return Commissioning.evaluate(recorder.observation(), expected);
        }
    }

    /** Breaks the simulated bank the way {@code fault} names. */
    static void inject(SimulatedBank bank, String fault) {
        switch (fault) {
            case "one-module" -> bank.moduleIds().stream().filter(id -> !id.isGroupMaster())
                    .forEach(id -> bank.setModuleOnline(id, false));
            case "frozen" -> {
                bank.advance(Duration.ofSeconds(1)); // so that the frozen snapshot carries the load's current
                bank.freezeValues();
            }
            case "second-master" -> bank.enableSecondMaster();
            case "wrong-baud" -> bank.updateFaults(f -> f.withBaudMismatch(true));
            case "soc-spread" -> bank.setStateOfCharge(bank.moduleIds().get(bank.moduleIds().size() - 1), 80);
            // a 0x351 of FF FF FF 7F FF 7F FF FF after each set: CVL and DVL "invalid" (0xFFFF), 3276.7 A
            case "implausible-limits" -> bank.enableSecondMaster(new io.pylon4j.simulator.ChargeLimits(6_553_500,
                    6_553_500, Short.MAX_VALUE, Short.MAX_VALUE));
            default -> throw new IllegalArgumentException("unknown fault: " + fault);
        }
    }

    private CommissioningReport live(Expectations expected, InverterProfile profile) throws InterruptedException {
        Transports resolver = transports != null ? transports : Transports.fromServiceLoader();
        DriverOptions options = DriverOptions.builder("bank").profile(profile).build();
        CanTransport canLink = null;
        ByteStreamTransport rs485Link = null;
        PylonDriver driver;
        try {
            if (rs485 && detectBaud) {
                driver = PylonDriver.openRs485DetectingBaud(resolver, endpoint, options); // owns its transports
            } else if (rs485) {
                rs485Link = resolver.byteStream(endpoint);
                driver = PylonDriver.rs485(rs485Link, options);
            } else {
                canLink = resolver.can(endpoint);
                driver = PylonDriver.can(canLink, options);
            }
        } catch (InvalidEndpointException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (var link = rs485Link != null ? rs485Link : canLink; driver;
             CommissioningRecorder recorder = CommissioningRecorder.watching(driver, canLink, rs485)) {
            LinkWatch watch = new LinkWatch();
            driver.addListener(watch::onEvent);
            driver.start();
            if (detectBaud) {
                awaitBaud(driver);
            }
            long start = System.nanoTime();
            for (int second = 1; second <= seconds; second++) {
                long due = start + TimeUnit.SECONDS.toNanos(second);
                // pacing: one snapshot a second, cut short when the link fails before it ever came up
                String down = watch.neverUpCause(due);
                recorder.sample();
                if (down != null) {
                    spec.commandLine().getErr().println("commission: the link to the bank did not come up: " + down
                            + " (" + endpoint + "); stopping the observation");
                    spec.commandLine().getErr().flush();
                    break;
                }
            }
            return Commissioning.evaluate(recorder.observation(), expected);
        }
    }

    /** Link events from the driver's event thread, read by the pacing loop. */
    private static final class LinkWatch {
        private final LinkedBlockingQueue<BankEvent.LinkStateChanged> links = new LinkedBlockingQueue<>();
        private boolean everUp;

        void onEvent(BankEvent e) {
            if (e instanceof BankEvent.LinkStateChanged l) {
                links.add(l);
            }
        }

        /** Waits until {@code dueNanos}; returns the cause early if a link fails before any link was ever up. */
        String neverUpCause(long dueNanos) throws InterruptedException {
            long left;
            while ((left = dueNanos - System.nanoTime()) > 0) {
                BankEvent.LinkStateChanged l = links.poll(left, TimeUnit.NANOSECONDS);
                if (l == null) {
                    break;
                }
                everUp |= l.current() == ConnectionState.CONNECTED;
                if (!everUp && l.cause().isPresent()) {
                    return l.cause().get();
                }
            }
            return null;
        }
    }

    /**
     * Waits until baud detection has confirmed a rate (115200 and 9600 each get a window of about 4 s with the
     * default profile; two rounds at most), and says which on stderr. Without one the checks run all the same: the
     * communication check then explains the mismatch.
     */
    private void awaitBaud(PylonDriver driver) throws InterruptedException {
        LinkedBlockingQueue<Object> wake = new LinkedBlockingQueue<>();
        try (var subscription = driver.addListener(wake::add)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BAUD_WAIT_SECONDS);
            long left;
            while (driver.rs485BaudRate().isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                // the confirmed rate comes with no event: re-check at least every 200 ms
                wake.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            }
        }
        spec.commandLine().getErr().println(driver.rs485BaudRate().isPresent()
                ? "commission: the bank answers at " + driver.rs485BaudRate().getAsInt() + " baud"
                : "commission: no baud rate answered within " + BAUD_WAIT_SECONDS + " s (115200, 9600)");
        spec.commandLine().getErr().flush();
    }

    /** How long {@code --detect-baud} waits for a rate: two rounds of both rates with the default profile. */
    static final int BAUD_WAIT_SECONDS = 20;

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
