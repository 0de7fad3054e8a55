package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.DriverCounters;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.replay.ReplayTransportProvider;
import io.pylon4j.transport.time.Moment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pylon monitor} on a replayed US5000 capture (the demo's): the driver, not a decoder, produces the output. */
class MonitorCommandTest {

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    Path capture() throws IOException {
        Path file = dir.resolve("us5000.log");
        try (InputStream in = MonitorCommandTest.class.getResourceAsStream(DemoCommand.CAPTURE)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    static Result run(String... args) {
        MonitorCommand command = new MonitorCommand();
        command.transports = new Transports(List.of(new ReplayTransportProvider()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void oncePrintsOneCompleteSnapshot() throws IOException {
        Result r = run("--can", "replay:" + capture() + "?pace=fast", "--once");
        assertThat(r.status()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(1);
        String json = lines[0];
        assertThat(json).startsWith("{\"bankId\":\"bank\"").contains("\"state\":\"FRESH\"")
                .contains("\"chargeCurrentLimitAmps\":480").contains("\"dischargeVoltageLimitVolts\":45")
                .contains("\"moduleCount\":6");
    }

    @Test
    void jsonPrintsTheDriversEventsAsJsonLines() throws IOException {
        Result r = run("--can", "replay:" + capture() + "?pace=fast", "--json", "--max-events", "6");
        assertThat(r.status()).as(r.err()).isZero();
        // the link's own events (connecting, connected) come first; the bank's follow
        String[] lines = r.out().strip().lines().filter(l -> !l.contains("\"type\":\"LINK_STATE_CHANGED\""))
                .toArray(String[]::new);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines[0]).contains("\"type\":\"SUPERVISION_STATE_CHANGED\"").contains("FRESH");
        assertThat(lines[1]).contains("\"type\":\"LIMITS_CHANGED\"").contains("53.2");
        assertThat(lines).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
    }

    @Test
    void aBadProfileIsACommandLineError() {
        assertThat(run("--can", "replay:x", "--profile", "nope").status()).isEqualTo(2);
    }

    @Test
    void theTextViewNamesWhyALinkIsDownUnderTheBankLine() {
        var model = io.pylon4j.driver.internal.BankModel.create("b", io.pylon4j.driver.InverterProfile.GENERIC_PYLON,
                e -> { }, java.time.Instant.EPOCH);
        model.onTransportState(io.pylon4j.driver.Source.RS485, new io.pylon4j.transport.ConnectionStateChange(
                "tcp:127.0.0.1:1", io.pylon4j.transport.ConnectionState.CONNECTING,
                io.pylon4j.transport.ConnectionState.WAITING_TO_RECONNECT,
                new java.net.ConnectException("Connection refused"), 1, java.time.Duration.ofMillis(500)),
                java.time.Instant.EPOCH);
        String view = MonitorCommand.view(model.status(), new DriverCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0), Moment.ofInstant(java.time.Instant.EPOCH));
        assertThat(view.lines().toList().get(1)).isEqualTo("link down  RS485 WAITING_TO_RECONNECT since "
                + "1970-01-01T00:00:00Z: connection refused by 127.0.0.1:1");
        assertThat(view).contains("link RS485  WAITING_TO_RECONNECT (connection refused by 127.0.0.1:1), last data "
                + "never");
    }

    @Test
    void theTextViewShowsLimitsMeasurementsAndCounters() {
        var status = io.pylon4j.driver.internal.BankModel.create("b", io.pylon4j.driver.InverterProfile.GENERIC_PYLON,
                e -> { }, java.time.Instant.EPOCH).status();
        String view = MonitorCommand.view(status, new DriverCounters(1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                Moment.ofInstant(java.time.Instant.EPOCH));
        assertThat(view).contains("bank b").contains("CONNECTING").contains("published").contains("CAN frames 1");

        // bad RS485 frames 7, 5 of them checksum errors; 4 requests skipped for a silent group
        String rs485 = MonitorCommand.view(status, new DriverCounters(0, 0, 0, 0, 0, 0, 0, 30, 20, 3, 1, 0, 7, 5, 90,
                10, 4, 0, 0, 0, 0), Moment.ofInstant(java.time.Instant.EPOCH));
        assertThat(rs485).contains("RS485 requests 30, replies 20, retries 3, timeouts 1, rejections 0, bad 7 "
                + "(checksum 5), skipped 4");

        // one LV-Hub group silent now, after falling silent twice
        String silent = MonitorCommand.view(status, new DriverCounters(0, 0, 0, 0, 0, 0, 0, 30, 20, 3, 1, 0, 0, 0, 0,
                10, 4, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1), Moment.ofInstant(java.time.Instant.EPOCH));
        assertThat(silent).contains("skipped 4, silent groups 1 (fell silent 2); implausible limits 0");

        // battery limits refused by the plausibility gate
        String implausible = MonitorCommand.view(status, new DriverCounters(9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 3), Moment.ofInstant(java.time.Instant.EPOCH));
        assertThat(implausible).contains("implausible limits 3");
    }

    @Test
    void theFlagsLineSaysWhatIsAllowedAndWhatIsRequested() {
        assertThat(MonitorCommand.flags(io.pylon4j.driver.RequestFlags.NORMAL))
                .isEqualTo("charge enabled, discharge enabled");
        assertThat(MonitorCommand.flags(io.pylon4j.driver.RequestFlags.fromBits(0x40 | 0x20 | 0x10 | 0x08)))
                .isEqualTo("charge DISABLED, discharge enabled, FORCE CHARGE I requested, FORCE CHARGE II requested, "
                        + "FULL CHARGE requested");
        assertThat(MonitorCommand.flags(io.pylon4j.driver.RequestFlags.fromBits(0x80)))
                .isEqualTo("charge enabled, discharge DISABLED");
    }

    @Test
    void theRatesLineShowsBothLinks() {
        assertThat(MonitorCommand.rates(6.25, 3)).isEqualTo("rates      CAN 6.3 frames/s, RS485 3.0 replies/s"
                + System.lineSeparator());
    }

    // --- "why is the charge limit 0?": the limit provenance in the view ---------------------------------------

    static final java.time.Instant T0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
    static final DriverCounters NO_COUNTS = new DriverCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    static io.pylon4j.driver.internal.BankModel model(io.pylon4j.driver.LimitPolicy policy) {
        var m = new io.pylon4j.driver.internal.BankModel("b", io.pylon4j.driver.InverterProfile.GENERIC_PYLON, policy,
                e -> { }, T0);
        m.onLimits(io.pylon4j.driver.Source.CAN, io.pylon4j.driver.Limits.of(53.2, 148, 148), T0);
        return m;
    }

    @Test
    void aSilentGroupIsNamedWithSinceWhenAndWhy() {
        var m = model(io.pylon4j.driver.LimitPolicy.of(io.pylon4j.driver.InverterProfile.GENERIC_PYLON));
        m.onGroupSilence(2, java.util.Optional.of(new io.pylon4j.driver.SilentGroup(2, T0,
                "no reply to 0x42 at 0x22 in 3 attempts")), Moment.ofInstant(T0));
        String view = MonitorCommand.view(m.status(), NO_COUNTS, Moment.ofInstant(T0));
        assertThat(view).contains("group 2 silent since " + T0 + ": no reply to 0x42 at 0x22 in 3 attempts\n");
    }

    @Test
    void aFreshBankFromTheBatteryNeedsNoWhy() {
        var s = model(io.pylon4j.driver.LimitPolicy.of(io.pylon4j.driver.InverterProfile.GENERIC_PYLON)).status();
        String view = MonitorCommand.view(s, NO_COUNTS, Moment.ofInstant(T0));
        assertThat(view).contains("CCL  148.0 A").contains("[BATTERY]").doesNotContain("why");
    }

    @Test
    void aStaleThenLostBankShowsTheFailSafeSourceAndTheReason() {
        var m = model(io.pylon4j.driver.LimitPolicy.of(io.pylon4j.driver.InverterProfile.GENERIC_PYLON));
        m.tick(T0.plusSeconds(4)); // stale after 3 s without limits (the generic profile)
        String stale = MonitorCommand.view(m.status(), NO_COUNTS, Moment.ofInstant(T0.plusSeconds(4)));
        assertThat(stale).contains("STALE").contains("CCL    0.0 A  DCL    0.0 A   [FAIL_SAFE_STALE]");
        assertThat(stale).containsPattern("why +CVL \\[BATTERY_LAST_KNOWN\\] bank STALE: the battery's last value, "
                        + "4.0 s old")
                .containsPattern("\\n +CCL \\[FAIL_SAFE_STALE\\] bank STALE: no limits for 4.0 s \\(stale after 3.0 s\\); "
                        + "the battery's last value was 148 A")
                .containsPattern("\\n +DCL \\[FAIL_SAFE_STALE\\] bank STALE: ");

        m.tick(T0.plusSeconds(11)); // lost after 10 s
        String lost = MonitorCommand.view(m.status(), NO_COUNTS, Moment.ofInstant(T0.plusSeconds(11)));
        assertThat(lost).contains("LOST").contains("CCL    0.0 A  DCL    0.0 A   [FAIL_SAFE_LOST]")
                .containsPattern("\\n +CCL \\[FAIL_SAFE_LOST\\] bank LOST: .*the battery's last value was 148 A");
    }

    @Test
    void aUserCapShowsAsUserCapWithTheBatterysValue() {
        var m = model(io.pylon4j.driver.LimitPolicy.of(io.pylon4j.driver.InverterProfile.GENERIC_PYLON)
                .withCaps(io.pylon4j.driver.LimitCaps.none().withMaxChargeCurrentAmps(50)));
        String view = MonitorCommand.view(m.status(), NO_COUNTS, Moment.ofInstant(T0));
        assertThat(view).contains("CCL   50.0 A  DCL  148.0 A   [USER_CAP]")
                .containsPattern("why +CCL \\[USER_CAP\\] user cap 50 A below 148 A \\(BATTERY\\)")
                .doesNotContain("DCL [");
    }

    @Test
    void onceWithACapPrintsTheCapAsTheChargeLimitsSource() throws IOException {
        Result r = run("--can", "replay:" + capture() + "?pace=fast", "--once", "--max-charge-current", "100");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"chargeCurrentLimitAmps\":100")
                .contains("\"chargeCurrentLimit\":{\"source\":\"USER_CAP\",\"batteryValue\":480,"
                        + "\"reason\":\"user cap 100 A below 480 A (BATTERY)\"}");
    }

    @Test
    void aNegativeCapIsACommandLineError() {
        Result r = run("--can", "replay:x", "--max-charge-current", "-1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("maxChargeCurrentAmps");
    }
}
