package io.pylon4j.driver.commission;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code group-limits}: one group (a master and its slaves, linked by their Link ports) holds at most
 * {@value #MAX_MODULES_PER_GROUP} modules; larger banks are split into groups joined by a Pylontech LV-Hub, which
 * talks to each group's master and presents the whole bank to the inverter as one, for at most
 * {@value #MAX_GROUPS} groups. The limits are those of issue #7 and of the simulator ({@code ModuleId}); the RS485
 * document numbers modules of a group from ADR 2 (docs/protocol.md §2.3). Too many modules for the groups, or too many groups,
 * fail — whether from the expected counts, the count the bank reports, or the RS485 addresses seen.
 */
public final class GroupLimitsCheck implements CommissioningCheck {

    /** This check's id. */
    public static final String ID = "group-limits";

    /** Creates the check; it has no settings: what it judges comes from the observation and the expectations. */
    public GroupLimitsCheck() {
    }

    /** The most modules in one group. */
    public static final int MAX_MODULES_PER_GROUP = 16;

    /** The most groups an LV-Hub joins. */
    public static final int MAX_GROUPS = 6;

    private static final String HUB = "A group holds at most " + MAX_MODULES_PER_GROUP + " modules; a larger bank "
            + "must be split into groups (each with its own master) joined by an LV-Hub, which joins at most "
            + MAX_GROUPS + " groups and talks to the inverter for all of them.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Observation o, Expectations expected) {
        int groups = expected.groups();
        String wanted = "≤ " + MAX_MODULES_PER_GROUP + " modules per group, ≤ " + MAX_GROUPS + " groups";
        if (groups > MAX_GROUPS) {
            return CheckResult.of(ID, Verdict.FAIL, groups + " groups are more than an LV-Hub joins. " + HUB,
                    groups + " groups", wanted);
        }
        Map<Integer, Integer> perGroup = new TreeMap<>();
        o.last().ifPresent(s -> s.modules().keySet().forEach(adr -> perGroup.merge(adr >> 4, 1, Integer::sum)));
        for (var e : perGroup.entrySet()) {
            if (e.getValue() > MAX_MODULES_PER_GROUP) {
                return CheckResult.of(ID, Verdict.FAIL, "Group " + e.getKey() + " answers with " + e.getValue()
                        + " modules. " + HUB, e.getValue() + " modules in group " + e.getKey(), wanted);
            }
        }
        int capacity = MAX_MODULES_PER_GROUP * groups;
        var reported = o.last().map(s -> s.moduleCount()).orElse(java.util.OptionalInt.empty());
        if (reported.isPresent() && reported.getAsInt() > capacity) {
            return CheckResult.of(ID, Verdict.FAIL, "The bank reports " + reported.getAsInt() + " modules in "
                    + groups + (groups == 1 ? " group. " : " groups. ") + HUB, reported.getAsInt() + " modules",
                    wanted);
        }
        if (expected.modules().isPresent() && expected.modules().getAsInt() > capacity) {
            int n = expected.modules().getAsInt();
            return CheckResult.of(ID, Verdict.FAIL, n + " modules do not fit in " + groups
                    + (groups == 1 ? " group" : " groups") + ": they need at least "
                    + ((n + MAX_MODULES_PER_GROUP - 1) / MAX_MODULES_PER_GROUP) + ". " + HUB,
                    n + " modules in " + groups + (groups == 1 ? " group" : " groups"), wanted);
        }
        if (reported.isEmpty() && expected.modules().isEmpty() && perGroup.isEmpty()) {
            return CheckResult.skipped(ID, "No module count known.");
        }
        int n = expected.modules().orElse(reported.orElse(perGroup.values().stream().mapToInt(i -> i).sum()));
        return CheckResult.of(ID, Verdict.PASS, "The bank is within the limits of " + groups
                + (groups == 1 ? " group." : " groups."), n + " modules in " + groups
                + (groups == 1 ? " group" : " groups"), wanted);
    }
}
