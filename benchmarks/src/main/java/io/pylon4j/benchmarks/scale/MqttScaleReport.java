package io.pylon4j.benchmarks.scale;

import static io.pylon4j.benchmarks.scale.ReportFigures.kib;
import static io.pylon4j.benchmarks.scale.ReportFigures.mib;
import static io.pylon4j.benchmarks.scale.ReportFigures.num;
import static io.pylon4j.benchmarks.scale.ReportFigures.micros;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@link MqttScaleBenchmark} run measured; {@link #toMarkdown()} prints the table pasted into
 * {@code benchmarks/README.md}. CPU figures are per cent of one core over the measurement window.
 *
 * @param banks               RS485 banks (one driver and one TCP connection each), all through one bridge
 * @param modulesPerBank      modules in each simulated bank
 * @param warmupSeconds       seconds from the start of the set-up to the measurement window
 * @param measureSeconds      length of the measurement window
 * @param minIntervalMillis   the bridge's shortest time between two state publishes of a bank
 * @param java                the measured JVM ({@code java.vm.name} and version)
 * @param processors          processors the JVM sees
 * @param loadAverageBefore   the system load average when the window opened
 * @param loadAverageAfter    the same when it closed
 * @param heapBaselineBytes   used heap after GC before any driver was made (subscriber connected)
 * @param heapDriversBytes    used heap after GC with every driver fresh, before the bridge
 * @param heapBridgeBytes     used heap after GC at the end of the window, the bridge publishing every bank
 * @param processCpuPercent   the whole measured JVM
 * @param bridgeCpuPercent    the bridge's threads ({@code pylon4j-mqtt-…}: its tick and its client's Netty loop)
 * @param driverCpuPercent    the drivers' threads (other {@code pylon4j-} threads but the subscriber's); the bridge's
 *                            publishing from the driver's event thread is counted here
 * @param subscriberCpuPercent the benchmark's subscriber ({@code pylon4j-bench-subscriber-…})
 * @param mosquittoCpuPercent the Mosquitto process, or -1 if unknown
 * @param childCpuPercent     the battery-side child JVM, or -1 if unknown
 * @param cpuByThreadGroup    per cent of a core by thread group (name without its number)
 * @param liveThreads         live threads in the measured JVM at the end of the window
 * @param bridgeThreads       live {@code pylon4j-mqtt-} threads at the end of the window
 * @param repliesPerSecond    RS485 replies applied per second in the window
 * @param publishedPerSecond  messages the bridge handed to the broker and saw acknowledged, per second
 * @param receivedPerSecond   messages the subscriber received under {@code PREFIX/SITE}, per second
 * @param statesPerSecond     bank state messages the subscriber received, per second
 * @param banksSeen           banks of which the subscriber received a state in the window
 * @param latency             frame (reply's CR-ending chunk received) → state message at the subscriber (includes
 *                            the wait for the bridge's tick and minimum interval)
 * @param eventLatency        frame → event message at the subscriber (published at once: the pipeline alone)
 * @param fresh               banks FRESH at the end
 * @param notFresh            up to ten banks that were not FRESH at the end, with their state
 * @param failed              publishes the broker refused or that failed, in the window
 * @param droppedEvents       events the bridge dropped (broker away or in-flight bound), in the window
 * @param droppedState        state publishes the bridge dropped, in the window
 * @param mosquittoPid        the broker's process id
 * @param childPid            the battery-side child JVM's process id
 * @param processesGone       whether the broker and the child had exited when the report was made
 * @param threadsLeft         {@code pylon4j} threads still alive after everything was closed
 */
record MqttScaleReport(int banks, int modulesPerBank, double warmupSeconds, double measureSeconds,
                       long minIntervalMillis, String java, int processors, double loadAverageBefore,
                       double loadAverageAfter, long heapBaselineBytes, long heapDriversBytes, long heapBridgeBytes,
                       double processCpuPercent, double bridgeCpuPercent, double driverCpuPercent,
                       double subscriberCpuPercent, double mosquittoCpuPercent, double childCpuPercent,
                       Map<String, Double> cpuByThreadGroup, int liveThreads, int bridgeThreads,
                       double repliesPerSecond, double publishedPerSecond, double receivedPerSecond,
                       double statesPerSecond, int banksSeen, LatencyHistogram.Latency latency,
                       LatencyHistogram.Latency eventLatency, int fresh,
                       List<String> notFresh, long failed, long droppedEvents, long droppedState, long mosquittoPid,
                       long childPid, boolean processesGone, List<String> threadsLeft) {

    MqttScaleReport {
        cpuByThreadGroup = Map.copyOf(cpuByThreadGroup);
        notFresh = List.copyOf(notFresh);
        threadsLeft = List.copyOf(threadsLeft);
    }

    /** Heap per bank of the drivers alone, in bytes. */
    long heapPerBankDriversBytes() {
        return (heapDriversBytes - heapBaselineBytes) / banks;
    }

    /** Heap per bank that the bridge adds (its publication state, listener, in-flight publishes), in bytes. */
    long heapPerBankBridgeBytes() {
        return (heapBridgeBytes - heapDriversBytes) / banks;
    }

    /** Whether every bank ended FRESH, every bank's state reached the subscriber and nothing was dropped. */
    boolean complete() {
        return fresh == banks && banksSeen == banks && failed == 0 && droppedEvents == 0 && droppedState == 0;
    }

    /** The results as a Markdown table. */
    String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d RS485 banks (Netty tcp: to a child JVM), %d modules each, polled at"
                        + " 1 Hz, all through one PylonMqttBridge (QoS 1, state at most every %d ms) into Mosquitto on"
                        + " loopback, one subscriber to PREFIX/SITE/#; warm-up %.0f s, measured %.0f s; %s, %d "
                        + "processors; load average %.2f before, %.2f after%n%n", banks, modulesPerBank,
                minIntervalMillis, warmupSeconds, measureSeconds, java, processors, loadAverageBefore,
                loadAverageAfter));
        b.append("| figure | value |\n|---|---:|\n");
        row(b, "MQTT messages published by the bridge per second (acknowledged)", num(publishedPerSecond));
        row(b, "MQTT messages received by the subscriber per second", num(receivedPerSecond));
        row(b, "of which bank states per second", num(statesPerSecond));
        row(b, "banks whose state reached the subscriber", banksSeen + "/" + banks);
        row(b, "RS485 replies applied per second", num(repliesPerSecond));
        row(b, "latency frame → MQTT subscriber (state), p50 / p99", micros(latency.p50Nanos()) + " / "
                + micros(latency.p99Nanos()));
        row(b, "latency p99.9 / max (samples, unpaired)", micros(latency.p999Nanos()) + " / "
                + micros(latency.maxNanos()) + " (" + latency.count() + ", " + latency.unpairedEvents() + ")");
        row(b, "latency frame → MQTT subscriber (events, published at once), p50 / p99",
                micros(eventLatency.p50Nanos()) + " / " + micros(eventLatency.p99Nanos()));
        row(b, "latency p99.9 / max (samples, unpaired)", micros(eventLatency.p999Nanos()) + " / "
                + micros(eventLatency.maxNanos()) + " (" + eventLatency.count() + ", "
                + eventLatency.unpairedEvents() + ")");
        row(b, "heap per bank: drivers / added by the bridge", kib(heapPerBankDriversBytes()) + " / "
                + kib(heapPerBankBridgeBytes()));
        row(b, "used heap: baseline / drivers / drivers + bridge", mib(heapBaselineBytes) + " / "
                + mib(heapDriversBytes) + " / " + mib(heapBridgeBytes));
        row(b, "CPU, bridge threads (`pylon4j-mqtt-*`)", pct(bridgeCpuPercent));
        row(b, "CPU, driver threads (incl. the bridge's listener on the event thread)", pct(driverCpuPercent));
        row(b, "CPU, the benchmark's subscriber", pct(subscriberCpuPercent));
        row(b, "CPU, whole measured JVM (incl. GC, JIT)", pct(processCpuPercent));
        row(b, "CPU, Mosquitto", mosquittoCpuPercent < 0 ? "unknown" : pct(mosquittoCpuPercent));
        row(b, "CPU, battery-side child JVM", childCpuPercent < 0 ? "unknown" : pct(childCpuPercent));
        StringBuilder groups = new StringBuilder();
        cpuByThreadGroup.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 0.05)
                .forEach(e -> groups.append(groups.length() == 0 ? "" : ", ").append('`').append(e.getKey())
                        .append("` ").append(pct(e.getValue())));
        row(b, "CPU by thread group", groups.toString());
        row(b, "live threads (measured JVM) / of which the bridge's", liveThreads + " / " + bridgeThreads);
        row(b, "banks FRESH at the end", fresh + "/" + banks);
        if (!notFresh.isEmpty()) {
            row(b, "not FRESH (first 10)", String.join(", ", notFresh));
        }
        row(b, "bridge: failed publishes / dropped events / dropped states in the window", failed + " / "
                + droppedEvents + " / " + droppedState);
        return b.toString();
    }

    private static void row(StringBuilder b, String figure, String value) {
        b.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    private static String pct(double percent) {
        return String.format(Locale.ROOT, "%.1f %% of a core", percent);
    }
}
