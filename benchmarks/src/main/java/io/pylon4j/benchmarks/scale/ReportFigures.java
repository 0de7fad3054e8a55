package io.pylon4j.benchmarks.scale;

import java.util.Locale;

/**
 * How the scale benchmarks' reports write a figure (heap, counts, latency), and how their helper threads are made:
 * one place for {@link ScaleReport} and {@link MqttScaleReport}, {@link ScaleBenchmark} and {@link MqttScaleRun}.
 */
final class ReportFigures {

    private ReportFigures() {
    }

    static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    static String micros(long nanos) {
        return String.format(Locale.ROOT, "%d µs", (nanos + 500) / 1000);
    }

    /** A daemon thread named {@code name}: the benchmark's own helpers never keep the JVM alive. */
    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
