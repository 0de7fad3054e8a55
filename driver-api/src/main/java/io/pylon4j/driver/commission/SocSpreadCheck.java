package io.pylon4j.driver.commission;

import java.util.Map;

/**
 * {@code soc-spread}: the spread (highest − lowest) of the modules' states of charge, from RS485 0x42 remaining ÷
 * total capacity. Modules in parallel should sit close together; a wide spread means a module was added without
 * matching its charge, a weak module, or a poor power connection. Up to {@value #WARN_PERCENT} % passes, up to
 * {@value #FAIL_PERCENT} % warns, above fails (this project's thresholds; the wiring guide asks for 2 % before
 * modules are joined, see {@link NewModuleSocCheck}).
 */
public final class SocSpreadCheck implements CommissioningCheck {

    /** This check's id. */
    public static final String ID = "soc-spread";

    /** Creates the check; it has no settings: what it judges comes from the observation and the expectations. */
    public SocSpreadCheck() {
    }

    /** A spread above this, %, warns. */
    public static final double WARN_PERCENT = 5;

    /** A spread above this, %, fails. */
    public static final double FAIL_PERCENT = 10;

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
        int lowAt = socs.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int highAt = socs.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double spread = socs.get(highAt) - socs.get(lowAt);
        String measured = Fmt.percent(spread) + " (module " + Fmt.address(lowAt) + " " + Fmt.percent(socs.get(lowAt))
                + ", module " + Fmt.address(highAt) + " " + Fmt.percent(socs.get(highAt)) + ")";
        String wanted = "≤ " + Fmt.percent(WARN_PERCENT);
        if (spread <= WARN_PERCENT) {
            return CheckResult.of(ID, Verdict.PASS, "The modules' states of charge are close together.", measured,
                    wanted);
        }
        Verdict v = spread > FAIL_PERCENT ? Verdict.FAIL : Verdict.WARN;
        return CheckResult.of(ID, v, "The modules' states of charge differ by " + Fmt.percent(spread)
                + ": charge the bank fully so that the modules balance, and check the power cables of module "
                + Fmt.address(lowAt) + " and " + Fmt.address(highAt) + "; a module that stays apart may be weak.",
                measured, wanted);
    }
}
