package io.pylon4j.benchmarks.scale;

import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The CPU time of every live thread at one moment, total and in user mode, so that a window's CPU can be split into
 * the thread's own code (user) and the kernel's work done on its behalf (total − user): on loopback a thread's
 * {@code write} also runs the receiving socket's TCP input, so "system" is where the other end's cost shows up.
 *
 * <p>The JDK takes the total from {@code CLOCK_THREAD_CPUTIME_ID} (nanoseconds) and the user part from
 * {@code /proc/self/task/TID/stat} (clock ticks, 10 ms on Linux): over a window of seconds the split is good to a
 * few tenths of a per cent of a core; a thread with less CPU than that may read a small negative system time,
 * which is shown as it is rather than hidden.
 *
 * @param names   thread id → name
 * @param cpu     thread id → CPU time so far, ns
 * @param user    thread id → user-mode CPU time so far, ns (absent where the JVM does not say)
 */
record ThreadCpuTimes(Map<Long, String> names, Map<Long, Long> cpu, Map<Long, Long> user) {

    ThreadCpuTimes {
        names = Map.copyOf(names);
        cpu = Map.copyOf(cpu);
        user = Map.copyOf(user);
    }

    /** A window's CPU of one thread or group of threads, in per cent of one core. */
    record Split(double cpuPercent, double userPercent) {
        /** The kernel's part: total minus user. */
        double systemPercent() {
            return cpuPercent - userPercent;
        }

        Split plus(Split other) {
            return new Split(cpuPercent + other.cpuPercent, userPercent + other.userPercent);
        }
    }

    /** Reads every live thread's times now (user time only if the JVM supports it). */
    static ThreadCpuTimes sample(ThreadMXBean threads) {
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, Long> user = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            long nanos = threads.getThreadCpuTime(id);
            if (info != null && nanos >= 0) {
                cpu.put(id, nanos);
                names.put(id, info.getThreadName());
                long userNanos = threads.getThreadUserTime(id);
                if (userNanos >= 0) {
                    user.put(id, userNanos);
                }
            }
        }
        return new ThreadCpuTimes(names, cpu, user);
    }

    /**
     * Each thread's CPU between {@code before} and this sample, summed by {@code group} of its name; a thread
     * born inside the window counts from zero.
     *
     * @param before      the sample at the start of the window
     * @param windowNanos the window's length
     * @param group       a thread name → the name of its group
     * @return group → its split, ordered by group name
     */
    Map<String, Split> since(ThreadCpuTimes before, long windowNanos, Function<String, String> group) {
        Map<String, Split> byGroup = new TreeMap<>();
        for (var e : cpu.entrySet()) {
            long id = e.getKey();
            double cpuPercent = 100.0 * (e.getValue() - before.cpu.getOrDefault(id, 0L)) / windowNanos;
            double userPercent = 100.0 * (user.getOrDefault(id, 0L) - before.user.getOrDefault(id, 0L))
                    / windowNanos;
            byGroup.merge(group.apply(names.get(id)), new Split(cpuPercent, userPercent), Split::plus);
        }
        return byGroup;
    }
}
