package io.pylon4j.driver.commission;

/**
 * One commissioning check: a pure function of what was observed and what the installer expects. Implementations
 * are small and each looks at one thing; {@link Commissioning#standardChecks()} lists the built-in ones, and an
 * application may add its own.
 *
 * <p>A check never throws for bad or missing data: it returns {@link Verdict#SKIPPED} (nothing to judge) or a
 * verdict whose explanation names what was wrong.
 */
public interface CommissioningCheck {

    /** The stable kebab-case id its results carry. */
    String id();

    /** Judges the observation. */
    CheckResult evaluate(Observation observation, Expectations expected);
}
