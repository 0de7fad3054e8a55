package io.pylon4j.web;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A missing browser fails the browser test saying what to install, unless the developer opted out with either the
 * browser's own property or the project's common one for all external programs.
 */
class ChromiumOptOutTest {

    private static final Path MISSING = Path.of("/nonexistent", "pylon4j", "chromium");

    @AfterEach
    void clearProperties() {
        System.clearProperty(Chromium.OPT_OUT);
        System.clearProperty(Chromium.OPT_OUT_ALL);
    }

    @Test
    void aMissingBrowserFailsWithWhatToInstall() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Chromium.require(MISSING, "chromium"));
        assertTrue(failure.getMessage().contains("apt-get install chromium chromium-driver"), failure.getMessage());
        assertTrue(failure.getMessage().contains("pylon4j.tests.withoutExternalTools"), failure.getMessage());
    }

    @Test
    void theCommonOptOutForExternalToolsSkips() {
        System.setProperty("pylon4j.tests.withoutExternalTools", "true");
        assertThrows(TestAbortedException.class, () -> Chromium.require(MISSING, "chromium"));
    }

    @Test
    void theBrowsersOwnOptOutStillSkips() {
        System.setProperty("pylon4j.tests.withoutChromium", "true");
        assertThrows(TestAbortedException.class, () -> Chromium.require(MISSING, "chromium"));
    }
}
