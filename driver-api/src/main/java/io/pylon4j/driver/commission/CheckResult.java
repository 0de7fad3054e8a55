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

    /**
     * Validates.
     *
     * @param id          the check's stable kebab-case id
     * @param verdict     pass, warn, fail or skipped
     * @param explanation what was seen and what to do, in the installer's terms
     * @param measured    what was measured, with units; empty when nothing was
     * @param expected    what was expected, with units; empty when there is no expectation
     * @throws IllegalArgumentException if {@code id} is not kebab-case
     */
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

    /**
     * A result with the given verdict.
     *
     * @param id          the check's stable kebab-case id
     * @param verdict     pass, warn, fail or skipped
     * @param explanation what was seen and what to do
     * @param measured    what was measured, with units, or empty
     * @param expected    what was expected, with units, or empty
     * @return the result
     */
    public static CheckResult of(String id, Verdict verdict, String explanation, String measured, String expected) {
        return new CheckResult(id, verdict, explanation, measured, expected);
    }

    /**
     * A skipped result: the check lacked {@code why}.
     *
     * @param id  the check's stable kebab-case id
     * @param why what the check needed and did not have, in words
     * @return a {@link Verdict#SKIPPED} result with no values
     */
    public static CheckResult skipped(String id, String why) {
        return new CheckResult(id, Verdict.SKIPPED, why, "", "");
    }
}
