package io.pylon4j.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the MQTT scale benchmark small (a real Mosquitto, the child JVM, one bridge, one subscriber) and checks only
 * that its report is complete: every bank fresh, every bank's state received, latencies paired, CPU of the bridge,
 * Mosquitto and the child measured, nothing dropped and nothing left running. No timing is asserted: the figures are
 * measured by hand (benchmarks/README.md, "Scale through the MQTT bridge"). Missing Mosquitto FAILS with what to
 * install; {@code -Dpylon4j.tests.withoutExternalTools=true} skips instead.
 */
class MqttScaleBenchmarkSmokeTest {

    @Test
    @Timeout(120)
    void smallRunReportsEveryFigureAndLeavesNothingBehind() throws Exception {
        if (MosquittoProcess.find().isEmpty()) {
            String message = MosquittoProcess.MISSING + ". To run the build without it, pass "
                    + "-Dpylon4j.tests.withoutExternalTools=true and this test is skipped.";
            Assumptions.assumeFalse(Boolean.getBoolean("pylon4j.tests.withoutExternalTools"), message);
            Assertions.fail(message);
        }

        MqttScaleReport report = MqttScaleBenchmark.run(new MqttScaleBenchmark.Config(8, 4, Duration.ofSeconds(3),
                Duration.ofSeconds(4), Duration.ofSeconds(60), Duration.ofMillis(200)));

        assertThat(report.fresh()).as("not fresh: %s", report.notFresh()).isEqualTo(8);
        assertThat(report.banksSeen()).as("banks whose state reached the subscriber").isEqualTo(8);
        assertThat(report.complete()).isTrue();
        assertThat(report.publishedPerSecond()).isPositive();
        assertThat(report.receivedPerSecond()).isPositive();
        assertThat(report.statesPerSecond()).isPositive();
        assertThat(report.repliesPerSecond()).isPositive();
        assertThat(report.latency().count()).isPositive();
        assertThat(report.latency().unpairedEvents()).isZero();
        assertThat(report.latency().p99Nanos()).isPositive();
        assertThat(report.eventLatency().count()).isPositive();
        assertThat(report.eventLatency().unpairedEvents()).isZero();
        assertThat(report.bridgeCpuPercent()).isPositive();
        assertThat(report.mosquittoCpuPercent()).isNotNegative();
        assertThat(report.childCpuPercent()).isPositive();
        assertThat(report.heapDriversBytes()).isGreaterThan(report.heapBaselineBytes());
        assertThat(report.bridgeThreads()).as("the bridge's tick and its client's loop").isBetween(1, 3);

        assertThat(report.processesGone()).as("Mosquitto and the child JVM ended").isTrue();
        assertThat(ProcessHandle.of(report.mosquittoPid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(report.childPid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(report.threadsLeft()).as("threads left after close").isEmpty();
        assertThat(report.toMarkdown()).contains("frame → MQTT subscriber (state)",
                "frame → MQTT subscriber (events", "8/8", "CPU, Mosquitto",
                "bridge threads (`pylon4j-mqtt-*`)");
    }
}
