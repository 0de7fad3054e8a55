package io.pylon4j.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the scale benchmark small (child JVM included) and checks that its report is complete and honest: every bank
 * fresh, latencies recorded and paired, no thread per bank, nothing left running. No timing is asserted: the
 * figures themselves are measured by hand (benchmarks/README.md).
 */
class ScaleBenchmarkSmokeTest {

    private static ScaleReport run(int rs485Banks, int canBanks) throws Exception {
        return ScaleBenchmark.run(new ScaleBenchmark.Config(rs485Banks, canBanks, 4, Duration.ZERO,
                Duration.ofSeconds(3), Duration.ofSeconds(60), "thread"));
    }

    @Test
    @Timeout(120)
    void smallRunReportsEveryFigureAndLeavesNothingBehind() throws Exception {
        ScaleReport small = run(10, 5);
        ScaleReport report = run(20, 5);

        assertThat(report.allFresh()).as("not fresh: %s", report.notFresh()).isTrue();
        assertThat(report.rs485States()).containsEntry("FRESH", 20);
        assertThat(report.canStates()).containsEntry("FRESH", 5);
        assertThat(report.rs485Latency().count()).isPositive();
        assertThat(report.canLatency().count()).isPositive();
        assertThat(report.rs485Latency().unpairedEvents()).isZero();
        assertThat(report.canLatency().unpairedEvents()).isZero();
        assertThat(report.rs485Latency().p99Nanos()).isPositive();
        assertThat(report.rs485RepliesPerSecond()).isPositive();
        assertThat(report.canFramesPerSecond()).isPositive();
        // each hand-off to the event thread carries at least one event (several when banks share a loop turn)
        assertThat(report.eventHandOffsPerSecond()).isPositive().isLessThanOrEqualTo(report.eventsPerSecond());
        // the event thread sleeps between bursts: each sleep is a wake-up later, counted from /proc (−1 without it)
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
            assertThat(report.eventThreadWakeUpsPerSecond()).isPositive();
        } else {
            assertThat(report.eventThreadWakeUpsPerSecond()).isEqualTo(-1.0);
        }
        assertThat(report.heapAfterRs485Bytes()).isPositive();
        assertThat(report.processCpuPercent()).isPositive();
        assertThat(report.driverCpuPercent()).isPositive();
        assertThat(report.driverUserCpuPercent()).isPositive();
        assertThat(report.cpuSplitByThreadGroup()).containsKey("pylon4j-netty-N");
        // per-reply figures (the allocation one a loaded box hardly moves): every reply costs the I/O thread
        // some CPU and some garbage (decoded records, events), and every hand-off some event-thread CPU
        assertThat(report.ioThreadMicrosPerReply().userMicros()).isPositive();
        assertThat(report.ioThreadAllocatedBytesPerSecond() / report.rs485RepliesPerSecond()).isGreaterThan(100);
        assertThat(report.eventThreadMicrosPerHandOff()).isPositive();

        // no thread per bank: twice the RS485 banks, the same driver threads (Netty loop, two timers, events)
        assertThat(report.driverThreads()).isEqualTo(small.driverThreads()).isLessThanOrEqualTo(4);
        // the in-memory CAN buses' members share at most two delivery threads, whatever the number of banks
        assertThat(report.driverVirtualThreads()).isBetween(1, 2);

        for (ScaleReport r : new ScaleReport[] {small, report}) {
            assertThat(r.childPid()).isPositive();
            assertThat(r.childGone()).isTrue();
            assertThat(ProcessHandle.of(r.childPid()).filter(ProcessHandle::isAlive)).as("child process").isEmpty();
            assertThat(r.threadsLeft()).as("threads left after close").isEmpty();
        }
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).as("child processes").isEmpty();
        assertThat(report.toMarkdown()).contains("heap per RS485 bank", "RS485 event latency", "20/20 RS485",
                "5/5 CAN", "tasks handed to the event thread per second",
                "event thread wake-ups (voluntary context switches) per second",
                "CPU, driver threads: user / kernel", "CPU by thread group, user / kernel",
                "I/O thread CPU per RS485 reply, user / kernel", "I/O thread allocation per RS485 reply",
                "event thread CPU per hand-off");
    }

    @Test
    @Timeout(60)
    void aFailedSetUpStillKillsTheChildJvm() {
        // 1 ms is too short for the child JVM to announce its ports: the run fails during set-up
        assertThatThrownBy(() -> ScaleBenchmark.run(new ScaleBenchmark.Config(5, 1, 4, Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofMillis(1), "thread")))
                .isInstanceOf(java.util.concurrent.TimeoutException.class);

        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).as("child processes").isEmpty();
    }

    @Test
    void theDriversShareOneTimerThreadUnlessTheRunAsksForMore() {
        // one, as DriverThreads and the CLI: a second only added STPE's leader/follower hand-off (README, "Scale")
        assertThat(ScaleBenchmark.Config.fromArgs(new String[0]).timerThreads()).isEqualTo(1);
        assertThat(ScaleBenchmark.Config.fromArgs(new String[] {"--timer-threads", "2"}).timerThreads()).isEqualTo(2);
        assertThatThrownBy(() -> ScaleBenchmark.Config.fromArgs(new String[] {"--timer-threads", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--timer-threads");
    }
}
