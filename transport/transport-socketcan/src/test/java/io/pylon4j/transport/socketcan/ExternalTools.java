package io.pylon4j.transport.socketcan;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the programs the gateway's VM test drives (can-utils, Debian's python3 with python3-can). A missing program
 * FAILS the test with what to install: CI installs them ({@code .ci/run}) and a skip in the VM would hide a broken
 * gate. A developer without them opts out with {@code -Dpylon4j.tests.withoutExternalTools=true} (the property of
 * transport-serial's tests), which turns the test into a visible skip.
 */
final class ExternalTools {

    /** The opt-out system property, as in transport-serial. */
    static final String OPT_OUT = "pylon4j.tests.withoutExternalTools";

    /** Debian's interpreter, not a user's pyenv or venv: python3-can is installed for it. */
    static final String PYTHON = "/usr/bin/python3";

    private ExternalTools() {
    }

    /** The path of {@code program} from the Debian package {@code debianPackage}; fails (or skips, opted out). */
    static Path require(String program, String debianPackage) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/sbin"));
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program);
            }
        }
        return missing(program + " is not installed", debianPackage);
    }

    /**
     * Debian's python3 with Debian's python-can; fails (or skips, opted out) with what to install. Looks for the
     * package's files rather than importing it: an import costs about 15 s in the emulated VM, and the client itself
     * says so when its import fails.
     */
    static Path requirePythonCan() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return missing(PYTHON + " is not installed", "python3 python3-can");
        }
        if (!Files.isRegularFile(Path.of("/usr/lib/python3/dist-packages/can/__init__.py"))) {
            return missing("python-can is not installed for " + PYTHON, "python3-can");
        }
        return Path.of(PYTHON);
    }

    private static Path missing(String what, String debianPackage) {
        String message = what + ", and this test needs it: apt-get install " + debianPackage + " (.ci/run installs "
                + "it). To run the build without it, pass -D" + OPT_OUT + "=true and the test is skipped.";
        if (Boolean.getBoolean(OPT_OUT)) {
            Assumptions.abort(message);
        }
        return Assertions.fail(message);
    }
}
