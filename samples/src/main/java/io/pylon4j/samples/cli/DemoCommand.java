package io.pylon4j.samples.cli;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.commission.Expectations;
import io.pylon4j.driver.commission.ModuleRating;
import io.pylon4j.simulator.LoadProfile;
import io.pylon4j.simulator.ModuleId;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.CanFrameSet;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pylon demo}: what pylon4j does, with no hardware: a simulated 4-module US3000C bank speaks CAN (the
 * Pylontech V1.2 frame set) and RS485 on in-memory buses, and the inverter-side driver monitors it. Half-way
 * through, one module drops out, and the bank's charge current limit falls with it (148 A → 111 A: 37 A per
 * US3000C module, the simulator's {@code ModulePreset}; the bank's figure scales with the modules it counts, docs/protocol.md
 * §1.6). It ends by itself after {@code --seconds}; if the drop-out has not reached the driver
 * by then (the CAN frames that carry it come once a second), it waits up to {@link #DROP_WAIT_SECONDS} s more and
 * shows it, so that the demo always shows what it promised. Exit status 0 when the last snapshot was complete.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"A simulated 4-module US3000C bank on in-memory CAN and RS485 buses, monitored by the driver.",
                "No hardware needed. One module drops out half-way through; ends by itself after --seconds."})
final class DemoCommand implements Callable<Integer> {

    /** A real US5000 capture as a candump log (used by the dump tests and the docs' decode example). */
    static final String CAPTURE = "/io/pylon4j/samples/demo/us5000-setfirelabs.log";

    @Spec
    CommandSpec spec;

    /** How long the end of the demo waits for the staged drop-out to reach the driver. */
    static final int DROP_WAIT_SECONDS = 10;

    /** The module that drops out: the fourth of group 0. */
    static final ModuleId DROPPED = ModuleId.of(0, 3);

    /**
     * What the page's commissioning checks expect of the demo's bank, which the demo knows: 4 US3000C modules, so
     * that {@code module-count} and {@code charge-current-limit} pass, then fail when the fourth module drops out.
     */
    static final Expectations DEMO_BANK = Expectations.of(4, new ModuleRating(ModulePreset.US3000C.model(),
            ModulePreset.US3000C.chargeCurrentDeciAmps() / 10.0,
            ModulePreset.US3000C.dischargeCurrentDeciAmps() / 10.0));

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "6",
            description = "How long to run, at least 2.")
    int seconds;

    @Option(names = "--http", paramLabel = "[HOST:]PORT",
            description = {"Also serve the live web view (docs/web.md) on PORT, loopback unless HOST is given; "
                    + "runs until stopped unless --seconds is given."})
    String http;

    @Override
    public Integer call() throws Exception {
        if (seconds < 2) { // one screen before the drop-out and one after it
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be at least 2, not "
                    + seconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        // with --http and no --seconds the demo runs until stopped (Ctrl-C), as a page to look at
        boolean untilStopped = http != null && !spec.commandLine().getParseResult().hasMatchedOption("--seconds");
        VirtualTransportProvider buses = new VirtualTransportProvider();
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(4).stateOfCharge(62)
                .loadProfile(LoadProfile.constant(-20)).build();
        CanTransport inverterCan = buses.canBus("demo-can").newMember();
        ByteStreamTransport inverterRs485 = buses.byteBus("demo-rs485").newMember();
        try (SimulatorServer battery = SimulatorServer.builder(bank).frameSet(CanFrameSet.PYLON_V12)
                     .can(buses.canBus("demo-can").newMember()).rs485(buses.byteBus("demo-rs485").newMember())
                     .build();
             inverterCan; inverterRs485;
             PylonDriver driver = PylonDriver.canAndRs485(inverterCan, inverterRs485,
                     DriverOptions.builder("demo-bank").build())) {
            out.println("# pylon demo: a simulated 4 x US3000C bank (CAN V1.2 + RS485, in memory), monitored by the "
                    + "driver; " + (untilStopped ? "runs until stopped (Ctrl-C)"
                    : "runs " + seconds + " s (--seconds), Ctrl-C stops it sooner"));
            out.flush();
            EventHandoff events = new EventHandoff(); // one at a time: a blocked terminal holds no queue of ours
            driver.events().subscribe(events); // only to wake the waits; the screens read driver.status()
            battery.start();
            driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (io.pylon4j.web.PylonWebView view = http == null ? null
                    : HttpAddress.serve(spec.commandLine(), http, driver, out, DEMO_BANK)) {
                return run(out, bank, driver, events, untilStopped ? Integer.MAX_VALUE : seconds);
            }
        }
    }

    private int run(PrintWriter out, SimulatedBank bank, PylonDriver driver, EventHandoff events, int seconds)
            throws InterruptedException {
        { // the screens, as they were inside call()'s try
            // the screens start with the bank's first complete snapshot, so the first one never shows "no data yet"
            awaitUntil(events, () -> MonitorCommand.complete(driver.status()));
            long start = System.nanoTime();
            int dropAt = seconds / 2 + 1;
            double cclBeforeAmps = Double.NaN;
            BankStatus shown = driver.status();
            for (int second = 1; second <= seconds; second++) {
                long due = start + TimeUnit.SECONDS.toNanos(second);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime())); // a once-a-second screen
                events.clear(); // nobody reads them here; keep a long run from piling them up
                if (second == dropAt) {
                    cclBeforeAmps = driver.status().publishedLimits().chargeCurrentLimitAmps();
                    bank.setModuleOnline(DROPPED, false);
                    out.println("# t=" + second + " s: module 4 drops out (as if its link cable were pulled)");
                }
                out.println("# t=" + second + " s");
                shown = driver.status();
                out.print(MonitorCommand.view(shown, driver.counters(), driver.now()));
                out.flush();
            }
            // judged on the screen printed, not on the driver now: the drop-out may land just after the last screen
            if (!dropShown(shown, cclBeforeAmps)) {
                // the frames that carry the drop-out come once a second and may not have arrived by the last screen
                double cclBefore = cclBeforeAmps;
                awaitUntil(events, () -> dropShown(driver.status(), cclBefore));
                BankStatus last = driver.status();
                out.println("# t=" + String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9)
                        + " s: "
                        + (dropShown(last, cclBeforeAmps) ? "the drop-out reached the driver"
                        : "the drop-out did not reach the driver within " + DROP_WAIT_SECONDS + " s"));
                out.print(MonitorCommand.view(last, driver.counters(), driver.now()));
                out.flush();
            }
            return MonitorCommand.complete(driver.status()) ? 0 : 1;
        }
    }

    /**
     * Waits until {@code condition} holds, re-checking on each event and at least every 200 ms (a reply that repeats
     * its values changes the snapshot without an event), for at most {@link #DROP_WAIT_SECONDS} s.
     */
    private static void awaitUntil(EventHandoff events, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DROP_WAIT_SECONDS);
        long left;
        while (!condition.getAsBoolean() && (left = deadline - System.nanoTime()) > 0) {
            events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
        }
    }

    /** The driver sees one module fewer and a charge current limit below {@code cclBeforeAmps}. */
    static boolean dropShown(BankStatus s, double cclBeforeAmps) {
        return s.moduleCount().orElse(0) == 3 && s.publishedLimits().chargeCurrentLimitAmps() < cclBeforeAmps;
    }
}
