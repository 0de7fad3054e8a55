package io.pylon4j.samples.cli;

import io.pylon4j.simulator.BankSnapshot;
import io.pylon4j.simulator.LoadProfile;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.CanFrameSet;
import io.pylon4j.simulator.frontend.ReceivedTraffic;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.tcplisten.TcpListenTransport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pylon simulate}: serves a simulated bank on a CAN endpoint, an RS485 endpoint or both until stopped (Ctrl-C:
 * a shutdown hook closes the transports), with one line a second on standard error of what it sent and received.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Serve a simulated Pylontech bank (battery side) until stopped.",
                "CAN endpoints: virtual:NAME, slcan:PORT, socketcan:IFACE (Linux on x86_64, aarch64 or armv7: the "
                        + "CPUs whose JavaCAN native library the distribution ships). "
                        + "RS485: tcp-listen:PORT[?bind=ADDRESS] (loopback unless bind says otherwise), "
                        + "serial:PORT[?baud=115200|9600]."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--modules", paramLabel = "N", defaultValue = "1", description = "Modules per group (1-16).")
    int modules;

    @Option(names = "--groups", paramLabel = "G", defaultValue = "1", description = "Groups (1-6).")
    int groups;

    @Option(names = "--preset", paramLabel = "MODEL", defaultValue = "US3000C",
            description = "The module type: US2000C, US2000B-Plus (US2KBPL), US3000C, US5000, UP2500; any case.")
    String preset;

    @Option(names = "--can", paramLabel = "ENDPOINT", description = "Send the CAN frame set here every second.")
    String can;

    @Option(names = "--rs485", paramLabel = "ENDPOINT", description = "Answer RS485 requests here.")
    String rs485;

    @Option(names = "--frame-set", paramLabel = "SET",
            description = "The CAN frames sent: pylon-v12, pylon-v13 or victron; any case. Default: the "
                    + "--inverter's set, else pylon-v12. Given with an --inverter that reads another set: a usage "
                    + "error.")
    String frameSetName;

    @Option(names = "--inverter", paramLabel = "NAME",
            description = "Send the CAN frame set this inverter reads: victron, sma -> victron; generic-pylon, "
                    + "deye, sol-ark, sofar -> pylon-v12.")
    String inverter;

    /** The frame set's option name before {@code --profile} meant two things (monitor: the inverter); kept. */
    @Option(names = "--profile", paramLabel = "SET", hidden = true)
    String legacyProfile;

    /** The frame set asked for, by either name of the option; null if none was. */
    String frameSetName() {
        return legacyProfile != null ? legacyProfile : frameSetName;
    }

    /**
     * The frame set to send: the one asked for, else the {@code --inverter}'s ({@link Vocabulary#frameSet}), else
     * pylon-v12. Both given and naming different sets is an error rather than a silent choice between them.
     *
     * @throws IllegalArgumentException for an unknown name or a conflicting pair
     */
    CanFrameSet frameSet() {
        CanFrameSet asked = frameSetName() == null ? null : CanFrameSet.named(frameSetName());
        if (inverter == null) {
            return asked != null ? asked : CanFrameSet.PYLON_V12;
        }
        CanFrameSet read = Vocabulary.frameSet(Vocabulary.inverter(inverter));
        if (asked != null && asked != read) {
            throw new IllegalArgumentException("--frame-set " + frameSetName() + " conflicts with --inverter "
                    + inverter + ", which reads " + frameSetLabel(read) + "; give one of them");
        }
        return read;
    }

    /** The name {@link CanFrameSet#named} takes for {@code set}. */
    static String frameSetLabel(CanFrameSet set) {
        return set.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Option(names = "--load", paramLabel = "AMPS", defaultValue = "0",
            description = "Bank current, + = charge, - = discharge.")
    double load;

    @Option(names = "--soc", paramLabel = "PERCENT", defaultValue = "50", description = "Starting state of charge.")
    double soc;

    @Option(names = "--seconds", paramLabel = "S", description = "Stop after S seconds (default: until stopped).")
    Long seconds;

    /** Resolves the endpoints; {@link Transports#fromServiceLoader()} unless a test sets it. */
    Transports transports;

    /** Completed with the local port once a {@code tcp-listen:} RS485 endpoint is bound (for tests). */
    final CompletableFuture<Integer> rs485Port = new CompletableFuture<>();

    private final CountDownLatch stop = new CountDownLatch(1);

    /** Asks a running command to stop, as Ctrl-C does. */
    void stop() {
        stop.countDown();
    }

    @Override
    @SuppressWarnings("try") // the shutdown hook closes the server early on Ctrl-C; close() is idempotent
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (can == null && rs485 == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --can ENDPOINT, --rs485 ENDPOINT or both");
        }
        CanFrameSet frameSet;
        ModulePreset model;
        SimulatedBank bank;
        try {
            frameSet = frameSet();
            model = ModulePreset.named(preset);
            bank = SimulatedBank.builder(model).groups(groups).modulesPerGroup(modules).stateOfCharge(soc)
                    .loadProfile(LoadProfile.constant(load)).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Transports resolver = transports != null ? transports : Transports.fromServiceLoader();
        SimulatorServer.Builder builder = SimulatorServer.builder(bank).frameSet(frameSet);
        try {
            if (can != null) {
                CanTransport canTransport = resolver.can(can);
                builder.can(canTransport);
            }
            if (rs485 != null) {
                ByteStreamTransport rs485Transport = resolver.byteStream(rs485);
                if (rs485Transport instanceof TcpListenTransport listen) {
                    int port = listen.localPort();
                    err.println("pylon simulate: RS485 listening on " + listen.bindAddress().getHostAddress() + ":"
                            + port);
                    rs485Port.complete(port);
                }
                builder.rs485(rs485Transport);
            }
        } catch (RuntimeException e) {
            err.println("pylon simulate: " + e.getMessage());
            err.flush();
            rs485Port.completeExceptionally(e);
            return 2;
        }
        try (SimulatorServer server = builder.build()) {
            Thread hook = new Thread(() -> {
                stop.countDown();
                server.close();
            }, "pylon-simulate-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                server.start();
                err.printf(Locale.ROOT, "pylon simulate: %d × %s in %d group(s), CAN %s (%s), RS485 %s; Ctrl-C stops%n",
                        modules, model.model(), groups, can == null ? "off" : can, frameSetLabel(frameSet),
                        rs485 == null ? "off" : rs485);
                err.flush();
                serve(server, err);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it closes the server
                }
            }
        }
        err.println("pylon simulate: stopped");
        err.flush();
        return 0;
    }

    private void serve(SimulatorServer server, PrintWriter err) throws InterruptedException {
        ReceivedTraffic t = server.traffic();
        long frames = 0;
        long requests = 0;
        long replies = 0;
        long keepAlives = 0;
        long start = System.nanoTime();
        for (long second = 1; ; second++) {
            long due = start + TimeUnit.SECONDS.toNanos(second);
            if (stop.await(Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return;
            }
            if (can == null) {
                server.bank().advance(Duration.ofSeconds(1)); // the CAN cycle moves the bank's time otherwise
            }
            BankSnapshot s = server.bank().snapshot();
            long f = t.canFramesSent();
            long q = t.rs485RequestCount();
            long r = t.rs485ReplyCount();
            long k = t.keepAliveCount();
            err.printf(Locale.ROOT, "t=%ds sent %d CAN frames (CVL %.1f V CCL %.1f A SOC %d %%), %d RS485 requests, "
                            + "%d answered, 305 seen %dx%n", second, f - frames,
                    s.limits().chargeVoltageMillivolts() / 100 / 10.0, s.limits().chargeCurrentAmps(),
                    s.stateOfChargePercent(), q - requests, r - replies, k - keepAlives);
            err.flush();
            frames = f;
            requests = q;
            replies = r;
            keepAlives = k;
            if (seconds != null && second >= seconds) {
                return;
            }
        }
    }
}
