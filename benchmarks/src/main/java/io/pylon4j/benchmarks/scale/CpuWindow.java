package io.pylon4j.benchmarks.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The CPU a measurement window used, as the scale benchmarks report it: this JVM's process CPU, each of its threads'
 * CPU (by the name it has at the end), the CPU of other processes (a battery-side child JVM, Mosquitto) read through a
 * supplier of their CPU nanoseconds, and the system load average before and after. Everything is per cent of one
 * core over the window's monotonic length. {@link #open} reads the "before" side, {@link #close} the "after" side.
 */
final class CpuWindow {

    /**
     * One thread's share of the window.
     *
     * @param name    its name at the end of the window
     * @param percent per cent of one core
     */
    record ThreadCpu(String name, double percent) {
    }

    /**
     * What the window used.
     *
     * @param nanos          the window's length, monotonic
     * @param loadBefore     the system load average at its start
     * @param loadAfter      the system load average at its end
     * @param processPercent this JVM, per cent of one core
     * @param othersPercent  each other process in the order given to {@link #open}, or -1 if its CPU is unknown
     * @param threads        every thread alive at the end with a known CPU time (a thread started in the window
     *                       counts from zero)
     * @param threadsBefore  every thread's CPU times at the start, for {@link #byGroup}
     * @param threadsAfter   every thread's CPU times at the end, for {@link #byGroup}
     */
    record Usage(long nanos, double loadBefore, double loadAfter, double processPercent, double[] othersPercent,
                 List<ThreadCpu> threads, ThreadCpuTimes threadsBefore, ThreadCpuTimes threadsAfter) {

        /**
         * The window's CPU of the threads summed by group, total and in user mode.
         *
         * @param group a thread name → the name of its group
         * @return group → its split, ordered by group name
         */
        Map<String, ThreadCpuTimes.Split> byGroup(Function<String, String> group) {
            return threadsAfter.since(threadsBefore, nanos, group);
        }
    }

    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final LongSupplier[] others;
    private final double loadBefore;
    private final ThreadCpuTimes threads0;
    private final long process0;
    private final long[] others0;
    private final long start;

    private CpuWindow(LongSupplier[] others) {
        this.others = others.clone();
        this.loadBefore = os.getSystemLoadAverage();
        this.threads0 = ThreadCpuTimes.sample(threadBean);
        this.process0 = os.getProcessCpuTime();
        this.others0 = new long[others.length];
        for (int i = 0; i < others.length; i++) {
            others0[i] = others[i].getAsLong();
        }
        this.start = System.nanoTime();
    }

    /**
     * Starts a window now.
     *
     * @param others the CPU time in ns so far of each other process to measure, -1 when unknown
     * @return the open window
     */
    static CpuWindow open(LongSupplier... others) {
        return new CpuWindow(others);
    }

    /** Ends the window now and says what it used. */
    Usage close() {
        long nanos = System.nanoTime() - start;
        long process1 = os.getProcessCpuTime();
        double[] othersPercent = new double[others.length];
        for (int i = 0; i < others.length; i++) {
            long after = others[i].getAsLong();
            othersPercent[i] = others0[i] < 0 || after < 0 ? -1 : 100.0 * (after - others0[i]) / nanos;
        }
        ThreadCpuTimes threads1 = ThreadCpuTimes.sample(threadBean);
        double loadAfter = os.getSystemLoadAverage();
        List<ThreadCpu> threads = new ArrayList<>();
        for (var e : threads1.cpu().entrySet()) {
            threads.add(new ThreadCpu(threads1.names().get(e.getKey()),
                    100.0 * (e.getValue() - threads0.cpu().getOrDefault(e.getKey(), 0L)) / nanos));
        }
        return new Usage(nanos, loadBefore, loadAfter, 100.0 * (process1 - process0) / nanos, othersPercent,
                List.copyOf(threads), threads0, threads1);
    }
}
