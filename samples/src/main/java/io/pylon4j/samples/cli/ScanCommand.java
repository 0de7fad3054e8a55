package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.driver.scan.AddressResult;
import io.pylon4j.driver.scan.Rs485AddressScanner;
import io.pylon4j.driver.scan.ScanCounters;
import io.pylon4j.driver.scan.ScanOptions;
import io.pylon4j.driver.scan.ScanProbe;
import io.pylon4j.driver.scan.ScanReport;
import io.pylon4j.rs485.Rs485Address;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.LinkFailures;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pylon scan ENDPOINT}: which RS485 addresses answer, asked with read-only commands only (0x4F, 0x51, and
 * 0x93 with {@code --serial}), one request at a time with a gap between requests ({@link Rs485AddressScanner}).
 *
 * <p>Prints, as each address finishes, a table row for every address that answered, refused or sent garbage
 * (silent ones only in the summary), or with {@code --json} one JSON line per address, silent ones included:
 * {@code {"address":"0x02","group":0,"battery":1,"result":"answered","protocolVersion":"2.0",...}}. A summary with
 * the counters goes to standard error. The baud rate is the endpoint's ({@code serial:/dev/ttyUSB0?baud=9600}): scan
 * at 115200 and at 9600 to cover both DIP settings.
 *
 * <p>Progress reaches this command's thread through a queue; nothing is printed on the transport's or the
 * scheduler's thread. The scheduler is one thread, {@code pylon4j-scan}, shut down at the end. Exit status: 0 when an
 * address answered, 1 when none did, 2 for a bad command line or an endpoint that cannot be opened.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Find which RS485 addresses answer, with read-only requests (0x4F, 0x51; 0x93 with --serial),"
                + " one at a time.",
                "",
                "ENDPOINT: serial:PORT?baud=115200|9600, tcp:HOST:PORT, rfc2217:HOST:PORT, virtual:NAME.",
                "Exit status 0 when an address answered, 1 when none did, 2 for a bad command line."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "An RS485 endpoint.")
    String endpoint;

    @Option(names = "--groups", paramLabel = "LIST", defaultValue = "0-7",
            description = "Groups to scan, 0 to 7 (DIP 2-4 of each group's master): N, FROM-TO or a comma list, "
                    + "e.g. 1,2,3.")
    String groups;

    @Option(names = "--modules", paramLabel = "LIST", defaultValue = "1-14",
            description = "Batteries of each group, 1 (the master, ADR 0x02 in group 0) to 14: N, FROM-TO or a comma "
                    + "list.")
    String modules;

    @Option(names = "--gap-ms", paramLabel = "MS", defaultValue = "100",
            description = "Least time between the end of one exchange and the next request.")
    long gapMillis;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "500",
            description = "How long to wait for each reply.")
    long timeoutMillis;

    @Option(names = "--serial", description = "Also ask each answering address its serial number (0x93).")
    boolean serial;

    @Option(names = "--json", description = "Print one JSON line per address, silent ones included.")
    boolean json;

    /** Resolves the endpoint; {@link Transports#fromServiceLoader()} unless a test sets it. */
    Transports transports;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScanOptions options = options();
        Transports resolver = transports != null ? transports : Transports.fromServiceLoader();
        TransportOptions transportOptions = TransportOptions.defaults();
        ByteStreamTransport transport;
        try {
            transport = resolver.byteStream(endpoint, transportOptions);
        } catch (InvalidEndpointException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "pylon4j-scan"));
        try (transport) {
            // the first failed attempt ends the wait at once with its cause; the transport would retry for ever
            CompletableFuture<String> failed = new CompletableFuture<>();
            transport.addStateListener(change -> {
                if (change.current() == ConnectionState.WAITING_TO_RECONNECT
                        || change.current() == ConnectionState.FAILED) {
                    failed.complete(change.causeText().orElse("the link did not come up"));
                }
            });
            CompletableFuture<Void> opened = transport.open().toCompletableFuture();
            try {
                Object first = CompletableFuture.anyOf(opened, failed)
                        .get(2 * transportOptions.connectTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
                if (first instanceof String cause && !opened.isDone()) {
                    err.println("pylon scan: cannot open " + endpoint + ": " + cause);
                    err.flush();
                    return 2;
                }
            } catch (ExecutionException | TimeoutException e) {
                err.println("pylon scan: cannot open " + endpoint + ": "
                        + (e instanceof ExecutionException ? LinkFailures.describe(endpoint, e.getCause())
                        : "no connection in time"));
                err.flush();
                return 2;
            }
            LinkedBlockingQueue<AddressResult> progress = new LinkedBlockingQueue<>();
            try (Rs485AddressScanner scanner = Rs485AddressScanner.start(transport, Scheduler.of(timers), options,
                    progress::add)) {
                CompletableFuture<ScanReport> done = scanner.report().toCompletableFuture();
                if (!json) {
                    out.printf(Locale.ROOT, "%-5s %5s %7s  %-9s %-8s %-10s %-8s %-20s %s%n", "adr", "group",
                            "battery", "result", "protocol", "device", "software", "manufacturer",
                            serial ? "serial / detail" : "detail");
                    out.flush();
                }
                int printed = 0;
                while (printed < options.addresses().size()) {
                    AddressResult r = progress.poll(100, TimeUnit.MILLISECONDS);
                    if (r == null) {
                        if (done.isDone() && progress.isEmpty()) {
                            break; // cancelled
                        }
                        continue;
                    }
                    print(r, out);
                    printed++;
                }
                ScanReport report = done.join();
                summary(report, err);
                return report.answered().isEmpty() ? 1 : 0;
            }
        } finally {
            timers.shutdownNow();
            timers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private ScanOptions options() {
        List<Integer> g = numbers("--groups", groups, 0, Rs485Address.MAX_GROUP);
        List<Integer> m = numbers("--modules", modules, 1, Rs485Address.MAX_BATTERY);
        if (gapMillis < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gap-ms must not be negative");
        }
        if (timeoutMillis < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout-ms must be at least 1");
        }
        List<ScanProbe> probes = new ArrayList<>(List.of(ScanProbe.PROTOCOL_VERSION, ScanProbe.MANUFACTURER_INFO));
        if (serial) {
            probes.add(ScanProbe.SERIAL_NUMBER);
        }
        List<Integer> addresses = new ArrayList<>();
        for (int group : g) {
            for (int battery : m) {
                addresses.add(Rs485Address.of(group, battery));
            }
        }
        return ScanOptions.defaults().withAddresses(addresses).withProbes(probes)
                .withMinimumGap(Duration.ofMillis(gapMillis)).withReplyTimeout(Duration.ofMillis(timeoutMillis));
    }

    /**
     * "3", "0-5" or a comma list of both ("1,2,3" as {@code pylon monitor --groups} takes it, "0,2-4"), within
     * min..max; sorted, each once.
     */
    private List<Integer> numbers(String option, String text, int min, int max) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (String item : text.split(",", -1)) {
            String[] parts = item.trim().split("-", -1);
            int from;
            int to;
            try {
                from = Integer.parseInt(parts[0].trim());
                to = parts.length == 1 ? from : Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                from = -1;
                to = -2;
            }
            if (parts.length > 2 || from < min || to > max || from > to) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        option + " must be N, FROM-TO or a comma list of them within " + min + "-" + max + ": '"
                                + text + "'");
            }
            for (int n = from; n <= to; n++) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    private void print(AddressResult r, PrintWriter out) {
        if (json) {
            JsonWriter w = new JsonWriter();
            json(r, w);
            try {
                w.drainTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
            return;
        }
        String cells = "%-9s %-8s %-10s %-8s %-20s %s";
        String row;
        if (r instanceof AddressResult.Answered a) {
            row = String.format(Locale.ROOT, cells, "answered",
                    a.protocolVersion().map(v -> v.versionText()).orElse("-"),
                    a.manufacturerInfo().map(m -> m.deviceName()).orElse("-"),
                    a.manufacturerInfo().map(m -> m.softwareVersionText()).orElse("-"),
                    a.manufacturerInfo().map(m -> m.manufacturerName()).orElse("-"),
                    a.serialNumber().map(s -> s.serialNumber().strip()).orElse(refusal(a)));
        } else if (r instanceof AddressResult.Rejected x) {
            row = String.format(Locale.ROOT, cells, "rejected", "-", "-", "-", "-", x.probe() + ": " + x.returnCode());
        } else if (r instanceof AddressResult.Garbled x) {
            row = String.format(Locale.ROOT, cells, "garbled", "-", "-", "-", "-", x.reason());
        } else {
            row = null; // silent: counted in the summary
        }
        if (row != null) {
            out.printf(Locale.ROOT, "0x%02X  %5d %7d  %s%n", r.address(), r.group(), r.battery(), row);
            out.flush();
        }
    }

    /** The first probe an answering address refused, for the detail column; empty if none. */
    private static String refusal(AddressResult.Answered a) {
        return a.rejections().isEmpty() ? ""
                : "refused " + a.rejections().get(0).command() + ": " + a.rejections().get(0).returnCode();
    }

    /** One address as one JSON line; field names are plain and stable. */
    static void json(AddressResult r, JsonWriter w) {
        w.beginObject().field("address", String.format(Locale.ROOT, "0x%02X", r.address()))
                .field("group", r.group()).field("battery", r.battery());
        if (r instanceof AddressResult.Answered a) {
            w.field("result", "answered");
            a.protocolVersion().ifPresent(v -> w.field("protocolVersion", v.versionText()));
            a.manufacturerInfo().ifPresent(m -> w.field("deviceName", m.deviceName())
                    .field("softwareVersion", m.softwareVersionText()).field("manufacturer", m.manufacturerName()));
            a.serialNumber().ifPresent(s -> w.field("serialNumber", s.serialNumber().strip()));
            if (!a.rejections().isEmpty()) {
                w.beginArray("refused");
                a.rejections().forEach(x -> w.beginObject().field("command", x.command().name())
                        .field("returnCode", x.returnCode().name()).endObject());
                w.endArray();
            }
        } else if (r instanceof AddressResult.Rejected x) {
            w.field("result", "rejected").field("probe", x.probe().name()).field("returnCode", x.returnCode().name());
        } else if (r instanceof AddressResult.Garbled x) {
            w.field("result", "garbled").field("reason", x.reason());
        } else {
            w.field("result", "timeout");
        }
        w.endObject();
    }

    private void summary(ScanReport report, PrintWriter err) {
        long answered = report.answered().size();
        long rejected = report.results().stream().filter(AddressResult.Rejected.class::isInstance).count();
        long garbled = report.results().stream().filter(AddressResult.Garbled.class::isInstance).count();
        long silent = report.results().stream().filter(AddressResult.TimedOut.class::isInstance).count();
        ScanCounters c = report.counters();
        err.printf(Locale.ROOT, "pylon scan: %d addresses on %s%s: %d answered, %d rejected, %d garbled, %d silent; "
                        + "requests %d, replies %d, rejections %d, timeouts %d, bad frames %d, noise bytes %d, "
                        + "write failures %d%n",
                report.results().size(), endpoint, report.cancelled() ? " (cancelled)" : "", answered, rejected,
                garbled, silent, c.requests(), c.replies(), c.rejections(), c.timeouts(), c.badFrames(),
                c.noiseBytes(), c.writeFailures());
        err.flush();
    }
}
