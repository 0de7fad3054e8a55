package io.pylon4j.benchmarks.wiretime;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@link PollCycleWireTimeBenchmark} measured for one bank: every cycle's timing, the warm-up cycles apart, and
 * what else the run saw (the driver's timeouts and bad frames, stray bytes, the load average).
 *
 * @param modules        modules in the bank (one group of US3000C)
 * @param baud           the pace of the link
 * @param warmup         the first cycles, not counted in the summary (cycle 0 also asks 0x51, 0x47, 0x93, 0x96)
 * @param measured       the cycles measured; the summary is over the {@link CycleTiming#clean() clean} ones
 * @param strayBytes     bytes that crossed the link outside a frame (should be 0)
 * @param timeouts       the driver's RS485 timeouts over the run (should be 0)
 * @param badFrames      the driver's bad RS485 frames over the run (should be 0)
 * @param loadBefore     the system load average when the bank started (-1 if unknown)
 * @param loadAfter      the system load average at the end
 */
public record WireTimeReport(int modules, int baud, List<CycleTiming> warmup, List<CycleTiming> measured,
                             long strayBytes, long timeouts, long badFrames, double loadBefore, double loadAfter) {

    /** Copies the lists. */
    public WireTimeReport {
        warmup = List.copyOf(warmup);
        measured = List.copyOf(measured);
    }

    /** The median of the measured cycles' {@link CycleTiming#ratio()}, or NaN if none. */
    public double medianRatio() {
        return median(clean().mapToDouble(CycleTiming::ratio).toArray());
    }

    /** The largest measured {@link CycleTiming#ratio()}, or NaN if none. */
    public double maxRatio() {
        return clean().mapToDouble(CycleTiming::ratio).max().orElse(Double.NaN);
    }

    /** The median of the measured cycles' {@link CycleTiming#ownRatio()}, or NaN if none. */
    public double medianOwnRatio() {
        return median(clean().mapToDouble(CycleTiming::ownRatio).toArray());
    }

    /** The largest measured {@link CycleTiming#ownRatio()}, or NaN if none. */
    public double maxOwnRatio() {
        return clean().mapToDouble(CycleTiming::ownRatio).max().orElse(Double.NaN);
    }

    /** The measured cycles in which every request was answered in turn. */
    private java.util.stream.Stream<CycleTiming> clean() {
        return measured.stream().filter(CycleTiming::clean);
    }

    /** How many measured cycles the summary leaves out: a request unanswered or exchanges not taking turns. */
    public long notClean() {
        return measured.size() - clean().count();
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The report as Markdown: a summary line and a table with a row per cycle (warm-up rows marked). */
    public String toMarkdown() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "### %d-module US3000C bank, %d baud%n%n", modules, baud));
        s.append(String.format(Locale.ROOT,
                "%d cycles measured after %d warm-up (%d left out of the summary: unanswered or not in turn); "
                        + "cycle / wire time: median %.4f, max %.4f; "
                        + "(wire + own gaps) / wire: median %.4f, max %.4f; timeouts %d, bad frames %d, "
                        + "stray bytes %d; load average %.2f → %.2f%n%n",
                measured.size(), warmup.size(), notClean(), medianRatio(), maxRatio(), medianOwnRatio(),
                maxOwnRatio(), timeouts, badFrames, strayBytes, loadBefore, loadAfter));
        s.append("| cycle | requests | bytes req + reply | wire ms | cycle ms | cycle / wire | own gaps µs (max) "
                + "| battery µs | link µs | (wire + own) / wire |\n");
        s.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (CycleTiming c : warmup) {
            row(s, c, " (warm-up)");
        }
        for (CycleTiming c : measured) {
            row(s, c, "");
        }
        return s.toString();
    }

    private static void row(StringBuilder s, CycleTiming c, String note) {
        String commands = c.commands().size() > 6
                ? String.join(" ", c.commands().subList(0, 6)) + " … (" + c.commands().size() + ")"
                : String.join(" ", c.commands());
        s.append(String.format(Locale.ROOT,
                "| %d%s | %s%s | %d + %d | %.3f | %.3f | %.4f | %.0f (%.0f) | %.0f | %.0f | %.5f |%n", c.index(), note,
                commands, (c.unanswered() > 0 ? ", " + c.unanswered() + " unanswered" : "")
                        + (c.overlapped() > 0 ? ", " + c.overlapped() + " not in turn" : ""), c.requestBytes(),
                c.replyBytes(), c.wireNanos() / 1e6, c.cycleNanos() / 1e6, c.ratio(), c.ownGapNanos() / 1e3,
                c.maxOwnGapNanos() / 1e3, c.batteryNanos() / 1e3, c.linkNanos() / 1e3, c.ownRatio()));
    }
}
