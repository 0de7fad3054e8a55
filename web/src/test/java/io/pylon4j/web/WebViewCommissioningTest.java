package io.pylon4j.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.commission.ChargeCurrentLimitCheck;
import io.pylon4j.driver.commission.Expectations;
import io.pylon4j.driver.commission.ModuleCountCheck;
import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.virtual.VirtualByteBus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/commissioning} over real loopback HTTP runs the single-CAN-master check for real: against one simulated
 * master on a {@code virtual:} CAN bus it passes, with a second simulated master on the same bus it fails with the
 * installer's advice, and for a bank read over RS485 it says plainly that it does not apply. The view sees the frames
 * through the driver's read-only {@code CanFrameTap}; nothing is sent to the bank. The installer's expectations, given
 * as query parameters (or as the view's defaults), judge {@code module-count} and {@code charge-current-limit} as
 * {@code pylon commission} does (the same checks), and a query the view does not take is refused with 400.
 */
class WebViewCommissioningTest {

    private static final Pattern SINGLE_MASTER = Pattern.compile(
            "\\{\"id\":\"single-can-master\",\"verdict\":\"([A-Z]+)\",\"explanation\":\"([^\"]*)\",\"measured\":\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void oneCanMasterPasses() throws Exception {
        try (SimulatedBankLink link = new SimulatedBankLink("one-master");
             PylonWebView view = PylonWebView.start(link.driver, WebViewOptions.defaults())) {
            Matcher check = awaitVerdict(view, v -> !v.equals("SKIPPED"));
            assertEquals("PASS", check.group(1), check.group(0));
            assertEquals("One device sends the limits.", check.group(2));
            assertTrue(check.group(3).contains(" alternations"), check.group(3));
            assertEquals(0, view.counters().canFramesOverwritten());
        }
    }

    @Test
    void twoCanMastersOnOneBusFailWithTheInstallersAdvice() throws Exception {
        try (SimulatedBankLink link = new SimulatedBankLink("two-masters");
             PylonWebView view = PylonWebView.start(link.driver, WebViewOptions.defaults())) {
            link.addSecondCanMaster();
            Matcher check = awaitVerdict(view, "FAIL"::equals);
            assertTrue(check.group(2).startsWith("Two different charge/discharge limit frames (0x351) alternate"),
                    check.group(0));
            assertTrue(check.group(2).endsWith("Connect only the master's CAN port to the inverter; a slave's CAN "
                    + "port must stay empty."), check.group(2));
            // the bank's own values still reach the page: the check reports, it does not take the link down
            assertTrue(link.driver.status().batteryLimits().isPresent());
        }
    }

    @Test
    void anRs485BankIsToldPlainlyThatTheCheckDoesNotApply() throws Exception {
        VirtualByteBus bus = new VirtualByteBus("rs485-only");
        try (ByteStreamTransport rs485 = bus.newMember();
             PylonDriver driver = PylonDriver.rs485(rs485, DriverOptions.builder("rs485-bank").build());
             PylonWebView view = PylonWebView.start(driver, WebViewOptions.defaults())) {
            Matcher check = awaitVerdict(view, v -> true);
            assertEquals("SKIPPED", check.group(1));
            assertEquals("Does not apply: this bank is read over RS485, and a second CAN master can only be seen on "
                    + "a CAN bus.", check.group(2));
        }
    }

    private static final double US3000C_AMPS = ModulePreset.US3000C.chargeCurrentDeciAmps() / 10.0;

    @Test
    void theInstallersExpectedModuleCountPassesWhenRightAndFailsWhenWrong() throws Exception {
        try (SimulatedBankLink link = new SimulatedBankLink("expected-modules");
             PylonWebView view = PylonWebView.start(link.driver, WebViewOptions.defaults())) {
            // without expectations (as before the form), both checks are skipped
            String none = awaitCheck(view, "", ModuleCountCheck.ID, v -> true);
            assertTrue(none.contains("\"verdict\":\"SKIPPED\",\"explanation\":\"No expected count given"), none);

            String right = awaitCheck(view, "?modules=4&moduleChargeAmps=" + US3000C_AMPS, ModuleCountCheck.ID,
                    "PASS"::equals);
            assertTrue(right.contains("\"explanation\":\"The master counts all 4 modules.\""), right);
            assertTrue(right.startsWith("{\"expectations\":{\"modules\":4,\"groups\":1,\"moduleChargeAmps\":37.0,"
                    + "\"newModules\":[]},"), right);
            String ccl = awaitCheck(view, "?modules=4&moduleChargeAmps=" + US3000C_AMPS,
                    ChargeCurrentLimitCheck.ID, v -> !v.equals("SKIPPED"));
            assertTrue(ccl.contains("\"id\":\"charge-current-limit\",\"verdict\":\"PASS\""), ccl);

            // one module more than the bank has: the master does not count it, as pylon commission would say
            String wrong = awaitCheck(view, "?modules=5", ModuleCountCheck.ID, v -> true);
            assertTrue(wrong.contains("\"id\":\"module-count\",\"verdict\":\"FAIL\",\"explanation\":"
                    + "\"The master counts 4 of the 5 modules: 1 does not talk to it."), wrong);
            assertTrue(wrong.contains("\"overall\":\"FAIL\""), wrong);
            // nothing was kept: the next request without parameters is judged without expectations again
            assertTrue(awaitCheck(view, "", ModuleCountCheck.ID, v -> true)
                    .contains("\"id\":\"module-count\",\"verdict\":\"SKIPPED\""));
        }
    }

    @Test
    void theViewsDefaultExpectationsJudgeWhatTheQueryLeavesOut() throws Exception {
        Expectations four = Expectations.NONE.withModules(4);
        try (SimulatedBankLink link = new SimulatedBankLink("default-expectations");
             PylonWebView view = PylonWebView.start(link.driver, WebViewOptions.defaults().withExpectations(four))) {
            assertTrue(awaitCheck(view, "", ModuleCountCheck.ID, "PASS"::equals).startsWith(
                    "{\"expectations\":{\"modules\":4,\"groups\":1,\"moduleChargeAmps\":null,\"newModules\":[]},"));
            String override = awaitCheck(view, "?modules=3", ModuleCountCheck.ID, v -> true);
            assertTrue(override.contains("\"id\":\"module-count\",\"verdict\":\"FAIL\",\"explanation\":"
                    + "\"The master counts 4 modules, more than the 3 expected"), override);
        }
    }

    @Test
    void aQueryTheViewDoesNotTakeIsRefusedWith400AndCounted() throws Exception {
        VirtualByteBus bus = new VirtualByteBus("bad-queries");
        try (ByteStreamTransport rs485 = bus.newMember();
             PylonDriver driver = PylonDriver.rs485(rs485, DriverOptions.builder("rs485-bank").build());
             PylonWebView view = PylonWebView.start(driver, WebViewOptions.defaults())) {
            String[][] cases = {
                {"?modules=4&inverterAmps=100", "400 unknown parameter 'inverterAmps'; known: groups, "
                        + "moduleChargeAmps, modules, newModules"},
                {"?modules=0", "400 modules: a whole number from 1 to 256, not '0'"},
                {"?modules=four", "400 modules: a whole number from 1 to 256, not 'four'"},
                {"?modules=4&modules=5", "400 parameter 'modules' given twice"},
                {"?moduleChargeAmps=99999", "400 moduleChargeAmps: one module's charge current in A, from 1 to 500 "
                        + "(e.g. 37 for a US3000C), not '99999'"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = get(view, c[0]);
                assertEquals(400, r.statusCode(), c[0]);
                assertEquals(c[1], r.body().strip(), c[0]);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
                assertEquals(WebHandler.CONTENT_SECURITY_POLICY,
                        r.headers().firstValue("Content-Security-Policy").orElse(""));
            }
            assertEquals(cases.length, view.counters().badRequests());
            assertEquals(200, get(view, "?modules=4&groups=1&moduleChargeAmps=37&newModules=3%2C4").statusCode());
            assertEquals(cases.length, view.counters().badRequests());
        }
    }

    private HttpResponse<String> get(PylonWebView view, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(view.url()).resolve("/api/commissioning" + query))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Runs the checks with {@code query} once a second until check {@code id}'s verdict is one {@code wanted} takes
     * (the view needs a few snapshots first); returns the whole report.
     */
    private String awaitCheck(PylonWebView view, String query, String id, java.util.function.Predicate<String> wanted)
            throws Exception {
        Pattern verdict = Pattern.compile("\\{\"id\":\"" + id + "\",\"verdict\":\"([A-Z]+)\"");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(view, query);
            assertEquals(200, r.statusCode(), r.body());
            last = r.body();
            Matcher m = verdict.matcher(last);
            assertTrue(m.find(), "no " + id + " result: " + last);
            // the bank's module count and limits arrive with its first frames: a skip for want of data is retried
            boolean noDataYet = m.group(1).equals("SKIPPED") && (last.contains("The bank reported no module count")
                    || last.contains("The bank sent no charge current limit"));
            if (!noDataYet && wanted.test(m.group(1))) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the " + id + " verdict wanted did not come within 20 s: " + last);
    }

    /** Runs the checks from the view once a second until the single-CAN-master verdict is one {@code wanted} takes. */
    private Matcher awaitVerdict(PylonWebView view, java.util.function.Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(view.url())
                    .resolve("/api/commissioning")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            last = r.body();
            Matcher m = SINGLE_MASTER.matcher(last);
            assertTrue(m.find(), "no single-can-master result: " + last);
            if (wanted.test(m.group(1))) {
                return m;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the single-can-master verdict wanted did not come within 20 s: " + last);
    }
}
