package io.pylon4j.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
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
 * through the driver's read-only {@code CanFrameTap}; nothing is sent to the bank.
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
