package io.pylon4j.driver.commission;

import java.util.OptionalInt;

/**
 * {@code module-count}: the modules the master reports (CAN 0x359 byte 4, RS485 whole-stack 0x42; docs/protocol.md §1.6,
 * §2.3) against the modules the installer connected. Fewer means some modules do not talk to the master; more means
 * the expectation is wrong or another bank shares the link. Either fails.
 */
public final class ModuleCountCheck implements CommissioningCheck {

    /** This check's id. */
    public static final String ID = "module-count";

    /** Creates the check; it has no settings: what it judges comes from the observation and the expectations. */
    public ModuleCountCheck() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Observation o, Expectations expected) {
        OptionalInt reported = o.last().map(s -> s.moduleCount()).orElse(OptionalInt.empty());
        if (reported.isEmpty()) {
            return CheckResult.skipped(ID, "The bank reported no module count (V1.3 firmware sends no 0x359; poll "
                    + "RS485 to count the modules).");
        }
        int r = reported.getAsInt();
        if (expected.modules().isEmpty()) {
            return CheckResult.skipped(ID, "No expected count given (--expected-modules); the bank reports " + r
                    + ".");
        }
        int n = expected.modules().getAsInt();
        String measured = String.valueOf(r);
        String wanted = String.valueOf(n);
        if (r == n) {
            return CheckResult.of(ID, Verdict.PASS, "The master counts all " + n + " modules.", measured, wanted);
        }
        if (r < n) {
            int missing = n - r;
            return CheckResult.of(ID, Verdict.FAIL, "The master counts " + r + " of the " + n + " modules: "
                    + missing + (missing == 1 ? " does" : " do") + " not talk to it. Check the link cables between "
                    + "the modules (Link port 1 of one to Link port 0 of the next), that every module is switched "
                    + "on, and that only the master has a group address set on its DIP switches.", measured, wanted);
        }
        return CheckResult.of(ID, Verdict.FAIL, "The master counts " + r + " modules, more than the " + n
                + " expected: correct the expected count, or another bank shares this link.", measured, wanted);
    }
}
