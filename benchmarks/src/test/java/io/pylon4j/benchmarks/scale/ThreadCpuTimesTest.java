package io.pylon4j.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scale report's split of each thread group's CPU into user and kernel time. */
class ThreadCpuTimesTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void splitsEachGroupIntoUserAndKernelTimeOverTheWindow() {
        var before = new ThreadCpuTimes(Map.of(1L, "pylon4j-netty-1", 2L, "pylon4j-bench-events"),
                Map.of(1L, 1_000_000L, 2L, 0L), Map.of(1L, 500_000L, 2L, 0L));
        var after = new ThreadCpuTimes(
                Map.of(1L, "pylon4j-netty-1", 2L, "pylon4j-bench-events", 3L, "pylon4j-netty-2"),
                Map.of(1L, 101_000_000L, 2L, 20_000_000L, 3L, 10_000_000L),
                Map.of(1L, 30_500_000L, 2L, 20_000_000L, 3L, 0L));

        Map<String, ThreadCpuTimes.Split> split = after.since(before, SECOND,
                name -> name.replaceAll("-\\d+$", "-N"));

        // netty-1: 100 ms of CPU in the second, 30 ms of it user; netty-2 was born in the window: 10 ms, all kernel
        assertThat(split.get("pylon4j-netty-N").cpuPercent()).isCloseTo(11.0, within(1e-9));
        assertThat(split.get("pylon4j-netty-N").userPercent()).isCloseTo(3.0, within(1e-9));
        assertThat(split.get("pylon4j-netty-N").systemPercent()).isCloseTo(8.0, within(1e-9));
        assertThat(split.get("pylon4j-bench-events").systemPercent()).isCloseTo(0.0, within(1e-9));
        assertThat(split.get("pylon4j-bench-events").userPercent()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void aBusyThreadOfThisJvmShowsUserTime() {
        var threads = ManagementFactory.getThreadMXBean();
        ThreadCpuTimes before = ThreadCpuTimes.sample(threads);
        long t0 = System.nanoTime();
        long sink = 0;
        while (System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(300)) { // user-mode work, no system calls
            for (int i = 0; i < 10_000; i++) {
                sink += Long.hashCode(sink * 31 + i);
            }
        }
        ThreadCpuTimes after = ThreadCpuTimes.sample(threads);
        String me = Thread.currentThread().getName();

        ThreadCpuTimes.Split mine = after.since(before, System.nanoTime() - t0, name -> name).get(me);

        assertThat(sink).isNotZero();
        assertThat(after.user()).as("the JVM reports user time").isNotEmpty();
        assertThat(mine.userPercent()).isPositive();
        assertThat(mine.userPercent()).isLessThanOrEqualTo(mine.cpuPercent() + 10); // user is read in 10 ms ticks
    }
}
