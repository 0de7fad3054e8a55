package io.pylon4j.driver.commission;

/**
 * The outcome of one commissioning check, in rising severity except {@link #SKIPPED}: a check that could not run
 * (it lacked an input, such as the expected module count or RS485 per-module data) says so rather than passing.
 */
public enum Verdict {
    /** The bank looks right for this check. */
    PASS,
    /** Not necessarily wrong, but the installer should look (for example a derated limit, or no load to judge by). */
    WARN,
    /** Wrong: the installer must fix something before handing the bank over. */
    FAIL,
    /** The check had nothing to judge (an input was missing); the explanation says which. */
    SKIPPED;

    /**
     * The worse of two verdicts; {@link #SKIPPED} is weaker than anything else.
     *
     * @param other the verdict to compare with
     * @return {@code other} if it is more severe than this one, else this one
     */
    public Verdict worse(Verdict other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case SKIPPED -> 0;
            case PASS -> 1;
            case WARN -> 2;
            case FAIL -> 3;
        };
    }
}
