package io.pylon4j.driver.commission;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.Limits;
import java.util.Optional;

/**
 * {@code charge-current-limit}: the battery's charge current limit (CAN 0x351, or RS485 0x92 times the modules)
 * against the module type's per-module figure times the expected module count. The master reports the figure
 * times the modules that talk to it (docs/protocol.md §1.2, §1.6), so 37 A on a 4-module US3000C bank means one module talks:
 * a limit that is an exact multiple {@code k < N} of the figure fails ("k of N modules"), one that equals
 * {@code N ×} the figure passes, one in between warns (the battery derates near full charge and at cold or hot
 * temperatures), and one above warns (more modules, or another module type, than expected). Values within
 * {@value #TOLERANCE_AMPS} A count as equal (both links send 0.1 A steps). The largest limit of the window is used,
 * since derating only ever lowers it.
 */
public final class ChargeCurrentLimitCheck implements CommissioningCheck {

    /** This check's id. */
    public static final String ID = "charge-current-limit";

    /** Creates the check; it has no settings: what it judges comes from the observation and the expectations. */
    public ChargeCurrentLimitCheck() {
    }

    /** How close, A, a limit must be to a multiple of the per-module figure to count as that multiple. */
    public static final double TOLERANCE_AMPS = 0.5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Observation o, Expectations expected) {
        if (expected.rating().isEmpty() || expected.modules().isEmpty()) {
            return CheckResult.skipped(ID, "Needs the module type and the expected module count "
                    + "(--preset, --expected-modules).");
        }
        Optional<Limits> best = o.samples().stream().map(BankStatus::batteryLimits).flatMap(Optional::stream)
                .max((a, b) -> Double.compare(a.chargeCurrentLimitAmps(), b.chargeCurrentLimitAmps()));
        if (best.isEmpty()) {
            return CheckResult.skipped(ID, "The bank sent no charge current limit.");
        }
        ModuleRating rating = expected.rating().get();
        int n = expected.modules().getAsInt();
        double figure = rating.chargeCurrentAmps();
        double ccl = best.get().chargeCurrentLimitAmps();
        double wanted = figure * n;
        String measured = Fmt.amps(ccl);
        String expectedText = Fmt.amps(wanted) + " (" + n + " × " + Fmt.amps(figure) + ", " + rating.model() + ")";
        if (Math.abs(ccl - wanted) <= TOLERANCE_AMPS) {
            return CheckResult.of(ID, Verdict.PASS, "The charge current limit is " + n + " × the " + rating.model()
                    + " figure: every module is counted.", measured, expectedText);
        }
        if (ccl > wanted) {
            return CheckResult.of(ID, Verdict.WARN, "The charge current limit is higher than " + n + " "
                    + rating.model() + " modules give: more modules, or another module type, than expected. "
                    + "Check --expected-modules and --preset.", measured, expectedText);
        }
        long k = Math.round(ccl / figure);
        if (k >= 1 && k < n && Math.abs(ccl - k * figure) <= TOLERANCE_AMPS) {
            String who = k == 1 ? "only one module talks to the inverter" : "only " + k + " of " + n
                    + " modules are counted by the master";
            return CheckResult.of(ID, Verdict.FAIL, "The bank reports " + measured + ", " + k + " × the "
                    + rating.model() + " figure: " + who + ". Check the link cables between the modules, that "
                    + "every module is switched on, and that only the master has its address (DIP) set.",
                    measured, expectedText);
        }
        if (ccl == 0) {
            return CheckResult.of(ID, Verdict.WARN, "The bank accepts no charge now (full, too cold, or a "
                    + "protection is active): repeat the check at a medium state of charge.", measured, expectedText);
        }
        return CheckResult.of(ID, Verdict.WARN, "The charge current limit is below " + n + " × the module figure but "
                + "not a whole number of modules: the battery is derating (near full charge, cold or hot). Repeat "
                + "the check at a medium state of charge and room temperature.", measured, expectedText);
    }
}
