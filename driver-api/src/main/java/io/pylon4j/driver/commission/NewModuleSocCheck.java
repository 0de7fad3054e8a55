package io.pylon4j.driver.commission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code new-module-soc}: a module added to an existing bank must be within {@value #MAX_DIFFERENCE_PERCENT} % of
 * the bank's state of charge before it is connected in parallel (the wiring guide's checklist), or large balancing
 * currents flow and trip over-current protection. For the modules named in {@link Expectations#newModuleAddresses()}
 * the check compares each with the average of the others and fails above the limit. With none named it compares
 * every module with the average of the others and only warns (it cannot know which one is new).
 */
public final class NewModuleSocCheck implements CommissioningCheck {

    /** This check's id. */
    public static final String ID = "new-module-soc";

    /** Creates the check; it has no settings: what it judges comes from the observation and the expectations. */
    public NewModuleSocCheck() {
    }

    /** The largest difference, %, between a new module and the bank. */
    public static final double MAX_DIFFERENCE_PERCENT = 2;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Observation o, Expectations expected) {
        Map<Integer, Double> socs = ModuleSoc.of(o.last());
        if (socs.size() < 2) {
            return CheckResult.skipped(ID, "Needs the state of charge of at least two modules (RS485).");
        }
        boolean named = !expected.newModuleAddresses().isEmpty();
        List<String> off = new ArrayList<>();
        String worst = "";
        double worstDiff = -1;
        for (var e : socs.entrySet()) {
            if (named && !expected.newModuleAddresses().contains(e.getKey())) {
                continue;
            }
            double others = socs.entrySet().stream().filter(x -> !x.getKey().equals(e.getKey())
                            && !expected.newModuleAddresses().contains(x.getKey()))
                    .mapToDouble(Map.Entry::getValue).average().orElse(Double.NaN);
            if (Double.isNaN(others)) {
                continue;
            }
            double diff = Math.abs(e.getValue() - others);
            String text = "module " + Fmt.address(e.getKey()) + " " + Fmt.percent(e.getValue()) + ", bank "
                    + Fmt.percent(others);
            if (diff > worstDiff) {
                worstDiff = diff;
                worst = text;
            }
            if (diff > MAX_DIFFERENCE_PERCENT) {
                off.add(text);
            }
        }
        List<Integer> unseen = expected.newModuleAddresses().stream().filter(a -> !socs.containsKey(a)).sorted()
                .toList();
        String wanted = "within " + Fmt.percent(MAX_DIFFERENCE_PERCENT) + " of the bank";
        if (!off.isEmpty()) {
            return CheckResult.of(ID, named ? Verdict.FAIL : Verdict.WARN, (named ? "A new module's" : "A module's")
                    + " state of charge differs from the bank's by more than " + Fmt.percent(MAX_DIFFERENCE_PERCENT)
                    + " (" + String.join("; ", off) + "). Before connecting a new module in parallel, charge or "
                    + "discharge it on its own to within " + Fmt.percent(MAX_DIFFERENCE_PERCENT) + " of the bank.",
                    String.join("; ", off), wanted);
        }
        if (!unseen.isEmpty()) {
            return CheckResult.of(ID, Verdict.WARN, "No state of charge was seen for the new module(s) "
                    + unseen.stream().map(Fmt::address).toList() + ": is the address right, is it linked?", "",
                    wanted);
        }
        return CheckResult.of(ID, Verdict.PASS, named ? "The new modules are within " + Fmt.percent(
                MAX_DIFFERENCE_PERCENT) + " of the bank." : "Every module is within "
                + Fmt.percent(MAX_DIFFERENCE_PERCENT) + " of the others.", worst, wanted);
    }
}
