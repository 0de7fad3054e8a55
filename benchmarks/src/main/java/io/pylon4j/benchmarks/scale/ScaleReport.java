package io.pylon4j.benchmarks.scale;

import static io.pylon4j.benchmarks.scale.ReportFigures.kib;
import static io.pylon4j.benchmarks.scale.ReportFigures.mib;
import static io.pylon4j.benchmarks.scale.ReportFigures.num;
import static io.pylon4j.benchmarks.scale.ReportFigures.micros;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@link ScaleBenchmark} run measured; {@link #toMarkdown()} prints it as the table pasted into
 * {@code benchmarks/README.md}. CPU figures are per cent of one core over the measurement window.
 *
 * @param rs485Banks             RS485 banks (one driver and one TCP connection each)
 * @param canBanks               CAN banks (one driver and one virtual bus each)
 * @param modulesPerBank         modules in each simulated bank
 * @param warmupSeconds          seconds from the start of the set-up to the measurement window
 * @param measureSeconds         length of the measurement window
 * @param events                 where events were delivered ({@code --events}: thread or direct)
 * @param java                   the measured JVM ({@code java.vm.name} and version)
 * @param processors             processors the JVM sees
 * @param loadAverageBefore      the system load average when the measurement window opened
 * @param loadAverageAfter       the same when it closed
 * @param heapBaselineBytes      used heap after GC before any driver was made (the CAN battery side already made)
 * @param heapAfterRs485Bytes    used heap after GC with every RS485 driver fresh
 * @param heapAfterCanBytes      used heap after GC with every CAN driver fresh too
 * @param heapAtEndBytes         used heap after GC at the end of the window
 * @param processCpuPercent      the whole measured JVM: drivers, battery-side CAN feeder, GC, JIT
 * @param driverCpuPercent       the driver's threads (Netty event loop, shared timers, event executor, the driver-side
 *                               virtual CAN members' delivery threads)
 * @param driverUserCpuPercent   the part of {@code driverCpuPercent} in user mode (the rest is the kernel's, among
 *                               it the loopback TCP path of the other end; {@link ThreadCpuTimes})
 * @param batteryCpuPercent      the in-process battery side (CAN feeder, the battery-side virtual members)
 * @param otherJavaCpuPercent    other Java threads (main, the child's stdout reader)
 * @param childCpuPercent        the battery-side child JVM (every RS485 bank's simulator), or -1 if unknown
 * @param cpuByThreadGroup       per-cent of a core by thread group (name without its number)
 * @param cpuSplitByThreadGroup  the same groups split into user and kernel time
 * @param liveThreads            live threads in the measured JVM at the end of the window
 * @param driverThreads          driver-side {@code pylon4j-} threads other than virtual bus members
 * @param driverVirtualThreads   driver-side virtual CAN delivery threads (shared by all driver-side members)
 * @param batteryThreads         battery-side threads in the measured JVM
 * @param rs485Latency           frame (CR-ending chunk received) to listener, RS485 measurement events
 * @param canLatency             frame (sent on the virtual bus) to listener, CAN measurement events
 * @param rs485Apply             the first part of {@code rs485Latency}: frame to the driver's clock reading after decode
 *                               (on the I/O thread; the rest is the event queue and the hop to the event thread)
 * @param canApply               the same for CAN
 * @param rs485States            RS485 banks per supervision state at the end
 * @param canStates              CAN banks per supervision state at the end
 * @param notFresh               up to ten banks that were not FRESH at the end, with their state
 * @param rs485PollsPerSecond    RS485 poll cycles started per second in the window
 * @param rs485RequestsPerSecond RS485 requests written per second in the window
 * @param rs485RepliesPerSecond  RS485 replies applied per second in the window
 * @param rs485Timeouts          RS485 requests given up in the window
 * @param rs485Retries           RS485 requests repeated in the window
 * @param rs485BadFrames         RS485 frames that failed to decode in the window
 * @param canFramesPerSecond     CAN frames the drivers received per second in the window
 * @param eventsPerSecond        events delivered to the benchmark's listeners per second in the window
 * @param eventHandOffsPerSecond tasks handed to the shared event thread per second in the window (its
 *                               executor's task count): each is at most one wake-up of it
 * @param eventThreadWakeUpsPerSecond voluntary context switches of the event thread per second in the window
 *                               ({@code /proc}; each is one sleep and so one wake-up), −1 where unknown
 * @param ioThreadAllocatedBytesPerSecond bytes the Netty I/O threads allocated per second in the window, −1 where
 *                               the JVM does not count them ({@link IoThreadAllocation})
 * @param droppedEvents          events dropped by the publishers (whole run)
 * @param childPid               the battery-side child JVM's process id (0 without RS485 banks)
 * @param childGone              whether the child process had exited when the report was made
 * @param threadsLeft            {@code pylon4j} threads still alive after everything was closed
 */
record ScaleReport(int rs485Banks, int canBanks, int modulesPerBank, double warmupSeconds, double measureSeconds,
                   String events,
                   String java, int processors, double loadAverageBefore, double loadAverageAfter,
                   long heapBaselineBytes, long heapAfterRs485Bytes, long heapAfterCanBytes, long heapAtEndBytes,
                   double processCpuPercent, double driverCpuPercent, double driverUserCpuPercent,
                   double batteryCpuPercent,
                   double otherJavaCpuPercent, double childCpuPercent, Map<String, Double> cpuByThreadGroup,
                   Map<String, ThreadCpuTimes.Split> cpuSplitByThreadGroup, int liveThreads,
                   int driverThreads, int driverVirtualThreads, int batteryThreads,
                   LatencyHistogram.Latency rs485Latency, LatencyHistogram.Latency canLatency,
                   LatencyHistogram.Latency rs485Apply, LatencyHistogram.Latency canApply,
                   Map<String, Integer> rs485States, Map<String, Integer> canStates, List<String> notFresh,
                   double rs485PollsPerSecond, double rs485RequestsPerSecond, double rs485RepliesPerSecond,
                   long rs485Timeouts, long rs485Retries, long rs485BadFrames, double canFramesPerSecond,
                   double eventsPerSecond, double eventHandOffsPerSecond, double eventThreadWakeUpsPerSecond,
                   double ioThreadAllocatedBytesPerSecond, long droppedEvents, long childPid,
                   boolean childGone, List<String> threadsLeft) {

    /** The thread group of the Netty event loop (every RS485 link's reads, writes, polls and timeouts). */
    static final String IO_THREAD_GROUP = "pylon4j-netty-N";
    /** The thread group of the benchmark's event executor. */
    static final String EVENT_THREAD_GROUP = "pylon4j-bench-events";

    ScaleReport {
        cpuByThreadGroup = Map.copyOf(cpuByThreadGroup);
        cpuSplitByThreadGroup = Map.copyOf(cpuSplitByThreadGroup);
        rs485States = Map.copyOf(rs485States);
        canStates = Map.copyOf(canStates);
        notFresh = List.copyOf(notFresh);
        threadsLeft = List.copyOf(threadsLeft);
    }

    /** Heap per RS485 bank (driver, transport, model, listener), in bytes; 0 without RS485 banks. */
    long heapPerRs485BankBytes() {
        return rs485Banks == 0 ? 0 : (heapAfterRs485Bytes - heapBaselineBytes) / rs485Banks;
    }

    /** Heap per CAN bank (driver, its virtual bus member, model, listener), in bytes; 0 without CAN banks. */
    long heapPerCanBankBytes() {
        return canBanks == 0 ? 0 : (heapAfterCanBytes - heapAfterRs485Bytes) / canBanks;
    }

    /** Heap per bank over both kinds, at the end of the window, in bytes. */
    long heapPerBankAtEndBytes() {
        int banks = rs485Banks + canBanks;
        return banks == 0 ? 0 : (heapAtEndBytes - heapBaselineBytes) / banks;
    }

    /**
     * The Netty I/O threads' CPU per RS485 reply, in microseconds, split as the window's CPU is: what one reply costs,
     * comparable between runs of different sizes and with the profile's µs (benchmarks/README.md, "Scale"). At a
     * fixed reply rate it moves with the load of the box exactly as the per-cent figure does.
     *
     * @return the microseconds of I/O-thread CPU per reply in user mode and in the kernel; zeros without replies
     */
    PerReply ioThreadMicrosPerReply() {
        ThreadCpuTimes.Split io = cpuSplitByThreadGroup.getOrDefault(IO_THREAD_GROUP, new ThreadCpuTimes.Split(0, 0));
        if (rs485RepliesPerSecond <= 0) {
            return new PerReply(0, 0);
        }
        double microsPerPercent = 1e4 / rs485RepliesPerSecond; // 1 % of a core is 10,000 µs a second
        return new PerReply(io.userPercent() * microsPerPercent, io.systemPercent() * microsPerPercent);
    }

    /**
     * CPU time per RS485 reply.
     *
     * @param userMicros   in user mode (the JVM: Netty, decoding, the model, the hand-off)
     * @param kernelMicros in the kernel (the syscalls, and on loopback the other end's TCP input)
     */
    record PerReply(double userMicros, double kernelMicros) {
    }

    /**
     * The event thread's CPU per task handed to it, in microseconds (its wake-up, the queue, the listeners).
     *
     * @return microseconds per hand-off; 0 without hand-offs or without an event thread ({@code --events direct})
     */
    double eventThreadMicrosPerHandOff() {
        double events = cpuByThreadGroup.getOrDefault(EVENT_THREAD_GROUP, 0.0);
        return eventHandOffsPerSecond <= 0 ? 0 : events * 1e4 / eventHandOffsPerSecond;
    }

    /** Whether every bank ended FRESH. */
    boolean allFresh() {
        return rs485States.getOrDefault("FRESH", 0) == rs485Banks && canStates.getOrDefault("FRESH", 0) == canBanks;
    }

    /** The results as a Markdown table, with the targets of issue #7 item 6 beside them. */
    String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d RS485 banks (Netty tcp: to a child JVM) + %d CAN banks (virtual: "
                        + "buses), %d modules each, polled/fed at 1 Hz; warm-up %.0f s, measured %.0f s; %s, %d "
                        + "processors; load average %.2f before, %.2f after; events delivered %s%n%n", rs485Banks, canBanks,
                modulesPerBank, warmupSeconds, measureSeconds, java, processors, loadAverageBefore, loadAverageAfter,
                switch (events) {
                    case "direct" -> "on the I/O thread (--events direct)";
                    default -> "on one ThreadPoolExecutor thread (--events thread)";
                }));
        b.append("| figure | value | target |\n|---|---:|---|\n");
        row(b, "heap per RS485 bank", kib(heapPerRs485BankBytes()), "< 256 KiB");
        row(b, "heap per CAN bank (incl. its virtual bus member)", kib(heapPerCanBankBytes()), "< 256 KiB");
        row(b, "heap per bank at the end of the window", kib(heapPerBankAtEndBytes()), "< 256 KiB");
        row(b, "used heap: baseline / +RS485 / +CAN / end", mib(heapBaselineBytes) + " / "
                + mib(heapAfterRs485Bytes) + " / " + mib(heapAfterCanBytes) + " / " + mib(heapAtEndBytes), "");
        row(b, "CPU, driver threads", pct(driverCpuPercent) + " of a core", "< 10 % of a core");
        row(b, "CPU, driver threads: user / kernel", pct(driverUserCpuPercent) + " / "
                + pct(driverCpuPercent - driverUserCpuPercent), "");
        row(b, "CPU, whole measured JVM (incl. GC, JIT, battery-side CAN feeder)", pct(processCpuPercent)
                + " of a core", "");
        row(b, "CPU, of which battery side in this JVM", pct(batteryCpuPercent) + " of a core", "");
        row(b, "CPU, of which GC, JIT, VM (process − Java threads)",
                pct(processCpuPercent - driverCpuPercent - batteryCpuPercent - otherJavaCpuPercent) + " of a core",
                "");
        row(b, "CPU, battery-side child JVM (RS485 simulators; competes for the same cores)",
                childCpuPercent < 0 ? "unknown" : pct(childCpuPercent) + " of a core", "");
        StringBuilder groups = new StringBuilder();
        cpuByThreadGroup.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 0.05)
                .forEach(e -> groups.append(groups.length() == 0 ? "" : ", ").append('`').append(e.getKey())
                        .append("` ").append(pct(e.getValue())));
        row(b, "CPU by thread group", groups.toString(), "");
        StringBuilder splits = new StringBuilder();
        cpuSplitByThreadGroup.entrySet().stream()
                .sorted(Map.Entry.<String, ThreadCpuTimes.Split>comparingByValue(
                        Comparator.comparingDouble(ThreadCpuTimes.Split::cpuPercent)).reversed())
                .filter(e -> e.getValue().cpuPercent() >= 0.05)
                .forEach(e -> splits.append(splits.length() == 0 ? "" : ", ").append('`').append(e.getKey())
                        .append("` ").append(pct(e.getValue().userPercent())).append(" / ")
                        .append(pct(e.getValue().systemPercent())));
        row(b, "CPU by thread group, user / kernel", splits.toString(), "");
        row(b, "live threads (measured JVM)", Integer.toString(liveThreads), "");
        row(b, "driver threads (`pylon4j-`, not virtual bus members)", Integer.toString(driverThreads),
                "no thread per bank");
        row(b, "driver-side virtual CAN delivery threads", Integer.toString(driverVirtualThreads),
                "shared by all members (at most 2)");
        row(b, "battery-side threads in the measured JVM", Integer.toString(batteryThreads), "");
        latency(b, "RS485", rs485Latency);
        row(b, "RS485 of which frame → decoded (I/O thread), p50 / p99", micros(rs485Apply.p50Nanos()) + " / "
                + micros(rs485Apply.p99Nanos()), "");
        latency(b, "CAN", canLatency);
        row(b, "CAN of which frame → decoded (I/O thread), p50 / p99", micros(canApply.p50Nanos()) + " / "
                + micros(canApply.p99Nanos()), "");
        row(b, "banks FRESH at the end", rs485States.getOrDefault("FRESH", 0) + "/" + rs485Banks + " RS485, "
                + canStates.getOrDefault("FRESH", 0) + "/" + canBanks + " CAN", "all");
        if (!notFresh.isEmpty()) {
            row(b, "not FRESH (first 10)", String.join(", ", notFresh), "");
        }
        row(b, "RS485 poll cycles / requests / replies per second", num(rs485PollsPerSecond) + " / "
                + num(rs485RequestsPerSecond) + " / " + num(rs485RepliesPerSecond), "");
        row(b, "RS485 timeouts / retries / bad frames in the window", rs485Timeouts + " / " + rs485Retries + " / "
                + rs485BadFrames, "0");
        row(b, "CAN frames received per second", num(canFramesPerSecond), "");
        row(b, "events to listeners per second", num(eventsPerSecond), "");
        row(b, "tasks handed to the event thread per second", num(eventHandOffsPerSecond), "");
        row(b, "event thread wake-ups (voluntary context switches) per second", eventThreadWakeUpsPerSecond < 0 ? "–"
                : num(eventThreadWakeUpsPerSecond), "");
        PerReply perReply = ioThreadMicrosPerReply();
        row(b, "I/O thread CPU per RS485 reply, user / kernel", microsOf(perReply.userMicros()) + " / "
                + microsOf(perReply.kernelMicros()), "");
        row(b, "I/O thread allocation per RS485 reply", ioThreadAllocatedBytesPerSecond < 0
                || rs485RepliesPerSecond <= 0 ? "–" : num(ioThreadAllocatedBytesPerSecond / rs485RepliesPerSecond)
                + " bytes", "");
        row(b, "event thread CPU per hand-off", microsOf(eventThreadMicrosPerHandOff()), "");
        row(b, "events dropped (whole run)", Long.toString(droppedEvents), "0");
        return b.toString();
    }

    private static void latency(StringBuilder b, String link, LatencyHistogram.Latency l) {
        row(b, link + " event latency frame → listener, p50 / p99", micros(l.p50Nanos()) + " / "
                + micros(l.p99Nanos()), "p99 < 1 ms");
        row(b, link + " latency p99.9 / max (samples)", micros(l.p999Nanos()) + " / " + micros(l.maxNanos()) + " ("
                + l.count() + ")", "");
    }

    private static void row(StringBuilder b, String figure, String value, String target) {
        b.append("| ").append(figure).append(" | ").append(value).append(" | ").append(target).append(" |\n");
    }

    private static String microsOf(double micros) {
        return String.format(Locale.ROOT, "%.1f µs", micros);
    }

    private static String pct(double percent) {
        return String.format(Locale.ROOT, "%.1f %%", percent);
    }
}
