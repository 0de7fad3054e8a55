package io.pylon4j.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing tool fails the pty tests with what to install; the opt-out turns the failure into a skip. */
class ExternalToolsTest {

    @Test
    void aMissingToolFailsWithWhatToInstall() {
        String previous = System.clearProperty(ExternalTools.OPT_OUT);
        try {
            assertThatThrownBy(() -> ExternalTools.require("pylon4j-no-such-tool", "pylon4j-pkg"))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("apt-get install pylon4j-pkg")
                    .hasMessageContaining("-D" + ExternalTools.OPT_OUT + "=true");
        } finally {
            restore(previous);
        }
    }

    @Test
    void theOptOutSkipsInstead() {
        String previous = System.setProperty(ExternalTools.OPT_OUT, "true");
        try {
            assertThatThrownBy(() -> ExternalTools.require("pylon4j-no-such-tool", "pylon4j-pkg"))
                    .isInstanceOf(TestAbortedException.class);
        } finally {
            restore(previous);
        }
    }

    @Test
    void findsAnInstalledTool() {
        assertThat(ExternalTools.require("sh", "dash")).isExecutable();
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(ExternalTools.OPT_OUT);
        } else {
            System.setProperty(ExternalTools.OPT_OUT, previous);
        }
    }
}
