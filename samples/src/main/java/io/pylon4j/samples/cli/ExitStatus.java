package io.pylon4j.samples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The one exit-status table of every {@code pylon} subcommand (README, "The command line"): a script can tell a
 * bank or data that failed a check (1) from a command line or endpoint it must fix (2) whatever the command.
 */
final class ExitStatus {

    /** Done: every line decoded, every check passed (or was skipped), a complete snapshot, an address answered. */
    static final int OK = 0;

    /**
     * The bank or the data failed a check: a line or frame that could not be decoded (or was lost), an incomplete
     * {@code monitor --once}, no address answering a {@code scan}, a failed commissioning check.
     */
    static final int FAILED_CHECK = 1;

    /**
     * The user must fix something before trying again: a bad command line, an input that cannot be read, an
     * endpoint that cannot be opened (refused, port in use, unknown scheme).
     */
    static final int USAGE = 2;

    /** {@code commission} only: no check failed, but some warned. */
    static final int WARNINGS = 3;

    /** A failure no command expected (a bug): {@link PylonCli#UNEXPECTED_FAILURE}, {@code EX_SOFTWARE}. */
    static final int UNEXPECTED = PylonCli.UNEXPECTED_FAILURE;

    private ExitStatus() {
    }

    /** The table as the usage help prints it, in this order. */
    static Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(" " + OK, "done");
        t.put(" " + FAILED_CHECK, "the bank or data failed a check (a line not decoded, no complete snapshot, "
                + "no answer, a failed commissioning check)");
        t.put(" " + USAGE, "bad command line, unreadable input, or an endpoint that cannot be opened");
        t.put(" " + WARNINGS, "commission: warnings only");
        t.put(String.valueOf(UNEXPECTED), "an unexpected failure (a bug)");
        return t;
    }

    /** Puts the table at the foot of a command's usage help. */
    static void documentIn(UsageMessageSpec usage) {
        usage.exitCodeListHeading("%nExit status:%n").exitCodeList(table());
    }
}
