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

    /**
     * The stable kebab-case id its results carry.
     *
     * @return the id, e.g. {@code charge-current-limit}; the same for every result of this check
     */
    String id();

    /**
     * Judges the observation.
     *
     * @param observation what was seen of the bank
     * @param expected    what the installer knows; a check that needs a missing expectation is skipped
     * @return the result, with this check's {@link #id()}; never null
     */
    CheckResult evaluate(Observation observation, Expectations expected);
}
