package io.pylon4j.gateway;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.RequestFlags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Several banks wired in parallel on one DC bus, presented as one bank, as an LV-Hub does for up to six groups
 * ({@code docs/gateway.md}, "Combining"). Pure: views in, one view out; no clock, no thread.
 *
 * <p>A member <em>counts</em> when it is {@link SourceState#FRESH} and its view is complete and plausible
 * ({@link BankView#implausibility()}). The rules, each chosen to err on the safe side:
 * <table>
 *   <caption>how members combine</caption>
 *   <tr><th>value</th><th>rule</th><th>why</th></tr>
 *   <tr><td>CCL, DCL</td><td>sum over counting members only</td><td>a bank whose limits are unknown may not take
 *       current; the moment it drops out, the sum falls</td></tr>
 *   <tr><td>CVL</td><td>lowest over every member with a plausible CVL, counting or not</td><td>a silent bank is
 *       still on the bus: its last CVL still binds</td></tr>
 *   <tr><td>discharge voltage limit</td><td>highest, over the same members</td><td>the first bank to reach its
 *       cut-off ends the discharge</td></tr>
 *   <tr><td>SOC, SOH</td><td>weighted by capacity over counting members (plain mean when a capacity is
 *       unknown)</td><td>a 100 Ah bank at 20 % and a 50 Ah one at 80 % hold 40 % of 150 Ah</td></tr>
 *   <tr><td>voltage, temperature</td><td>mean over counting members</td><td>parallel banks share the voltage</td></tr>
 *   <tr><td>current, modules, capacity</td><td>sum over counting members</td><td></td></tr>
 *   <tr><td>charge / discharge enable</td><td>all counting members must enable</td><td>one bank asking to stop
 *       stops the bus</td></tr>
 *   <tr><td>force charge, full charge</td><td>any counting member</td><td></td></tr>
 *   <tr><td>alarms</td><td>union over counting members, plus {@link Alarm#INTERNAL_COMMUNICATION} as an alarm
 *       while a member does not count</td><td>a missing bank is shown, not hidden</td></tr>
 *   <tr><td>state</td><td>FRESH when at least {@code minimumCounting} members count; CONNECTING when none ever
 *       reported; STALE otherwise</td><td></td></tr>
 *   <tr><td>module details, 0x44 blocks, bank info</td><td>counting members only, member <i>k</i> as group
 *       <i>k</i> of an LV-Hub ({@link CombinedDetails}); the bank info of the first counting member that has one;
 *       cell extremes and serial number from those modules</td><td>a bank that drops out takes its modules with it
 *       at once</td></tr>
 * </table>
 */
public final class BankCombiner {

    private BankCombiner() {
    }

    /**
     * Combines {@code members} into one bank.
     *
     * @param members         the members' views, in a stable order (named in the reason by position)
     * @param minimumCounting how many members must count for the bank to be fresh, 1 to {@code members.size()}
     * @return the combined view
     * @throws IllegalArgumentException if {@code members} is empty or {@code minimumCounting} out of range
     */
    public static BankView combine(List<BankView> members, int minimumCounting) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no members to combine");
        }
        if (minimumCounting < 1 || minimumCounting > members.size()) {
            throw new IllegalArgumentException("minimumCounting must be 1.." + members.size() + ": "
                    + minimumCounting);
        }
        List<BankView> counting = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            BankView m = members.get(i);
            Optional<String> problem = m.implausibility();
            if (m.state() == SourceState.FRESH && problem.isEmpty()) {
                counting.add(m);
            } else {
                absent.add("member " + (i + 1) + " " + m.state()
                        + problem.map(p -> " (" + p + ")").orElse("") + ": " + m.reason());
            }
        }
        if (members.stream().allMatch(m -> m.state() == SourceState.CONNECTING)) {
            return BankView.connecting("no member has reported yet");
        }
        String reason = String.format(Locale.ROOT, "%d of %d banks count (%d needed)%s", counting.size(),
                members.size(), minimumCounting, absent.isEmpty() ? "" : "; " + String.join("; ", absent));
        SourceState state = counting.size() >= minimumCounting ? SourceState.FRESH : SourceState.STALE;
        // with nothing counting the values are the members' last ones: the gate sends them only in fail-safe form
        List<BankView> basis = counting.isEmpty() ? members : counting;
        Set<ActiveAlarm> alarms = new LinkedHashSet<>();
        basis.forEach(m -> alarms.addAll(m.alarms()));
        if (!absent.isEmpty()) {
            alarms.add(ActiveAlarm.of(Alarm.INTERNAL_COMMUNICATION, Alarm.Level.ALARM));
        }
        BankDetails details = CombinedDetails.merge(CombinedDetails.counting(members, counting));
        return new BankView(state, reason, limits(members, counting), measurements(basis), requests(basis),
                alarms, basis.stream().mapToInt(BankView::modules).sum(),
                basis.stream().mapToDouble(BankView::capacityAmpHours).sum(),
                ModuleCells.extremes(details.modules().values()), ModuleCells.serialNumber(details.modules().values()),
                details);
    }

    private static Optional<Limits> limits(List<BankView> all, List<BankView> counting) {
        OptionalDouble cvl = OptionalDouble.empty();
        OptionalDouble dvl = OptionalDouble.empty();
        for (BankView m : all) {
            if (m.limits().isEmpty()) {
                continue;
            }
            Limits l = m.limits().get();
            double v = l.chargeVoltageLimitVolts();
            if (v >= BankView.MIN_CHARGE_VOLTAGE_VOLTS && v <= BankView.MAX_CHARGE_VOLTAGE_VOLTS) {
                cvl = OptionalDouble.of(cvl.isEmpty() ? v : Math.min(cvl.getAsDouble(), v));
                if (l.dischargeVoltageLimitVolts().isPresent()) {
                    double d = l.dischargeVoltageLimitVolts().getAsDouble();
                    dvl = OptionalDouble.of(dvl.isEmpty() ? d : Math.max(dvl.getAsDouble(), d));
                }
            }
        }
        if (cvl.isEmpty()) {
            return Optional.empty();
        }
        double ccl = 0;
        double dcl = 0;
        for (BankView m : counting) {
            ccl += m.limits().orElseThrow().chargeCurrentLimitAmps();
            dcl += m.limits().orElseThrow().dischargeCurrentLimitAmps();
        }
        return Optional.of(new Limits(cvl.getAsDouble(), ccl, dcl, dvl));
    }

    private static Measurements measurements(List<BankView> basis) {
        boolean capacityKnown = basis.stream().allMatch(m -> m.capacityAmpHours() > 0);
        return new Measurements(weighted(basis, Measurements::socPercent, capacityKnown),
                weighted(basis, Measurements::sohPercent, capacityKnown),
                weighted(basis, Measurements::voltageVolts, false), sum(basis, Measurements::currentAmps),
                weighted(basis, Measurements::temperatureCelsius, false));
    }

    /** The mean of a field over the members that have it, weighted by capacity when asked. */
    private static OptionalDouble weighted(List<BankView> basis, Function<Measurements, OptionalDouble> field,
            boolean byCapacity) {
        double sum = 0;
        double weights = 0;
        for (BankView m : basis) {
            OptionalDouble v = field.apply(m.measurements());
            if (v.isPresent()) {
                double w = byCapacity ? m.capacityAmpHours() : 1;
                sum += v.getAsDouble() * w;
                weights += w;
            }
        }
        return weights > 0 ? OptionalDouble.of(sum / weights) : OptionalDouble.empty();
    }

    private static OptionalDouble sum(List<BankView> basis, Function<Measurements, OptionalDouble> field) {
        double sum = 0;
        boolean any = false;
        for (BankView m : basis) {
            OptionalDouble v = field.apply(m.measurements());
            if (v.isPresent()) {
                sum += v.getAsDouble();
                any = true;
            }
        }
        return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    private static RequestFlags requests(List<BankView> basis) {
        boolean charge = true;
        boolean discharge = true;
        boolean forceI = false;
        boolean forceII = false;
        boolean full = false;
        for (BankView m : basis) {
            RequestFlags r = m.requests();
            charge &= r.chargeEnable();
            discharge &= r.dischargeEnable();
            forceI |= r.forceChargeI();
            forceII |= r.forceChargeII();
            full |= r.fullChargeRequest();
        }
        return new RequestFlags(charge, discharge, forceI, forceII, full);
    }
}
