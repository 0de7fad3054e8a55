package io.pylon4j.driver.commission;

import java.util.Objects;

/**
 * The result of one commissioning check: a stable id, the verdict, one sentence an installer understands, and the
 * measured and expected values as the report prints them.
 *
 * @param id          the check's stable kebab-case id (for example {@code charge-current-limit}); a JSON field value
 * @param verdict     pass, warn, fail or skipped
 * @param explanation one or two sentences in the installer's terms: what was seen and what to do
 * @param measured    what was measured, with units ({@code "37.0 A"}); empty when nothing was
 * @param expected    what was expected, with units ({@code "148.0 A (4 × 37.0 A)"}); empty when there is no
 *                    expectation
 */
public record CheckResult(String id, Verdict verdict, String explanation, String measured, String expected) {

    /** Validates. */
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(expected, "expected");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("check id must be kebab-case: '" + id + "'");
        }
    }

    /** A result with the given verdict. */
    public static CheckResult of(String id, Verdict verdict, String explanation, String measured, String expected) {
        return new CheckResult(id, verdict, explanation, measured, expected);
    }

    /** A skipped result: the check lacked {@code why}. */
    public static CheckResult skipped(String id, String why) {
        return new CheckResult(id, Verdict.SKIPPED, why, "", "");
    }
}
