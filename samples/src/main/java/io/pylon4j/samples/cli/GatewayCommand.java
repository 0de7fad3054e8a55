package io.pylon4j.samples.cli;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.gateway.BankSource;
import io.pylon4j.gateway.Rs485Gateway;
import io.pylon4j.gateway.Rs485GatewayCounters;
import io.pylon4j.gateway.CanGateway;
import io.pylon4j.gateway.CombinedBankSource;
import io.pylon4j.gateway.DriverBankSource;
import io.pylon4j.gateway.GatewayCounters;
import io.pylon4j.gateway.GatewayEvent;
import io.pylon4j.gateway.GatewayProfile;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.time.Scheduler;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pylon gateway --from SOURCE --to can:ENDPOINT --profile NAME}: reads one bank (or several, combined as an
 * LV-Hub would) with the driver and presents it to an inverter as a Pylontech bank ({@code docs/gateway.md}). Prints
 * one line per change of what is sent and of the inverter's keep-alive, and the counters when it ends
 * ({@code --duration}, or Ctrl-C).
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {"Present a bank (or several, combined) to an inverter as a Pylontech bank over CAN.",
                "",
                "--from can:ENDPOINT or rs485:ENDPOINT[,ENDPOINT...], repeatable: one driver per endpoint; several "
                        + "are combined (currents summed over fresh banks, the safest voltage limits, SOC by capacity).",
                "--to can:ENDPOINT: the inverter's CAN link (socketcan:can0, virtual:NAME, ...); or rs485:ENDPOINT: "
                        + "answer an inverter that polls over RS485 (serial:/dev/ttyUSB0, tcp-listen:PORT, ...)."})
final class GatewayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "SOURCE", required = true,
            description = "can:ENDPOINT or rs485:ENDPOINT[,ENDPOINT...]; repeat for more banks (at most 6).")
    List<String> from;

    @Option(names = "--to", paramLabel = "TARGET", required = true,
            description = "can:ENDPOINT or rs485:ENDPOINT, the inverter's link.")
    String to;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "pylon",
            description = "The inverter's profile: pylon (pylon-v1.2, deye), pylon-v1.3, victron, luxpower, "
                    + "sol-ark, sma.")
    String profile;

    @Option(names = "--silence-after", paramLabel = "SECONDS",
            description = "Send the fail-safe frames this long after the source stopped being fresh, then nothing "
                    + "(default: the profile's; 'never' sends them for as long as needed).")
    String silenceAfter;

    @Option(names = "--module-capacity", paramLabel = "AH", defaultValue = "100",
            description = "One module's capacity, Ah, when the driver reads none (SOC weighting, 0x35F, 0x379).")
    double moduleCapacityAmpHours;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop after SECONDS (default: run until interrupted).")
    BigDecimal duration;

    /** Resolves endpoints; {@link Transports#fromServiceLoader()} unless a test sets it. */
    Transports transports;

    @Override
    public Integer call() throws InterruptedException {
        GatewayProfile p = profile();
        Transports resolver = transports != null ? transports : Transports.fromServiceLoader();
        List<String[]> sources = sources();
        boolean toRs485 = to.startsWith("rs485:");
        if (!to.startsWith("can:") && !toRs485) {
            throw usage("--to takes can:ENDPOINT or rs485:ENDPOINT: '" + to + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        LinkedBlockingQueue<GatewayEvent> events = new LinkedBlockingQueue<>(1000);
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "pylon4j-gateway"));
        List<PylonDriver> drivers = new ArrayList<>();
        CanTransport inverter = null;
        CanGateway gateway = null;
        ByteStreamTransport rs485Inverter = null;
        Rs485Gateway rs485Gateway = null;
        try {
            Scheduler scheduler = Scheduler.of(timers);
            List<BankSource> members = new ArrayList<>();
            for (String[] s : sources) {
                DriverOptions options = DriverOptions.builder("bank-" + (drivers.size() + 1)).scheduler(scheduler)
                        .build();
                PylonDriver d = s[0].equals("can") ? PylonDriver.openCan(resolver, s[1], options)
                        : PylonDriver.openRs485(resolver, s[1], options);
                drivers.add(d);
                members.add(new DriverBankSource(d, moduleCapacityAmpHours));
            }
            BankSource source = members.size() == 1 ? members.get(0) : new CombinedBankSource(members, 1);
            if (toRs485) {
                rs485Inverter = resolver.byteStream(to.substring("rs485:".length()));
                rs485Gateway = Rs485Gateway.builder(source, rs485Inverter, p).scheduler(scheduler)
                        .listener(events::offer).build();
            } else {
                inverter = resolver.can(to.substring("can:".length()));
                gateway = CanGateway.builder(source, inverter, p).scheduler(scheduler).listener(events::offer).build();
            }
            drivers.forEach(PylonDriver::start);
            if (toRs485) {
                rs485Inverter.open();
                rs485Gateway.start();
            } else {
                inverter.open();
                gateway.start();
            }
            out.println("gateway: " + sources.size() + " source(s) → " + to + " as " + p.name());
            out.flush();
            long end = duration == null ? Long.MAX_VALUE
                    : System.nanoTime() + duration.movePointRight(9).longValue();
            while (System.nanoTime() - end < 0) {
                GatewayEvent e = events.poll(Math.min(1_000_000_000L, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e != null) {
                    out.println(line(e));
                    out.flush();
                }
            }
            out.println(toRs485 ? counters(rs485Gateway.counters()) : counters(gateway.counters()));
            out.flush();
            return ExitStatus.OK;
        } catch (InvalidEndpointException | IllegalArgumentException e) {
            throw usage(e.getMessage());
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            if (inverter != null) {
                inverter.close();
            }
            if (rs485Gateway != null) {
                rs485Gateway.close();
            }
            if (rs485Inverter != null) {
                rs485Inverter.close();
            }
            drivers.forEach(PylonDriver::close);
            timers.shutdownNow();
        }
    }

    private GatewayProfile profile() {
        try {
            GatewayProfile p = GatewayProfile.named(profile);
            if (silenceAfter == null) {
                return p;
            }
            return p.withSilenceAfter(silenceAfter.equalsIgnoreCase("never") ? Optional.empty()
                    : Optional.of(Duration.ofMillis(new BigDecimal(silenceAfter).movePointRight(3).longValueExact())));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw usage(e.getMessage());
        }
    }

    /** Each {@code --from} as (link, endpoint) pairs: an rs485: list gives one pair per endpoint. */
    private List<String[]> sources() {
        List<String[]> list = new ArrayList<>();
        for (String f : from) {
            if (f.startsWith("can:")) {
                list.add(new String[] {"can", f.substring(4)});
            } else if (f.startsWith("rs485:")) {
                for (String e : f.substring(6).split(",")) {
                    list.add(new String[] {"rs485", e.strip()});
                }
            } else {
                throw usage("--from takes can:ENDPOINT or rs485:ENDPOINT[,...]: '" + f + "'");
            }
        }
        if (list.size() > CombinedBankSource.MAX_MEMBERS) {
            throw usage("at most " + CombinedBankSource.MAX_MEMBERS + " banks: " + list.size());
        }
        return list;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    static String line(GatewayEvent e) {
        if (e instanceof GatewayEvent.StateChanged s) {
            return s.at() + " sending " + s.from() + " → " + s.to() + ": " + s.reason();
        }
        if (e instanceof GatewayEvent.KeepAliveChanged k) {
            return k.at() + " inverter keep-alive " + k.from() + " → " + k.to() + ": " + k.reason();
        }
        GatewayEvent.OverrideChanged o = (GatewayEvent.OverrideChanged) e; // the only other kind (sealed)
        return o.at() + " override: " + o.reason();
    }

    static String counters(Rs485GatewayCounters c) {
        return "gateway: " + c.requests() + " requests (" + c.answered() + " answered, " + c.refused()
                + " refused, " + c.withheld() + " withheld), " + c.brokenFrames() + " broken frames, "
                + c.noiseBytes() + " noise bytes, " + c.sourceFailures() + " source failures";
    }

    static String counters(GatewayCounters c) {
        return "gateway: " + c.cycles() + " cycles (" + c.cyclesForwarded() + " forwarded, " + c.cyclesFailSafe()
                + " fail-safe, " + c.cyclesWithheld() + " withheld), " + c.framesSent() + " frames sent, "
                + c.sendFailures() + " refused, " + c.keepAlivesSeen() + " keep-alives, " + c.keepAliveLosses()
                + " keep-alive losses, " + c.cyclesSkipped() + " late runs skipped";
    }
}
