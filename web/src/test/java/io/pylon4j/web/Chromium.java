package io.pylon4j.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through Debian's chromedriver by Selenium, with nothing downloaded (no Selenium
 * Manager: both paths are given) and a fresh profile. A missing browser FAILS the test with what to install: CI
 * installs it ({@code .ci/run}), so a skip there would hide a broken gate. A developer without it can opt out with
 * {@code -Dpylon4j.tests.withoutChromium=true}, or with the project's common
 * {@code -Dpylon4j.tests.withoutExternalTools=true}, either of which turns these tests into visible skips.
 */
final class Chromium implements AutoCloseable {

    /** The opt-out system property for this browser only. */
    static final String OPT_OUT = "pylon4j.tests.withoutChromium";

    /** The project's common opt-out for every external program (the serial and MQTT tests honour it too). */
    static final String OPT_OUT_ALL = "pylon4j.tests.withoutExternalTools";

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver browser;
    private final Path profile;

    private Chromium(ChromeDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    /** Starts a headless browser with its performance (network) and console logs recorded. */
    static Chromium start(int width, int height) throws IOException {
        require(BROWSER, "chromium");
        require(DRIVER, "chromium-driver");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path profile = Files.createTempDirectory("pylon4j-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        try {
            return new Chromium(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    /** Polls {@code condition} every 100 ms until it holds, or fails after {@code seconds} saying what it waited for. */
    static void await(int seconds, String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("the page did not show " + what + " within " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }

    /** The URLs of every request the browser sent, from its performance log ({@code Network.requestWillBeSent}). */
    List<String> requestedUrls() {
        return browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(e -> e.getMessage())
                .filter(m -> m.contains("\"Network.requestWillBeSent\""))
                .flatMap(m -> java.util.regex.Pattern.compile("\"url\":\"([^\"]*)\"").matcher(m).results()
                        .map(r -> r.group(1)))
                .distinct().toList();
    }

    /** The browser console's messages (a CSP violation is reported there). */
    List<String> consoleMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(e -> e.getLevel() + " "
                + e.getMessage()).toList();
    }

    Object script(String js, Object... arguments) {
        return browser.executeScript(js, arguments);
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            delete(profile);
        }
    }

    /** Returns if {@code program} is executable; otherwise fails the test, or skips it when opted out. */
    static void require(Path program, String debianPackage) {
        if (Files.isExecutable(program)) {
            return;
        }
        String message = program + " is not installed, and this test needs it: apt-get install chromium "
                + "chromium-driver (package " + debianPackage + "; .ci/run installs it). To run the build without it, "
                + "pass -D" + OPT_OUT + "=true (or -D" + OPT_OUT_ALL + "=true) and these tests are skipped.";
        if (Boolean.getBoolean(OPT_OUT) || Boolean.getBoolean(OPT_OUT_ALL)) {
            Assumptions.abort(message);
        }
        Assertions.fail(message);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }

}
