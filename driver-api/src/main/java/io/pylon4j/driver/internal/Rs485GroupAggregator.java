package io.pylon4j.driver.internal;

import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.LimitPolicy;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ModuleAnalog;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The bank's values of one RS485 poll cycle, merged from its groups' replies: a pure function of the groups' readings
 * and the {@link LimitPolicy}, like {@link LimitPolicy} itself (inputs in, values and reasons out; no clock, no
 * model, no thread).
 *
 * <ul>
 *   <li>module count = the sum of the modules in each group's whole-stack 0x42 reply;</li>
 *   <li>measurements: voltage = the mean module voltage (modules and groups are in parallel), current = the sum,
 *       state of charge = remaining ÷ total capacity over all modules (at most 100 %), temperature = the highest;</li>
 *   <li>limits: a master's 0x92 is one module's figure (docs/protocol.md §2.5.6), so a group's limit is that figure
 *       times the modules of its newest whole-stack 0x42, as a CAN master reports the bank's in 0x351. Groups are
 *       joined in parallel on one DC bus, so the bank's current limits are the <b>sum</b> of the groups', its charge
 *       voltage limit the <b>lowest</b> and its discharge (cut-off) voltage limit the <b>highest</b> (the only values
 *       safe for every group). No public source documents how an LV-Hub combines groups; this is the conservative
 *       reading of the single-group rule. A group with no 0x92 this cycle, or whose module count is not known yet,
 *       contributes nothing; one whose 0x92 fails the plausibility gate ({@link LimitPlausibility}) contributes
 *       nothing and is named in {@link BankValues#rejected()};</li>
 *   <li>request flags: charge and discharge enable only if every answering group enables them; force-charge and
 *       full-charge requests if any group asks.</li>
 * </ul>
 */
final class Rs485GroupAggregator {

    /**
     * What one group said this cycle.
     *
     * @param group   the group number
     * @param modules the modules of its newest whole-stack 0x42 (this cycle's or an earlier one); 0 while unknown
     * @param analog  this cycle's whole-stack 0x42, if it answered
     * @param limits  this cycle's 0x92 from its master, if it answered
     */
    record GroupReading(int group, int modules, Optional<AnalogValues> analog,
                        Optional<ChargeDischargeManagement> limits) {

        GroupReading {
            Objects.requireNonNull(analog, "analog");
            Objects.requireNonNull(limits, "limits");
        }
    }

    /**
     * The bank's values of a cycle; each empty when no group gave what it needs.
     *
     * @param measurements      the bank's measurements
     * @param moduleCount       the modules in all groups (present with the measurements)
     * @param limits            the merged limits of the groups whose 0x92 passed the gate
     * @param rejected          why the groups whose 0x92 failed the gate were left out, joined ("group N: …" with
     *                          several groups); empty when none was
     * @param implausibleGroups how many groups were left out so
     * @param flags             the merged request flags
     */
    record BankValues(Optional<Measurements> measurements, OptionalInt moduleCount, Optional<Limits> limits,
                      Optional<String> rejected, int implausibleGroups, Optional<RequestFlags> flags) {
    }

    private Rs485GroupAggregator() {
    }

    /**
     * Merges the groups' readings of one cycle.
     *
     * @param groups the readings, in poll order
     * @param policy the limit policy whose plausibility gate each group's scaled 0x92 must pass
     * @return the bank's values
     */
    static BankValues aggregate(List<GroupReading> groups, LimitPolicy policy) {
        int moduleCount = 0;
        double voltage = 0;
        double current = 0;
        double remaining = 0;
        double total = 0;
        double maxTemp = Double.NEGATIVE_INFINITY;
        double cvl = Double.POSITIVE_INFINITY;
        double dvl = Double.NEGATIVE_INFINITY;
        double ccl = 0;
        double dcl = 0;
        int limitGroups = 0;
        List<String> rejected = new ArrayList<>(0);
        int allFlags = 0xFF;
        int anyFlags = 0;
        int flagGroups = 0;
        for (GroupReading g : groups) {
            if (g.analog().isPresent()) {
                for (ModuleAnalog m : g.analog().get().modules()) {
                    moduleCount++;
                    voltage += m.voltageVolts();
                    current += m.currentAmps();
                    remaining += m.remainingCapacityAmpHours();
                    total += m.totalCapacityAmpHours();
                    for (double t : m.temperaturesCelsius()) {
                        maxTemp = Math.max(maxTemp, t);
                    }
                }
            }
            if (g.limits().isEmpty()) {
                continue;
            }
            ChargeDischargeManagement c = g.limits().get();
            flagGroups++;
            allFlags &= c.status();
            anyFlags |= c.status();
            if (g.modules() <= 0) {
                continue; // a module's figure is not the bank's: not published until the count is known
            }
            Optional<String> implausible = implausibility(c, g.modules(), policy);
            if (implausible.isPresent()) {
                rejected.add(groups.size() > 1 ? "group " + g.group() + ": " + implausible.get() : implausible.get());
            } else {
                limitGroups++;
                cvl = Math.min(cvl, c.chargeVoltageLimitVolts());
                dvl = Math.max(dvl, c.dischargeVoltageLimitVolts());
                ccl += Math.abs(c.chargeCurrentLimitAmps()) * g.modules();
                dcl += Math.abs(c.dischargeCurrentLimitAmps()) * g.modules();
            }
        }
        Optional<Measurements> measurements = Optional.empty();
        if (moduleCount > 0) {
            Measurements.Builder b = Measurements.builder().voltageVolts(voltage / moduleCount).currentAmps(current);
            if (total > 0) {
                b.socPercent(Math.min(100.0, 100.0 * remaining / total));
            }
            if (maxTemp != Double.NEGATIVE_INFINITY) {
                b.temperatureCelsius(maxTemp);
            }
            measurements = Optional.of(b.build());
        }
        return new BankValues(measurements, moduleCount > 0 ? OptionalInt.of(moduleCount) : OptionalInt.empty(),
                limitGroups > 0 ? Optional.of(Limits.normalised(cvl, ccl, dcl, OptionalDouble.of(dvl)))
                        : Optional.empty(),
                rejected.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", rejected)), rejected.size(),
                flagGroups > 0 ? Optional.of(RequestFlags.fromBits((allFlags & 0xC0) | (anyFlags & 0x38)))
                        : Optional.empty());
    }

    /**
     * Why a group master's 0x92 is implausible as the limits of its {@code modules} modules (the module's figure times
     * the count, as published), or empty. Wire values meaning "invalid" (docs/protocol.md §1.5) are never scaled.
     */
    static Optional<String> implausibility(ChargeDischargeManagement c, int modules, LimitPolicy policy) {
        EnumSet<LimitPlausibility.Field> invalid = EnumSet.noneOf(LimitPlausibility.Field.class);
        if (c.chargeVoltageLimitMilliVolts() == LimitPlausibility.INVALID_U16) {
            invalid.add(LimitPlausibility.Field.CVL);
        }
        if (c.dischargeVoltageLimitMilliVolts() == LimitPlausibility.INVALID_U16) {
            invalid.add(LimitPlausibility.Field.DVL);
        }
        if (c.chargeCurrentLimitDeciAmps() == LimitPlausibility.INVALID_S16) {
            invalid.add(LimitPlausibility.Field.CCL);
        }
        if (c.dischargeCurrentLimitDeciAmps() == LimitPlausibility.INVALID_S16) {
            invalid.add(LimitPlausibility.Field.DCL);
        }
        Limits scaled = Limits.normalised(c.chargeVoltageLimitVolts(), Math.abs(c.chargeCurrentLimitAmps()) * modules,
                Math.abs(c.dischargeCurrentLimitAmps()) * modules, OptionalDouble.of(c.dischargeVoltageLimitVolts()));
        return policy.implausibility(scaled, invalid, OptionalInt.of(modules));
    }
}
