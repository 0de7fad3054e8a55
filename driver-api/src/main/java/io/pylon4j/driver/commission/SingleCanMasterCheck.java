package io.pylon4j.driver.commission;

import java.util.List;

/**
 * {@code single-can-master}: only the master may send limits. CAN frames carry no source address — an 11-bit id and
 * up to eight bytes (docs/protocol.md §1.1) — so when a slave's CAN port is also wired to the inverter, its 0x351 looks exactly
 * like the master's and the inverter obeys whichever came last. Two senders show in two ways: two different 0x351
 * payloads that keep alternating (A, B, A, …), or 0x351 arriving about twice as often as the master's other cyclic
 * frames (0x355, 0x356, 0x359, one each per cycle, docs/protocol.md §1.5) when both send the same values. Either fails.
 */
public final class SingleCanMasterCheck implements CommissioningCheck {

    /** This check's id. */
    public static final String ID = "single-can-master";

    /** Creates the check; it has no settings: what it judges comes from the observation and the expectations. */
    public SingleCanMasterCheck() {
    }

    /** 0x351 per other cyclic frame at or above which a second sender is assumed (one sender gives 1.0). */
    public static final double RATE_RATIO = 1.8;

    /** The fewest A-B-A returns that count as alternation (one may be a limit changing and changing back). */
    public static final int MIN_ALTERNATIONS = 2;

    /** Why the check does not apply to a bank read over RS485 only. */
    static final String RS485_ONLY = "Does not apply: this bank is read over RS485, and a second CAN master can "
            + "only be seen on a CAN bus.";

    private static final String ADVICE = "Connect only the master's CAN port to the inverter; a slave's CAN port "
            + "must stay empty.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Observation o, Expectations expected) {
        if (!o.canObserved()) {
            // said plainly for an RS485 bank (the web page's and pylon commission's wording): not a missing input
            return CheckResult.skipped(ID, o.rs485Observed() ? RS485_ONLY : "CAN was not observed.");
        }
        List<Observation.SeenFrame> limits = o.frames(0x351);
        if (limits.size() < 3) {
            return CheckResult.skipped(ID, "Fewer than three 0x351 frames arrived: observe longer.");
        }
        int alternations = 0;
        for (int i = 2; i < limits.size(); i++) {
            var a = limits.get(i - 2).frame();
            var b = limits.get(i - 1).frame();
            var c = limits.get(i).frame();
            if (a.equals(c) && !b.equals(c)) {
                alternations++;
            }
        }
        int others = Math.max(o.frames(0x355).size(), Math.max(o.frames(0x356).size(), o.frames(0x359).size()));
        String measured = limits.size() + " × 0x351, " + others + " × each other frame, " + alternations
                + " alternations"
                + (o.framesDropped() > 0 ? " (" + o.framesDropped() + " later frames not kept)" : "");
        String expectedText = "one 0x351 per cycle, from one sender";
        if (alternations >= MIN_ALTERNATIONS) {
            return CheckResult.of(ID, Verdict.FAIL, "Two different charge/discharge limit frames (0x351) alternate "
                    + "on the bus: two devices send limits, and the inverter obeys whichever came last (CAN frames "
                    + "carry no sender address). " + ADVICE, measured, expectedText);
        }
        if (others >= 3 && limits.size() >= RATE_RATIO * others) {
            return CheckResult.of(ID, Verdict.FAIL, "The limit frame (0x351) arrives about "
                    + String.format(java.util.Locale.ROOT, "%.1f", (double) limits.size() / others)
                    + " times as often as the master's other frames: a second device sends it too. " + ADVICE,
                    measured, expectedText);
        }
        return CheckResult.of(ID, Verdict.PASS, "One device sends the limits.", measured, expectedText);
    }
}
