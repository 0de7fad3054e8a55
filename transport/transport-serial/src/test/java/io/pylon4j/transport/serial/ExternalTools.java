package io.pylon4j.transport.serial;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the programs the pseudo-terminal tests drive ({@code socat}, {@code ser2net}). A missing program FAILS the
 * test with what to install: CI installs them ({@code .ci/run}), so a skip there would hide a broken gate. A
 * developer without them can opt out with {@code -Dpylon4j.tests.withoutExternalTools=true}, which turns these tests
 * into visible skips.
 */
public final class ExternalTools {

    /** The opt-out system property. */
    static final String OPT_OUT = "pylon4j.tests.withoutExternalTools";

    private ExternalTools() {
    }

    /**
     * Runs {@code stty -F tty ARGS} (coreutils) and returns what it printed; fails the test if stty fails. With
     * {@code "speed"} as the only argument it prints the tty's current speed, e.g. {@code 9600}.
     */
    static String stty(Path tty, String... args) throws java.io.IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(require("stty", "coreutils").toString(), "-F", tty.toString()));
        command.addAll(List.of(args));
        Process stty = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (var in = stty.getInputStream()) {
            out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
        }
        Assertions.assertTrue(stty.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "stty did not finish");
        Assertions.assertEquals(0, stty.exitValue(), () -> "stty " + command + ": " + out);
        return out;
    }

    /**
     * The path of {@code program}, from the Debian package {@code debianPackage}; fails (or skips, opted out) if it
     * is absent.
     */
    static Path require(String program, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        List<String> dirs = new ArrayList<>(List.of(path.split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin")); // ser2net lives in sbin, often not on PATH
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = program + " is not installed, and this test needs it: apt-get install " + debianPackage
                + " (.ci/run installs it). To run the build without it, pass -D" + OPT_OUT + "=true and these tests"
                + " are skipped.";
        if (Boolean.getBoolean(OPT_OUT)) {
            Assumptions.abort(message);
        }
        return Assertions.fail(message);
    }
}
