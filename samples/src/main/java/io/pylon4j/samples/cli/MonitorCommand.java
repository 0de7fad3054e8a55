package io.pylon4j.samples.cli;

import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankEventJson;
import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.BankStatusJson;
import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.LimitCaps;
import io.pylon4j.driver.LimitProvenance;
import io.pylon4j.driver.LimitSource;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.SlidingRate;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.Transports;
import java.io.PrintWriter;
import java.math.BigDecimal;
import io.pylon4j.transport.time.Moment;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pylon monitor --can ENDPOINT | --rs485 ENDPOINT}: reads a bank with the driver (keep-alives, polling,
 * supervision, fail-safe limits) and shows it.
 *
 * <ul>
 *   <li>default: a text view redrawn every second (limits and, for any limit that is not the battery's fresh value,
 *       why: fail-safe, user cap, module-count scaling; measurements, alarms, modules, link state, and right under
 *       the first line, why a link is down);</li>
 *   <li>{@code --json}: the driver's events as JSON Lines ({@code docs/driver-events.md});</li>
 *   <li>{@code --once}: waits for a complete snapshot (limits, state of charge, voltage and module count), prints it
 *       as one line of JSON ({@code BankStatusJson}) and exits; status 1 if {@code --timeout} passed first (the
 *       incomplete snapshot is printed all the same), and status 1 at once, with the cause on standard error
 *       ("connection refused by 127.0.0.1:1"), when the link fails before it was ever up.</li>
 * </ul>
 *
 * <p>Events reach this command's thread one at a time ({@link EventHandoff}) from the driver's own event thread;
 * nothing is printed from a transport's I/O thread, and a blocked output holds only the driver's bounded, coalescing
 * queue: the newest limits, state and alarms are printed when the output drains. Exit status: 0; 1 for an incomplete {@code --once}; 2 for a bad command line.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Read a bank with the driver and show it: a live view, events as JSON Lines, or one snapshot.",
                "",
                "CAN: socketcan:IFACE, socketcand:HOST:PORT/IFACE, virtual:NAME, replay:FILE[?pace=fast].",
                "RS485: serial:PORT, tcp:HOST:PORT (polled as group 0's master, or --groups)."})
final class MonitorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Link link;

    /** Exactly one of the two. */
    static final class Link {
        @Option(names = "--can", paramLabel = "ENDPOINT", required = true, description = "A CAN endpoint.")
        String can;

        @Option(names = "--rs485", paramLabel = "ENDPOINT", required = true, description = "An RS485 endpoint.")
        String rs485;
    }

    @Option(names = "--json", description = "Print the events as JSON Lines.")
    boolean json;

    @Option(names = "--once", description = "Print one complete snapshot as JSON and exit.")
    boolean once;

    @Option(names = "--inverter", paramLabel = "NAME", defaultValue = "generic-pylon",
            description = "Behave as this inverter's driver (keep-alive, fail-safe values): generic-pylon, victron, "
                    + "sma, deye, sol-ark, sofar; any case.")
    String inverter;

    /** The name this option had before all commands said {@code --inverter}; kept so that old scripts run. */
    @Option(names = "--profile", paramLabel = "NAME", hidden = true)
    String legacyProfile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "--once: give up after SECONDS.")
    BigDecimal timeout;

    @Option(names = "--max-events", paramLabel = "N", description = "--json: stop after N events.")
    Long maxEvents;

    @Option(names = "--groups", paramLabel = "G", split = ",",
            description = "RS485: the groups to poll, e.g. 1,2,3 behind an LV-Hub (default 0, a single group).")
    List<Integer> groups;

    @Option(names = "--per-module-limits", description = "RS485: ask every module for its 0x92 limits each cycle.")
    boolean perModuleLimits;

    @Option(names = "--detect-baud", description = {"RS485: find the bank's baud rate, 115200 then 9600 (DIP switch 1), "
            + "setting the endpoint's baud= for each (serial:, rfc2217:)."})
    boolean detectBaud;

    @Option(names = "--max-charge-current", paramLabel = "AMPS",
            description = "A user cap on the published charge current limit (shown as USER_CAP when it bites).")
    Double maxChargeCurrentAmps;

    @Option(names = "--max-discharge-current", paramLabel = "AMPS",
            description = "A user cap on the published discharge current limit.")
    Double maxDischargeCurrentAmps;

    @Option(names = {"--plain", "--no-color"},
            description = "Never clear the screen: each view follows the last, after an empty line (always so when "
                    + "standard output is not a terminal: a pipe or file gets no escape sequences).")
    boolean plain;

    @Option(names = "--http", paramLabel = "[HOST:]PORT",
            description = "Also serve the live web view (docs/web.md) on PORT, loopback unless HOST is given.")
    String http;

    @Option(names = "--seconds", paramLabel = "S",
            description = "The live view (with or without --http): stop after S seconds; without it, run until stopped.")
    Integer seconds;

    /** Resolves endpoints; {@link Transports#fromServiceLoader()} unless a test sets it. */
    Transports transports;

    /** Whether standard output is a terminal, so that the live view may clear the screen; a test replaces it. */
    java.util.function.BooleanSupplier stdoutIsTerminal = Terminal::stdoutIsTerminal;

    /** The driver's events on their way to this command's thread (a test reads its subscription's counters). */
    final EventHandoff events = new EventHandoff();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        InverterProfile p;
        try {
            p = Vocabulary.inverter(legacyProfile != null ? legacyProfile : inverter);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (once && json) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--once and --json exclude each other");
        }
        if (detectBaud && link.rs485 == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--detect-baud needs --rs485");
        }
        Transports resolver = transports != null ? transports : Transports.fromServiceLoader();
        DriverOptions options;
        try {
            DriverOptions.Builder b = DriverOptions.builder("bank").profile(p).rs485PerModuleLimits(perModuleLimits);
            if (groups != null) {
                b.rs485Groups(groups);
            }
            LimitCaps caps = LimitCaps.none();
            if (maxChargeCurrentAmps != null) {
                caps = caps.withMaxChargeCurrentAmps(maxChargeCurrentAmps);
            }
            if (maxDischargeCurrentAmps != null) {
                caps = caps.withMaxDischargeCurrentAmps(maxDischargeCurrentAmps);
            }
            options = b.caps(caps).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        EventHandoff events = this.events; // bounded: a blocked stdout holds only the driver's coalescing queue
        PylonDriver driver;
        try {
            driver = link.can != null ? PylonDriver.openCan(resolver, link.can, options)
                    : detectBaud ? PylonDriver.openRs485DetectingBaud(resolver, link.rs485, options)
                    : PylonDriver.openRs485(resolver, link.rs485, options);
        } catch (InvalidEndpointException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (driver; io.pylon4j.web.PylonWebView view = http == null ? null
                : HttpAddress.serve(spec.commandLine(), http, driver, out)) {
            driver.events().subscribe(events);
            driver.start();
            long endNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds == null ? 0 : seconds);
            java.util.function.BooleanSupplier running = seconds == null ? () -> true
                    : () -> System.nanoTime() - endNanos < 0;
            if (once) {
                return once(driver, events, out);
            }
            if (json) {
                long n = 0;
                while (maxEvents == null || n < maxEvents) {
                    out.println(BankEventJson.toJson(events.take()));
                    out.flush();
                    n++;
                }
                return 0;
            }
            // sampled on each redraw: a sliding 10 s average of what arrived
            SlidingRate canRate = new SlidingRate(() -> driver.counters().canFrames(), driver.options().time());
            SlidingRate rs485Rate = new SlidingRate(() -> driver.counters().rs485Replies(), driver.options().time());
            // screen clears only into a terminal: in a pipe or a file they are noise ("ESC[H ESC[2J" before each view)
            String beforeView = !plain && stdoutIsTerminal.getAsBoolean() ? CLEAR_SCREEN : System.lineSeparator();
            while (running.getAsBoolean()) {
                // redraw each second, or sooner when something changed (and then at most each 200 ms)
                BankEvent first = events.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    events.poll(200, TimeUnit.MILLISECONDS);
                    events.clear();
                }
                out.print(beforeView);
                out.print(view(driver.status(), driver.counters(), driver.now()));
                out.print(rates(canRate.perSecond(), rs485Rate.perSecond()));
                out.flush();
            }
            return 0;
        }
    }

    /** ANSI: cursor home, erase the screen. */
    static final String CLEAR_SCREEN = "\033[H\033[2J";

    private int once(PylonDriver driver, EventHandoff events, PrintWriter out)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.movePointRight(9).longValue();
        boolean everUp = false;
        // with --detect-baud the rate belongs to the snapshot: wait until the driver confirmed it (one more window)
        while (!complete(driver.status()) || detectBaud && driver.rs485BaudRate().isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                out.println(BankStatusJson.toJson(driver.status(), driver.now()));
                out.flush();
                spec.commandLine().getErr().println("monitor: no complete snapshot within " + timeout + " s"
                        + (detectBaud && driver.rs485BaudRate().isEmpty() ? " (no baud rate answered)" : ""));
                return 1;
            }
            // the confirmed rate comes with no event: re-check at least every 200 ms while detecting
            BankEvent event = events.poll(detectBaud ? Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)) : left,
                    TimeUnit.NANOSECONDS);
            if (event instanceof BankEvent.LinkStateChanged l) {
                everUp |= l.current() == ConnectionState.CONNECTED;
                if (!everUp && l.cause().isPresent()) {
                    // the link never came up: say why now rather than wait for the timeout and blame the battery
                    out.println(BankStatusJson.toJson(driver.status(), driver.now()));
                    out.flush();
                    spec.commandLine().getErr().println("monitor: the " + l.source() + " link did not come up: "
                            + l.cause().get() + " (" + endpoint() + ")");
                    return 1;
                }
            }
        }
        out.println(BankStatusJson.toJson(driver.status(), driver.now()));
        out.flush();
        if (detectBaud) {
            spec.commandLine().getErr().println("monitor: the bank answers at " + driver.rs485BaudRate().getAsInt()
                    + " baud");
        }
        return 0;
    }

    private String endpoint() {
        return link.can != null ? link.can : link.rs485;
    }

    /** Limits, state of charge, voltage and module count have all arrived. */
    static boolean complete(BankStatus s) {
        return s.batteryLimits().isPresent() && s.measurements().socPercent().isPresent()
                && s.measurements().voltageVolts().isPresent() && s.moduleCount().isPresent();
    }

    /** The text view of one snapshot. */
    static String view(BankStatus s, DriverCounters c, Moment now) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "bank %s   %s since %s (%s)%n", s.bankId(), s.supervisionState(),
                s.supervisionSince(), s.supervisionReason()));
        s.sources().values().forEach(src -> src.linkCause().ifPresent(cause -> b.append(String.format(Locale.ROOT,
                "link down  %s %s since %s: %s%n", src.source(), src.link().map(Object::toString).orElse("-"),
                src.linkStatus().map(l -> l.since().toString()).orElse("-"), cause))));
        s.silentGroups().forEach(g -> b.append(String.format(Locale.ROOT, "group %d silent since %s: %s%n", g.group(),
                g.since(), g.reason())));
        var pl = s.publishedLimits();
        b.append(String.format(Locale.ROOT, "published  CVL %6.1f V  CCL %6.1f A  DCL %6.1f A   [%s]%n",
                pl.chargeVoltageLimitVolts(), pl.chargeCurrentLimitAmps(), pl.dischargeCurrentLimitAmps(),
                s.chargeCurrentLimitProvenance().source()));
        b.append(why(s));
        s.batteryLimits().ifPresent(l -> b.append(String.format(Locale.ROOT,
                "battery    CVL %6.1f V  CCL %6.1f A  DCL %6.1f A%n", l.chargeVoltageLimitVolts(),
                l.chargeCurrentLimitAmps(), l.dischargeCurrentLimitAmps())));
        var m = s.measurements();
        b.append(String.format(Locale.ROOT, "measured   SOC %s %%  SOH %s %%  %s V  %s A  %s °C   modules %s%n",
                num(m.socPercent()), num(m.sohPercent()), num(m.voltageVolts()), num(m.currentAmps()),
                num(m.temperatureCelsius()), s.moduleCount().isPresent() ? s.moduleCount().getAsInt() : "-"));
        b.append("flags      ").append(s.requestFlags().map(MonitorCommand::flags).orElse("-")).append('\n');
        b.append("alarms     ").append(s.activeAlarms().isEmpty() ? "none" : s.activeAlarms().toString())
                .append('\n');
        s.bankInfo().ifPresent(i -> b.append(bankInfo(i)));
        if (!s.modules().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%n%-5s %9s %8s %7s %7s %7s %6s %7s  %-16s  %s%n", "adr", "voltage",
                    "current", "cellMin", "cellMax", "tempMax", "cycles", "CCL", "serial", "version"));
            for (ModuleDetails d : s.modules().values()) {
                b.append(String.format(Locale.ROOT, "0x%02X  %9s %8s %7s %7s %7s %6s %7s  %-16s  %s/%s%n",
                        d.address(), num(d.voltageVolts()), num(d.currentAmps()),
                        num(d.cellVoltagesVolts().stream().mapToDouble(Double::doubleValue).min()),
                        num(d.cellVoltagesVolts().stream().mapToDouble(Double::doubleValue).max()),
                        num(d.temperaturesCelsius().stream().mapToDouble(Double::doubleValue).max()),
                        d.cycles().isPresent() ? d.cycles().getAsInt() : "-", num(d.chargeCurrentLimitAmps()),
                        d.serialNumber().orElse("-"), d.manufacturerVersion().orElse("-"),
                        d.mainlineVersion().orElse("-")));
            }
        }
        b.append('\n');
        s.sources().values().forEach(src -> b.append(String.format(Locale.ROOT, "link %-6s %s%s, last data %s%n",
                src.source(), src.link().map(Object::toString).orElse("-"),
                src.linkCause().map(why -> " (" + why + ")").orElse(""),
                src.age(now).map(a -> a.toMillis() + " ms ago").orElse("never"))));
        b.append(String.format(Locale.ROOT,
                "counters   CAN frames %d (malformed %d, unknown %d), keep-alives %d (skipped %d); "
                        + "RS485 requests %d, replies %d, retries %d, timeouts %d, rejections %d, bad %d "
                        + "(checksum %d), skipped %d, silent groups %d (fell silent %d); implausible limits %d%n",
                c.canFrames(), c.canMalformed(), c.canUnknown(), c.keepAlivesSent(), c.keepAlivesSkipped(),
                c.rs485Requests(), c.rs485Replies(), c.rs485Retries(), c.rs485Timeouts(), c.rs485Rejections(),
                c.rs485BadFrames(), c.rs485ChecksumErrors(), c.rs485RequestsSkipped(), c.rs485SilentGroups(),
                c.rs485GroupSilences(), c.implausibleValues()));
        return b.toString();
    }

    /**
     * "Why is the charge limit 0?": one line for each published limit that is not simply the battery's fresh value
     * (fail-safe, last known, user cap, module-count scaling), with the policy's reason; nothing when all are.
     */
    static String why(BankStatus s) {
        StringBuilder b = new StringBuilder();
        String[] names = {"CVL", "CCL", "DCL", "DVL"};
        LimitProvenance[] all = {s.chargeVoltageLimitProvenance(), s.chargeCurrentLimitProvenance(),
                s.dischargeCurrentLimitProvenance(), s.dischargeVoltageLimitProvenance()};
        for (int i = 0; i < all.length; i++) {
            if (all[i].source() != LimitSource.BATTERY) {
                b.append(String.format(Locale.ROOT, "%-10s %s [%s] %s%n", b.isEmpty() ? "why" : "", names[i],
                        all[i].source(), all[i].reason()));
            }
        }
        return b.toString();
    }

    /** The 0x51/0x47 line(s): which battery, which firmware, its fixed protection limits. */
    static String bankInfo(BankInfo i) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "model      %s by %s, software %s%n",
                i.deviceName().orElse("-"), i.manufacturerName().orElse("-"), i.softwareVersion().orElse("-")));
        i.systemParameters().ifPresent(p -> b.append(String.format(Locale.ROOT,
                "protection cell %.2f/%.2f/%.2f V  module %.2f/%.2f/%.2f V  per module CCL %.1f A  DCL %.1f A  "
                        + "charge %.1f…%.1f °C  discharge %.1f…%.1f °C%n",
                p.cellHighVoltageLimitVolts(), p.cellLowVoltageLimitVolts(), p.cellUnderVoltageLimitVolts(),
                p.moduleHighVoltageLimitVolts(), p.moduleLowVoltageLimitVolts(), p.moduleUnderVoltageLimitVolts(),
                p.chargeCurrentLimitAmps(), p.dischargeCurrentLimitAmps(), p.chargeLowTemperatureLimitCelsius(),
                p.chargeHighTemperatureLimitCelsius(), p.dischargeLowTemperatureLimitCelsius(),
                p.dischargeHighTemperatureLimitCelsius())));
        return b.toString();
    }

    /** The request flags as an installer reads them: what is allowed, then what the battery asks for. */
    static String flags(RequestFlags f) {
        StringBuilder b = new StringBuilder();
        b.append("charge ").append(f.chargeEnable() ? "enabled" : "DISABLED");
        b.append(", discharge ").append(f.dischargeEnable() ? "enabled" : "DISABLED");
        if (f.forceChargeI()) {
            b.append(", FORCE CHARGE I requested");
        }
        if (f.forceChargeII()) {
            b.append(", FORCE CHARGE II requested");
        }
        if (f.fullChargeRequest()) {
            b.append(", FULL CHARGE requested");
        }
        return b.toString();
    }

    /** The rates line of the text view. */
    static String rates(double canFramesPerSecond, double rs485RepliesPerSecond) {
        return String.format(Locale.ROOT, "rates      CAN %.1f frames/s, RS485 %.1f replies/s%n", canFramesPerSecond,
                rs485RepliesPerSecond);
    }

    private static String num(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.2f", v.getAsDouble()) : "-";
    }
}
