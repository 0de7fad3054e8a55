package io.pylon4j.benchmarks.wiretime;

import io.pylon4j.benchmarks.wiretime.PacedByteLink.FrameTiming;
import io.pylon4j.driver.DriverCounters;
import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.InverterProfile;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.rs485.Command;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.ReceivedTraffic;
import io.pylon4j.simulator.frontend.Rs485BatterySimulator;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.stream.StreamTransports;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongToDoubleFunction;

/**
 * Measures an RS485 poll cycle against its wire time: a {@link PylonDriver} polls a simulated US3000C bank (the
 * simulator's {@link Rs485BatterySimulator}) through a {@link PacedByteLink} that carries bytes no faster than a
 * serial line at 115200 baud, and every cycle's time from its first request byte written to its last reply byte read
 * is compared with the time the line needs for its bytes. Where a cycle is longer, the report says where the rest
 * went: the driver's own gaps (reply read → next request written), the battery's turnaround, the link's lateness.
 * A plain {@code main}, not JMH: a wall-clock ratio over whole cycles, not an operation.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.pylon4j.benchmarks.wiretime.PollCycleWireTimeBenchmark \
 *     [--modules 16,4] [--cycles 20] [--warmup 3] [--baud 115200] [--poll-ms 1000]
 * }</pre>
 *
 * <p>The driver runs as an application would run it: {@code PylonDriver.rs485} on a stream transport
 * ({@code StreamTransports.of}, its reader thread {@code pylon4j-stream-…}), its own scheduler and event thread, the
 * {@link InverterProfile#GENERIC_PYLON} schedule (0x42 and 0x44 whole stack and 0x92 a cycle, the first cycle also
 * 0x51, 0x47 and 0x93 and 0x96 per module). The poll period is idle time by design and is not counted: a cycle is
 * measured within itself. The battery side reads on its own stream transport ({@code pylon4j-bench-battery-…}).
 */
public final class PollCycleWireTimeBenchmark {

    private static final int CID2_ANALOG = Command.ANALOG_VALUES.code();

    private PollCycleWireTimeBenchmark() {
    }

    /**
     * What to run.
     *
     * @param modules      the banks to measure, each one group of this many US3000C modules (1 to 16), in turn
     * @param baud         the link's pace
     * @param warmupCycles cycles before the measured ones (at least 1: the first cycle identifies the bank)
     * @param cycles       cycles measured per bank
     * @param pollInterval the driver's poll period (the profile's {@code rs485PollInterval})
     * @param timeout      how long one bank's run may take at most
     */
    public record Config(List<Integer> modules, int baud, int warmupCycles, int cycles, Duration pollInterval,
                         Duration timeout) {
        /** Validates and copies. */
        public Config {
            modules = List.copyOf(modules);
            if (modules.isEmpty() || modules.stream().anyMatch(m -> m < 1 || m > 16)) {
                throw new IllegalArgumentException("modules must be 1 to 16 each, at least one bank: " + modules);
            }
            if (baud <= 0 || warmupCycles < 1 || cycles < 1) {
                throw new IllegalArgumentException("need baud > 0, warm-up ≥ 1, cycles ≥ 1: " + baud + ", "
                        + warmupCycles + ", " + cycles);
            }
            if (pollInterval.isNegative() || pollInterval.isZero() || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("poll interval and timeout must be positive");
            }
        }

        static Config fromArgs(String[] args) {
            Map<String, String> o = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String key = args[i];
                if (!List.of("--modules", "--cycles", "--warmup", "--baud", "--poll-ms", "--timeout-s").contains(key)
                        || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown option or missing value: " + key);
                }
                o.put(key, args[++i]);
            }
            List<Integer> modules = new ArrayList<>();
            for (String m : o.getOrDefault("--modules", "16,4").split(",")) {
                modules.add(Integer.parseInt(m.strip()));
            }
            int cycles = Integer.parseInt(o.getOrDefault("--cycles", "20"));
            int warmup = Integer.parseInt(o.getOrDefault("--warmup", "3"));
            Duration poll = Duration.ofMillis(Long.parseLong(o.getOrDefault("--poll-ms", "1000")));
            Duration timeout = o.containsKey("--timeout-s")
                    ? Duration.ofSeconds(Long.parseLong(o.get("--timeout-s")))
                    : poll.multipliedBy(warmup + cycles + 2L).plusSeconds(30);
            return new Config(modules, Integer.parseInt(o.getOrDefault("--baud", "115200")), warmup, cycles, poll,
                    timeout);
        }
    }

    /** Runs the benchmark and prints a Markdown report per bank. */
    public static void main(String[] args) throws Exception {
        Config config = Config.fromArgs(args);
        for (WireTimeReport report : run(config)) {
            System.out.println(report.toMarkdown());
        }
    }

    /** Runs every bank of {@code config} in turn, each on its own link, driver and battery. */
    public static List<WireTimeReport> run(Config config) throws Exception {
        List<WireTimeReport> reports = new ArrayList<>();
        for (int modules : config.modules()) {
            reports.add(runBank(config, modules));
        }
        return reports;
    }

    private static WireTimeReport runBank(Config config, int modules) throws Exception {
        var os = ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(modules).stateOfCharge(60)
                .seed(modules).build();
        InverterProfile profile = InverterProfile.GENERIC_PYLON.toBuilder().rs485PollInterval(config.pollInterval())
                .build();
        String name = "wiretime-" + modules;
        List<FrameTiming> requests;
        List<FrameTiming> replies;
        long strayBytes;
        DriverCounters counters;
        try (PacedByteLink link = new PacedByteLink(config.baud());
             ByteStreamTransport battery = StreamTransports.of(link.batteryInput(), link.batteryOutput(), name,
                     TransportOptions.defaults().withThreadNamePrefix("pylon4j-bench-battery"));
             Rs485BatterySimulator simulator = new Rs485BatterySimulator(bank, battery, new ManualScheduler(),
                     new ReceivedTraffic());
             ByteStreamTransport inverter = StreamTransports.of(link.inverterInput(), link.inverterOutput(), name);
             PylonDriver driver = PylonDriver.rs485(inverter, DriverOptions.builder(name).profile(profile).build())) {
            // the manual scheduler times late replies only; this bank has no reply delay, so it is never used
            simulator.start();
            long timeoutNanos = config.timeout().toNanos();
            battery.open().toCompletableFuture().get(timeoutNanos, TimeUnit.NANOSECONDS);
            driver.start().toCompletableFuture().get(timeoutNanos, TimeUnit.NANOSECONDS);
            // the next cycle's 0x42 reaching the battery means the last measured cycle is complete: one request is
            // in flight at a time, so its last reply was read before that request was written
            int starts = config.warmupCycles() + config.cycles() + 1;
            if (!link.awaitRequests(CID2_ANALOG, starts, timeoutNanos)) {
                throw new TimeoutException("fewer than " + starts + " poll cycles of the " + modules
                        + "-module bank began within " + config.timeout() + "; counters " + driver.counters());
            }
            requests = link.requests();
            replies = link.replies();
            strayBytes = link.strayBytes();
            counters = driver.counters();
        }
        List<CycleTiming> cycles = cycles(requests, replies, bytes -> bytes * (double) PacedByteLink.BITS_PER_BYTE
                * 1e9 / config.baud());
        int warm = Math.min(config.warmupCycles(), cycles.size());
        int end = Math.min(cycles.size(), warm + config.cycles());
        return new WireTimeReport(modules, config.baud(), cycles.subList(0, warm), cycles.subList(warm, end),
                strayBytes, counters.rs485Timeouts(), counters.rs485BadFrames(), loadBefore,
                os.getSystemLoadAverage());
    }

    /**
     * Cuts the frames that crossed the link into poll cycles and times each. A cycle begins with a whole-stack 0x42
     * request (the driver's schedule starts every cycle with it; the first cycle's 0x51 and 0x47 before it belong
     * to that first cycle; a 0x42 repeated to the same address while the first is unanswered is a retry, not a new
     * cycle, so a silent group's lone probe merges into the next cycle; one group polled) and
     * runs to the next one; the last cycle, which may be incomplete, is left out. A request
     * is answered by the first reply written after the battery read it and before the next request was written.
     *
     * @param wireNanos the exact wire time of a number of bytes
     */
    static List<CycleTiming> cycles(List<FrameTiming> requests, List<FrameTiming> replies,
                                    LongToDoubleFunction wireNanos) {
        FrameTiming[] answer = new FrameTiming[requests.size()];
        int r = 0;
        for (int i = 0; i < requests.size(); i++) {
            FrameTiming q = requests.get(i);
            long nextWritten = i + 1 < requests.size() ? requests.get(i + 1).writtenNanos() : Long.MAX_VALUE;
            while (r < replies.size() && replies.get(r).writtenNanos() < q.deliveredNanos()) {
                r++; // a reply to nothing we asked (late, after a give-up): not part of an exchange
            }
            if (r < replies.size() && replies.get(r).writtenNanos() < nextWritten) {
                answer[i] = replies.get(r++);
            }
        }
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            FrameTiming q = requests.get(i);
            // a retry: the same request again, the first unanswered or its reply not yet read when it was written
            boolean retry = i > 0 && requests.get(i - 1).cid2() == q.cid2()
                    && requests.get(i - 1).address() == q.address()
                    && (answer[i - 1] == null || answer[i - 1].deliveredNanos() > q.writtenNanos());
            if (q.cid2() == CID2_ANALOG && !retry) {
                starts.add(i);
            }
        }
        if (!starts.isEmpty() && starts.get(0) > 0) {
            starts.set(0, 0); // the first cycle's 0x51 and 0x47 come before its 0x42
        }
        List<CycleTiming> cycles = new ArrayList<>();
        for (int c = 0; c + 1 < starts.size(); c++) {
            CycleTiming t = cycle(c, requests, answer, starts.get(c), starts.get(c + 1), wireNanos);
            long cycleEnd = requests.get(starts.get(c)).writtenNanos() + t.cycleNanos();
            if (cycleEnd > requests.get(starts.get(c + 1)).writtenNanos()) {
                // the next cycle began while this one's last reply was still on the line
                t = new CycleTiming(t.index(), t.commands(), t.requestBytes(), t.replyBytes(), t.wireNanos(),
                        t.cycleNanos(), t.ownGapNanos(), t.maxOwnGapNanos(), t.batteryNanos(), t.linkNanos(),
                        t.unanswered(), t.overlapped() + 1);
            }
            cycles.add(t);
        }
        return cycles;
    }

    private static CycleTiming cycle(int index, List<FrameTiming> requests, FrameTiming[] answer, int from, int to,
                                     LongToDoubleFunction wireNanos) {
        List<String> commands = new ArrayList<>();
        long requestBytes = 0;
        long replyBytes = 0;
        long ownGap = 0;
        long maxOwnGap = 0;
        long battery = 0;
        double link = 0;
        int unanswered = 0;
        int overlapped = 0;
        long end = requests.get(from).writtenNanos();
        for (int i = from; i < to; i++) {
            FrameTiming q = requests.get(i);
            commands.add(String.format(Locale.ROOT, "%02X", q.cid2()));
            requestBytes += q.bytes();
            if (i > from) {
                // from what ended the previous exchange (its reply read, or the request's own timeout) to this write
                long gap = q.writtenNanos() - end;
                if (gap < 0) {
                    overlapped++; // written while the previous exchange was still on the line
                }
                ownGap += gap;
                maxOwnGap = Math.max(maxOwnGap, gap);
            }
            link += q.deliveredNanos() - q.writtenNanos() - wireNanos.applyAsDouble(q.bytes());
            FrameTiming a = answer[i];
            if (a == null) {
                unanswered++;
                end = q.deliveredNanos(); // the wait for the timeout then shows as the driver's gap
                continue;
            }
            replyBytes += a.bytes();
            if (a.writtenNanos() < q.deliveredNanos()) {
                overlapped++; // cannot happen with the pairing above; kept so the split's assumption is checked
            }
            battery += a.writtenNanos() - q.deliveredNanos();
            link += a.deliveredNanos() - a.writtenNanos() - wireNanos.applyAsDouble(a.bytes());
            end = a.deliveredNanos();
        }
        long cycleNanos = end - requests.get(from).writtenNanos();
        return new CycleTiming(index, commands, requestBytes, replyBytes,
                wireNanos.applyAsDouble(requestBytes + replyBytes), cycleNanos, ownGap, maxOwnGap, battery, link,
                unanswered, overlapped);
    }
}
