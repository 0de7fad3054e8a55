package io.pylon4j.driver.commission;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs commissioning checks on an {@link Observation}: {@link #evaluate(Observation, Expectations)} with the
 * standard checks, in the order an installer works through them (does data arrive, is it live, is every module
 * there, is the wiring right, are the modules matched). A check that throws is reported as a failure of that check
 * naming the exception, and the others still run.
 *
 * <pre>{@code
 * try (CommissioningRecorder recorder = CommissioningRecorder.watching(driver, canTransport)) {
 *     for (int i = 0; i < 10; i++) { Thread.sleep(1000); recorder.sample(); }   // or on your scheduler
 *     CommissioningReport report = Commissioning.evaluate(recorder.observation(),
 *             Expectations.of(4, new ModuleRating("US3000C", 37, 37)));
 *     System.out.print(report.toText());
 * }
 * }</pre>
 */
public final class Commissioning {

    private Commissioning() {
    }

    /**
     * The built-in checks, in report order.
     *
     * @return the standard checks, a new unmodifiable list
     */
    public static List<CommissioningCheck> standardChecks() {
        return List.of(new CommunicationCheck(), new ValuesMoveCheck(), new ModuleCountCheck(),
                new ChargeCurrentLimitCheck(), new LimitsPlausibleCheck(), new TemperatureCheck(), new SingleCanMasterCheck(),
                new GroupLimitsCheck(), new SocSpreadCheck(), new NewModuleSocCheck());
    }

    /**
     * Runs the standard checks.
     *
     * @param observation what was seen of the bank
     * @param expected    what the installer knows about the bank; {@link Expectations#NONE} skips the checks that need it
     * @return the report, one result per check
     */
    public static CommissioningReport evaluate(Observation observation, Expectations expected) {
        return evaluate(observation, expected, standardChecks());
    }

    /**
     * Runs {@code checks}, in order.
     *
     * @param observation what was seen of the bank
     * @param expected    what the installer knows about the bank
     * @param checks      the checks to run, in report order
     * @return the report, one result per check (a check that threw as a failure)
     */
    public static CommissioningReport evaluate(Observation observation, Expectations expected,
                                               List<? extends CommissioningCheck> checks) {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(expected, "expected");
        List<CheckResult> results = new ArrayList<>(checks.size());
        for (CommissioningCheck check : checks) {
            CheckResult r;
            try {
                r = Objects.requireNonNull(check.evaluate(observation, expected), "result of " + check.id());
            } catch (RuntimeException e) {
                r = CheckResult.of(check.id(), Verdict.FAIL, "The check itself failed: " + e, "", "");
            }
            results.add(r);
        }
        String bankId = observation.last().map(s -> s.bankId()).orElse("bank");
        return new CommissioningReport(bankId, observation.window().toMillis() / 1000.0,
                observation.samples().size(), results);
    }
}
