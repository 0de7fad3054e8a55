package io.pylon4j.samples.cli;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
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
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pylon demo}: what pylon4j does, with no hardware: a simulated 4-module US3000C bank speaks CAN (the
 * Pylontech V1.2 frame set) and RS485 on in-memory buses, and the inverter-side driver monitors it. Half-way
 * through, one module drops out, and the bank's charge current limit falls with it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"A simulated 4-module US3000C bank on in-memory CAN and RS485 buses, monitored by the driver.",
                "No hardware needed. One module drops out half-way through."})
final class DemoCommand implements Callable<Integer> {

    /** A real US5000 capture as a candump log (used by the dump tests and the docs' decode example). */
    static final String CAPTURE = "/io/pylon4j/samples/demo/us5000-setfirelabs.log";

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "6", description = "How long to run (default 6).")
    int seconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
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
                    + "driver; Ctrl-C stops");
            out.flush();
            battery.start();
            driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            long start = System.nanoTime();
            for (int second = 1; second <= seconds; second++) {
                long due = start + TimeUnit.SECONDS.toNanos(second);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime())); // a once-a-second screen
                if (second == seconds / 2 + 1) {
                    bank.setModuleOnline(ModuleId.of(0, 3), false);
                    out.println("# t=" + second + " s: module 4 drops out (as if its link cable were pulled)");
                }
                out.println("# t=" + second + " s");
                out.print(MonitorCommand.view(driver.status(), driver.counters(), Instant.now()));
                out.flush();
            }
            return MonitorCommand.complete(driver.status()) ? 0 : 1;
        }
    }
}
