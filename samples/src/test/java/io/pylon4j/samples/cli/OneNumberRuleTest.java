package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CandumpFormat;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * Issue 15.5's one number rule, end to end: the same CAN frames, decoded from a log by {@code pylon decode} and
 * received live by {@code pylon monitor --json} (the real driver on a {@code virtual:} bus), give the same number
 * text for the same quantity (docs/driver-events.md, "Numbers"). Before the one writer, decode printed {@code 53.0}
 * and {@code 0.0} where monitor printed {@code 53} and {@code 0}.
 */
@Timeout(60)
class OneNumberRuleTest {

    /** 53.00 V, 0.0 A, 25.0 °C; then 48.0 V, 100.0 A, 120.0 A, 45.0 V: whole values, each with a unit scale. */
    private static final String MEASUREMENTS = "(1700000000.000000) can0 356#B4140000FA00";
    private static final String LIMITS = "(1700000000.010000) can0 351#E001E803B004C201";

    @Test
    void decodeAndMonitorWriteTheSameValueTheSameWay() throws Exception {
        StringWriter decoded = new StringWriter();
        assertThat(DecodeCommand.decode(new BufferedReader(new StringReader(MEASUREMENTS + "\n" + LIMITS + "\n")),
                decoded)).isTrue();
        String monitored = monitor(List.of(MEASUREMENTS, LIMITS));

        assertThat(number(decoded, "voltage")).isEqualTo(number(monitored, "voltageVolts")).isEqualTo("53");
        assertThat(number(decoded, "current")).isEqualTo(number(monitored, "currentAmps")).isEqualTo("0");
        assertThat(number(decoded, "temperature")).isEqualTo(number(monitored, "temperatureCelsius"))
                .isEqualTo("25");
        assertThat(number(decoded, "chargeVoltageLimit")).isEqualTo(number(monitored, "chargeVoltageLimitVolts"))
                .isEqualTo("48");
    }

    /** The first number written for {@code name} in {@code json}. */
    private static String number(Object json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(-?[0-9.]+)").matcher(json.toString());
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    /** {@code pylon monitor --json} until it printed measurements and the battery's limits, the frames sent over and over. */
    private static String monitor(List<String> frames) throws Exception {
        VirtualTransportProvider virtual = new VirtualTransportProvider();
        MonitorCommand command = new MonitorCommand();
        command.transports = new Transports(List.of(virtual));
        PipedInputStream in = new PipedInputStream(1 << 20);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new PipedOutputStream(in), StandardCharsets.UTF_8),
                true);
        Thread monitor = new Thread(() -> new CommandLine(command).setOut(out).setErr(new PrintWriter(new StringWriter()))
                .execute("--can", "virtual:one-number-rule", "--json"), "monitor-under-test");
        StringBuilder seen = new StringBuilder();
        try (CanTransport peer = virtual.canBus("one-number-rule").newMember();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            peer.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            monitor.start();
            Thread sender = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    frames.forEach(line -> peer.send(CandumpFormat.parseFrame(line)));
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "one-number-rule-peer");
            sender.start();
            try {
                String line;
                while (!(seen.toString().contains("\"voltageVolts\":") && seen.toString().contains(
                        "\"chargeVoltageLimitVolts\":4")) && (line = reader.readLine()) != null) {
                    if (line.contains("MEASUREMENTS_UPDATED") || line.contains("LIMITS_CHANGED")) {
                        seen.append(line).append('\n');
                    }
                }
            } finally {
                sender.interrupt();
                sender.join(10_000);
            }
        } finally {
            monitor.interrupt();
            monitor.join(10_000);
        }
        assertThat(monitor.isAlive()).as("monitor stopped").isFalse();
        return seen.toString();
    }
}
