package io.pylon4j.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.simulator.Alarm;
import io.pylon4j.simulator.ModuleId;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.virtual.VirtualByteBus;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The page as an installer sees it, in a real headless Chromium, against a simulated bank read by the real driver
 * in real time: history and live updates in the plots, a row per module, an alarm forced in the simulator, the bank
 * going STALE then LOST when its link goes silent, and no request leaving the host; the commissioning checks run
 * from the page, with one CAN master (PASS), two on one bus (FAIL) and an RS485 bank. Screenshots are kept in
 * {@code target/web-screenshots/}.
 */
class WebViewBrowserTest {

    private static final Path SHOTS = Path.of("target", "web-screenshots");

    @Test
    void thePageFollowsASimulatedBankLive() throws Exception {
        try (SimulatedBankLink link = new SimulatedBankLink("web-bank");
             PylonWebView view = PylonWebView.start(link.driver, WebViewOptions.defaults());
             Chromium chromium = Chromium.start(1280, 1900)) {
            // a page opened late shows the history the server kept
            WebViewServerTest.waitFor(() -> view.counters().samples() >= 4);
            chromium.browser.get(view.url());
            Chromium.await(30, "the bank FRESH", () -> text(chromium, "supervision-state").equals("FRESH"));
            List<?> first = (List<?>) chromium.script("return [Number(document.body.dataset.updates),"
                    + " Number(document.getElementById('plot-soc').dataset.points)]");
            long updates = ((Number) first.get(0)).longValue();
            long points = ((Number) first.get(1)).longValue();
            assertTrue(points > updates && points >= 4, "history not shown: " + points + " points after " + updates
                    + " live updates");

            // the plots grow as live updates arrive
            Chromium.await(20, "three more plotted points", () -> points(chromium, "plot-current") >= points + 3);
            assertEquals(4, chromium.browser.findElements(By.cssSelector("#modules tbody tr")).size());
            assertEquals(4, chromium.browser.findElements(By.cssSelector("#modules tbody tr td .heat")).size() / 15,
                    "a heat map cell per cell voltage (15 cells per US3000C)");
            assertTrue(text(chromium, "limits").contains("charge current (CCL)"));
            assertTrue(chromium.browser.findElement(By.cssSelector("#limits tbody tr")).getText().contains("V"));
            assertTrue(chromium.browser.findElements(By.cssSelector("#links li.link-up")).size() == 2,
                    () -> "both links up: " + text(chromium, "links"));

            // commissioning checks, run from the page (read-only, a GET); one CAN master on the bus passes
            List<String> master = runChecksUntil(chromium, verdict -> !verdict.equals("SKIPPED"));
            assertEquals("PASS", master.get(1), () -> String.join(" | ", master));
            assertTrue(master.get(2).startsWith("One device sends the limits."), master.get(2));
            assertTrue(chromium.browser.findElements(By.cssSelector("#commissioning tbody tr")).size() > 3);
            assertTrue(text(chromium, "commissioning-overall").startsWith("overall: "));

            // the installer's expectations, from the page's form (a GET with the values; nothing is stored)
            List<String> wrong = checkWithExpectations(chromium, "5", "module-count");
            assertEquals("FAIL", wrong.get(1), () -> String.join(" | ", wrong));
            assertTrue(wrong.get(2).startsWith("The master counts 4 of the 5 modules: 1 does not talk to it."),
                    wrong.get(2));
            assertTrue(text(chromium, "commissioning-overall").startsWith("overall: FAIL"));
            List<String> right = checkWithExpectations(chromium, "4", "module-count");
            assertEquals("PASS", right.get(1), () -> String.join(" | ", right));
            assertEquals("The master counts all 4 modules. (seen: 4) (expected: 4)", right.get(2));
            assertTrue(text(chromium, "commissioning-overall").contains("judged against 4 modules, 37 A per module"),
                    text(chromium, "commissioning-overall"));
            List<String> ccl = row(chromium, "charge-current-limit");
            assertEquals("PASS", ccl.get(1), () -> String.join(" | ", ccl));
            screenshot(chromium, "desktop.png");
            // a value the view does not take: the page shows the server's reason, not a stack trace or nothing
            chromium.browser.findElement(By.id("expect-groups")).sendKeys("99");
            chromium.browser.findElement(By.id("run-checks")).click();
            Chromium.await(10, "the refusal", () -> text(chromium, "commissioning-overall").startsWith(
                    "could not run the checks: 400 groups: a whole number from 1 to 16, not '99'"));
            chromium.browser.findElement(By.id("expect-groups")).clear();

            // an alarm forced in the simulator
            link.bank.forceAlarm(ModuleId.of(0, 1), Alarm.CELL_HIGH_TEMPERATURE);
            Chromium.await(20, "the forced alarm", () -> !chromium.browser.findElements(
                    By.cssSelector("#active-alarms li.alarm-active")).isEmpty());
            assertTrue(text(chromium, "alarm-log").contains("active"), text(chromium, "alarm-log"));
            assertTrue(text(chromium, "active-alarms").toUpperCase().contains("TEMPERATURE"),
                    text(chromium, "active-alarms"));

            // the link goes silent: STALE after 2 s, LOST after 4 s (the rig's timeouts)
            link.silence();
            Chromium.await(20, "LOST", () -> text(chromium, "supervision-state").equals("LOST"));
            // STALE lasts 2 s: read from the states the page showed, in order, rather than hoped to be polled in time
            assertTrue(chromium.browser.findElement(By.tagName("body")).getDomAttribute("data-states")
                    .endsWith("FRESH STALE LOST"), () -> "the page showed "
                    + chromium.browser.findElement(By.tagName("body")).getDomAttribute("data-states"));
            assertTrue(text(chromium, "supervision-detail").startsWith("LOST since "));

            // a phone in a plant room, on the same running page (the LOST header, with its causes, is the widest)
            PhoneWidth.emulate(chromium, 360, 740);
            PhoneWidth.assertNoSidewaysScroll(chromium, "supervision-state", "supervision-detail", "links",
                    "limits", "modules-section", "expectations");
            PhoneWidth.emulate(chromium, 360, 1900); // a taller screen, only for the picture in docs/web.md
            screenshot(chromium, "phone.png");

            // nothing left the host: every request the browser sent went to the view itself
            String origin = URI.create(view.url()).resolve("/").toString();
            List<String> urls = chromium.requestedUrls();
            assertFalse(urls.isEmpty(), "the performance log recorded no request");
            // (the browser's own chrome:// pages, such as the first empty tab, and data: URLs never reach a network)
            List<String> network = urls.stream().filter(u -> !u.startsWith("chrome://") && !u.startsWith("data:")
                    && !u.startsWith("about:")).toList();
            assertTrue(network.contains(origin + "api/events"), "the live stream was not requested: " + network);
            for (String url : network) {
                assertTrue(url.startsWith(origin), "a request left the host: " + url + " (all: " + network + ")");
            }
            List<String> console = chromium.consoleMessages();
            assertTrue(console.stream().noneMatch(m -> m.contains("Content Security Policy")
                    || m.contains("Content-Security-Policy")), "CSP violations: " + console);
            // the one refusal asked for above (groups=99) is logged by the browser as a failed load: it is expected
            assertTrue(console.stream().noneMatch(m -> m.startsWith("SEVERE") && !(m.contains("groups=99")
                    && m.contains("status of 400"))), "console errors: " + console);
        }
    }

    @Test
    void theChecksRunFromThePageSeeASecondCanMasterAndSayPlainlyWhenTheyDoNotApply() throws Exception {
        VirtualByteBus rs485Bus = new VirtualByteBus("web-rs485-only");
        try (SimulatedBankLink link = new SimulatedBankLink("web-two-masters");
             PylonWebView view = PylonWebView.start(link.driver, WebViewOptions.defaults());
             ByteStreamTransport rs485 = rs485Bus.newMember();
             PylonDriver rs485Driver = PylonDriver.rs485(rs485, DriverOptions.builder("rs485-bank").build());
             PylonWebView rs485View = PylonWebView.start(rs485Driver, WebViewOptions.defaults());
             Chromium chromium = Chromium.start(1280, 1900)) {
            // two masters on one CAN bus: the page's check fails and tells the installer what to do
            link.addSecondCanMaster();
            chromium.browser.get(view.url());
            List<String> master = runChecksUntil(chromium, "FAIL"::equals);
            assertTrue(master.get(2).contains("two devices send limits"), master.get(2));
            assertTrue(master.get(2).contains("Connect only the master's CAN port to the inverter"), master.get(2));
            assertTrue(text(chromium, "commissioning-overall").startsWith("overall: FAIL"),
                    text(chromium, "commissioning-overall"));
            screenshot(chromium, "two-can-masters.png");

            // a bank read over RS485: the check does not apply, and the page says so in words
            chromium.browser.get(rs485View.url());
            List<String> rs485Check = runChecksUntil(chromium, verdict -> true);
            assertEquals("SKIPPED", rs485Check.get(1));
            assertEquals("Does not apply: this bank is read over RS485, and a second CAN master can only be seen on "
                    + "a CAN bus.", rs485Check.get(2));
        }
    }

    /**
     * Presses "Run the checks" until the single-can-master row's verdict is one {@code wanted} takes (the check needs
     * three cycles of frames first); returns that row's cells: id, verdict, explanation.
     */
    private static List<String> runChecksUntil(Chromium chromium, Predicate<String> wanted) throws Exception {
        List<List<String>> found = new ArrayList<>();
        Chromium.await(30, "the single-can-master verdict wanted", () -> {
            chromium.browser.findElement(By.id("run-checks")).click();
            try {
                Chromium.await(10, "commissioning verdicts", () -> text(chromium, "commissioning-overall")
                        .startsWith("overall: "));
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            for (WebElement row : chromium.browser.findElements(By.cssSelector("#commissioning tbody tr"))) {
                List<String> cells = row.findElements(By.tagName("td")).stream().map(c -> c.getText().strip())
                        .toList();
                if (cells.get(0).equals("single-can-master") && wanted.test(cells.get(1))) {
                    found.add(cells);
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }

    /**
     * Fills the form's expected module count and the US3000C's charge current figure, runs the checks from the page
     * and returns check {@code id}'s row once the bank's first frames have been judged.
     */
    private static List<String> checkWithExpectations(Chromium chromium, String modules, String id)
            throws Exception {
        List<List<String>> found = new ArrayList<>();
        WebElement count = chromium.browser.findElement(By.id("expect-modules"));
        count.clear();
        count.sendKeys(modules);
        WebElement amps = chromium.browser.findElement(By.id("expect-charge"));
        amps.clear();
        amps.sendKeys("37");
        Chromium.await(30, id + " judged with " + modules + " modules expected", () -> {
            chromium.browser.findElement(By.id("run-checks")).click();
            try {
                Chromium.await(10, "commissioning verdicts", () -> text(chromium, "commissioning-overall")
                        .startsWith("overall: "));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            List<String> cells = row(chromium, id);
            if (text(chromium, "commissioning-overall").contains("judged against " + modules + " modules")
                    && !cells.isEmpty() && !cells.get(1).equals("SKIPPED")) {
                found.add(cells);
                return true;
            }
            return false;
        });
        return found.get(0);
    }

    /** The cells of check {@code id}'s row in the commissioning table (id, verdict, explanation), or none. */
    private static List<String> row(Chromium chromium, String id) {
        for (WebElement row : chromium.browser.findElements(By.cssSelector("#commissioning tbody tr"))) {
            List<String> cells = row.findElements(By.tagName("td")).stream().map(c -> c.getText().strip()).toList();
            if (cells.get(0).equals(id)) {
                return cells;
            }
        }
        return List.of();
    }

    private static String text(Chromium chromium, String id) {
        return chromium.browser.findElement(By.id(id)).getText().strip();
    }

    private static long points(Chromium chromium, String plot) {
        return Long.parseLong(chromium.browser.findElement(By.id(plot)).getDomAttribute("data-points"));
    }

    private static void screenshot(Chromium chromium, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), chromium.browser.getScreenshotAs(OutputType.BYTES));
    }
}
