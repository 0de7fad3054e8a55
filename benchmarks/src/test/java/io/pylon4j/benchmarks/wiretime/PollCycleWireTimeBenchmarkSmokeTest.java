package io.pylon4j.benchmarks.wiretime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pylon4j.benchmarks.wiretime.PacedByteLink.FrameTiming;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the poll-cycle benchmark small (3 cycles a bank, the link at ten times 115200 baud, a 200 ms poll) against the
 * real driver and simulator, and checks that the report is complete and consistent: the default schedule seen on the
 * wire, every part of a cycle accounted for, a ratio computed. Timing is not asserted beyond what the pacing makes
 * true by construction (a cycle can never beat its wire time); the figures are measured by hand
 * (benchmarks/README.md).
 */
class PollCycleWireTimeBenchmarkSmokeTest {

    @Test
    @Timeout(120)
    void threeCyclesAtTenTimesTheBaudRateGiveACompleteReport() throws Exception {
        List<WireTimeReport> reports = PollCycleWireTimeBenchmark.run(new PollCycleWireTimeBenchmark.Config(
                List.of(4, 16), 1_152_000, 1, 3, Duration.ofMillis(200), Duration.ofSeconds(60)));

        assertThat(reports).extracting(WireTimeReport::modules).containsExactly(4, 16);
        for (WireTimeReport r : reports) {
            assertThat(r.baud()).isEqualTo(1_152_000);
            assertThat(r.timeouts()).isZero();
            assertThat(r.badFrames()).isZero();
            assertThat(r.strayBytes()).isZero();
            // the first cycle identifies the bank: 0x51 and 0x47 before the poll, 0x93 and 0x96 per addressed module
            CycleTiming first = r.warmup().get(0);
            int addressed = Math.min(r.modules(), 14); // positions 15 and 16 have no RS485 address (docs/protocol.md §2.3)
            assertThat(first.commands()).startsWith("51", "47", "42", "44", "92").hasSize(5 + 2 * addressed);
            assertThat(r.measured()).hasSize(3);
            for (CycleTiming c : r.measured()) {
                assertThat(c.commands()).containsExactly("42", "44", "92");
                assertThat(c.unanswered()).isZero();
                assertThat(c.overlapped()).isZero();
                assertThat(c.clean()).isTrue();
                assertThat(c.requestBytes()).isEqualTo(3 * 20); // three requests of 18 characters, '~' and CR
                assertThat(c.replyBytes()).isGreaterThan(r.modules() * 100L);
                assertThat(c.wireNanos()).isCloseTo((c.requestBytes() + c.replyBytes()) * 10 * 1e9 / 1_152_000,
                        within(1e-3));
                // by construction of the pacing, not a timing assertion: bytes cannot cross faster than the line
                assertThat(c.ratio()).isGreaterThanOrEqualTo(1.0).isEqualTo(c.cycleNanos() / c.wireNanos());
                assertThat(c.ownRatio()).isGreaterThanOrEqualTo(1.0);
                assertThat(c.ownGapNanos()).isNotNegative().isGreaterThanOrEqualTo(c.maxOwnGapNanos());
                assertThat(c.batteryNanos()).isNotNegative();
                assertThat(c.linkNanos()).isGreaterThan(-1.0);
                // every nanosecond of the cycle is in one of the parts
                assertThat(c.unexplainedNanos()).isCloseTo(0.0, within(1.0));
            }
            assertThat(r.notClean()).isZero();
            assertThat(r.medianRatio()).isGreaterThanOrEqualTo(1.0).isLessThanOrEqualTo(r.maxRatio());
            assertThat(r.toMarkdown()).contains(r.modules() + "-module US3000C bank", "| 42 44 92 |", "cycle / wire");
        }
        // the 16-module whole-stack replies are longer than the 4-module ones
        assertThat(reports.get(1).measured().get(0).replyBytes())
                .isGreaterThan(reports.get(0).measured().get(0).replyBytes());
        // nothing of the run left behind: the transports' readers and the driver's own thread end with close
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            if (t.getKey().getName().contains("wiretime")) {
                t.getKey().join(10_000);
                assertThat(t.getKey().isAlive()).as("thread %s", t.getKey().getName()).isFalse();
            }
        }
    }

    @Test
    void framesAreCutIntoCyclesAndEveryPartOfACycleIsCounted() {
        // a synthetic run at 1 ns a byte: cycle 0 = 0x51 (no reply) and 0x42, cycle 1 = 0x42 and 0x92, then 0x42
        List<FrameTiming> requests = List.of(
                new FrameTiming(2, 0x51, 10, 0, 10, 12),
                new FrameTiming(2, 0x42, 10, 1_000, 1_010, 1_011),
                new FrameTiming(2, 0x42, 10, 2_000, 2_010, 2_012),
                new FrameTiming(2, 0x92, 10, 2_500, 2_510, 2_511),
                new FrameTiming(2, 0x42, 10, 3_000, 3_010, 3_010));
        List<FrameTiming> replies = List.of(
                new FrameTiming(2, 0, 100, 1_015, 1_115, 1_120),
                new FrameTiming(2, 0, 100, 2_020, 2_120, 2_125),
                new FrameTiming(2, 0, 30, 2_511, 2_541, 2_541));

        List<CycleTiming> cycles = PollCycleWireTimeBenchmark.cycles(requests, replies, bytes -> bytes);

        assertThat(cycles).hasSize(2); // the third, begun at 3,000, is not complete
        CycleTiming c0 = cycles.get(0);
        assertThat(c0.commands()).containsExactly("51", "42");
        assertThat(c0.unanswered()).isEqualTo(1);
        assertThat(c0.cycleNanos()).isEqualTo(1_120);
        assertThat(c0.ownGapNanos()).as("0x51 read at 12, its timeout, 0x42 written at 1,000").isEqualTo(988);
        assertThat(c0.clean()).isFalse();

        CycleTiming c1 = cycles.get(1);
        assertThat(c1.commands()).containsExactly("42", "92");
        assertThat(c1.requestBytes()).isEqualTo(20);
        assertThat(c1.replyBytes()).isEqualTo(130);
        assertThat(c1.wireNanos()).isEqualTo(150.0);
        assertThat(c1.cycleNanos()).isEqualTo(541);
        assertThat(c1.ownGapNanos()).as("reply read at 2,125, next request written at 2,500").isEqualTo(375);
        assertThat(c1.maxOwnGapNanos()).isEqualTo(375);
        assertThat(c1.batteryNanos()).as("8 + 0").isEqualTo(8);
        assertThat(c1.linkNanos()).as("2 + 5 + 1 + 0").isEqualTo(8.0);
        assertThat(c1.unexplainedNanos()).isZero();
        assertThat(c1.overlapped()).isZero();
        assertThat(c1.clean()).isTrue();
        assertThat(c1.ratio()).isCloseTo(541 / 150.0, within(1e-12));
        assertThat(c1.ownRatio()).isCloseTo(525 / 150.0, within(1e-12));
    }

    @Test
    void aRequestWrittenWhileAReplyIsStillOnTheLineMarksTheCycleAsNotInTurn() {
        // a retry after a timeout shorter than a long reply (16 modules at 9600 baud): the retry is written at 150,
        // while the first reply is still arriving (read at 200); the split into parts does not hold for such a cycle
        List<FrameTiming> requests = List.of(
                new FrameTiming(2, 0x42, 10, 0, 10, 10),
                new FrameTiming(2, 0x42, 10, 150, 160, 160),
                new FrameTiming(2, 0x44, 10, 400, 410, 410),
                new FrameTiming(2, 0x42, 10, 1_000, 1_010, 1_010));
        List<FrameTiming> replies = List.of(
                new FrameTiming(2, 0, 189, 11, 200, 200),
                new FrameTiming(2, 0, 189, 201, 390, 390),
                new FrameTiming(2, 0, 50, 411, 461, 461));

        List<CycleTiming> cycles = PollCycleWireTimeBenchmark.cycles(requests, replies, bytes -> bytes);

        assertThat(cycles).hasSize(1); // the repeated 0x42 is a retry within the cycle, not a cycle of its own
        CycleTiming c = cycles.get(0);
        assertThat(c.commands()).containsExactly("42", "42", "44");
        assertThat(c.unanswered()).isZero();
        assertThat(c.overlapped()).as("the retry written at 150, before the reply read at 200").isEqualTo(1);
        assertThat(c.clean()).isFalse();
        WireTimeReport report = new WireTimeReport(16, 9600, List.of(), cycles, 0, 1, 0, -1, -1);
        assertThat(report.notClean()).isEqualTo(1);
        assertThat(report.medianRatio()).as("no clean cycle to summarise").isNaN();
        assertThat(report.toMarkdown()).contains("| 42 42 44, 1 not in turn |", "1 left out of the summary");
    }

    @Test
    void badConfigurationsAreRefused() {
        assertThatThrownBy(() -> new PollCycleWireTimeBenchmark.Config(List.of(17), 115_200, 1, 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modules");
        assertThatThrownBy(() -> new PollCycleWireTimeBenchmark.Config(List.of(4), 115_200, 0, 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warm-up");
        assertThatThrownBy(() -> PollCycleWireTimeBenchmark.Config.fromArgs(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bogus");
    }
}
