package io.pylon4j.driver;

import io.pylon4j.can.ChargeDischargeLimits;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The plausibility gate: the bounds a battery's limits must lie within before the driver publishes them as
 * {@link LimitSource#BATTERY}, and the check itself (a pure function that says why a set of limits fails).
 *
 * <p><b>Voltages.</b> CVL and the discharge voltage limit must lie inside a window of
 * {@code minCells × minCellVolts} to {@code maxCells × maxCellVolts}, and CVL must lie above the discharge voltage
 * limit. The default window is for Pylontech's 48 V LV banks: 15 LFP cells in series (US2000/US3000/US5000,
 * {@code docs/protocol.md §2.5.3}), some 16 (16 × 3.2 V = 51.2 V modules), with LFP cells between 2.5 V (the
 * usual LFP end-of-discharge voltage; Pylontech's own cell under-voltage protection sits higher, 2.80–2.90 V,
 * {@code docs/protocol.md §2.5.5}) and 3.65 V (the cell high-voltage limit every observed Pylontech module reports in
 * RS485 0x47, {@code docs/protocol.md §2.5.5}): 15 × 2.5 V = 37.5 V to 16 × 3.65 V = 58.4 V. The 24 V UP2500 (8 cells)
 * needs {@link #lfpCells lfpCells(8, 8)}.
 *
 * <p><b>Currents.</b> CCL and DCL (magnitudes, {@link Limits}) must lie between 0 and the bank's rating: the
 * configured {@link #bankCurrentAmps()} when set, otherwise the module count times {@link #moduleCurrentAmps()}, the
 * largest per-module current this project knows (a US5000 is rated ±100 A, its 0x47 maximum currents,
 * {@code docs/protocol.md §2.5.5}; the per-module figures masters multiply in 0x351 are smaller: 80 A US5000, 37 A
 * US3000C, 25 A US2000, 55.5 A UP2500). The module count is the battery's (0x359, 0x42), else the policy's expected
 * count, else {@link #modulesWhenUnknown()}: 12, the largest group RS485 addresses (ADR 2…13,
 * {@code docs/protocol.md §2.3}) — V1.3 firmware sends no 0x359 (§1.6), and its limits must still get through.
 *
 * <p><b>Wire values meaning "invalid".</b> SMA's external-BMS document defines 0xFFFF (unsigned) and 0x8000 (signed)
 * as "invalid, use the default" ({@code docs/protocol.md §1.5}); the strategies report such fields as
 * {@link Field}s in {@code wireInvalid}, and they fail without ever being turned into a magnitude.
 *
 * <p>A set of limits fails as a whole: one implausible field makes the frame (or the reply) untrustworthy.
 *
 * @param minCells            the fewest cells in series a bank of this kind has
 * @param maxCells            the most cells in series
 * @param minCellVolts        the lowest voltage a cell may be asked to discharge to, V
 * @param maxCellVolts        the highest voltage a cell may be charged to, V
 * @param moduleCurrentAmps   the largest current one module is rated for, A
 * @param modulesWhenUnknown  the module count assumed when neither the battery nor the policy says
 * @param bankCurrentAmps     the bank's rating, A, when the installer knows it (replaces modules × module rating)
 */
public record LimitPlausibility(int minCells, int maxCells, double minCellVolts, double maxCellVolts,
                                double moduleCurrentAmps, int modulesWhenUnknown, OptionalDouble bankCurrentAmps) {

    /** A field of the limits, as named in reasons. */
    public enum Field {
        /** Charge voltage limit. */
        CVL,
        /** Charge current limit. */
        CCL,
        /** Discharge current limit. */
        DCL,
        /** Discharge (cut-off) voltage limit. */
        DVL
    }

    /** An unsigned 16-bit wire value meaning "invalid" ({@code docs/protocol.md §1.5}). */
    public static final int INVALID_U16 = 0xFFFF;
    /** A signed 16-bit wire value meaning "invalid" ({@code docs/protocol.md §1.5}), as decoded: -32768. */
    public static final int INVALID_S16 = -0x8000;

    /**
     * The fields of a CAN 0x351 whose wire value means "invalid" ({@code docs/protocol.md §1.5}): 0xFFFF in the
     * unsigned voltages, 0x8000 in the signed currents.
     *
     * @param l a decoded 0x351, before any scaling or sign normalisation
     * @return the fields carrying their "invalid" value, empty when none does; a modifiable set the caller owns
     */
    public static Set<Field> invalidFields(ChargeDischargeLimits l) {
        EnumSet<Field> invalid = EnumSet.noneOf(Field.class);
        if (l.chargeVoltageLimitDeciVolts() == INVALID_U16) {
            invalid.add(Field.CVL);
        }
        if (l.chargeCurrentLimitDeciAmps() == INVALID_S16) {
            invalid.add(Field.CCL);
        }
        if (l.dischargeCurrentLimitDeciAmps() == INVALID_S16) {
            invalid.add(Field.DCL);
        }
        if (l.hasDischargeVoltageLimit() && l.dischargeVoltageLimitDeciVolts() == INVALID_U16) {
            invalid.add(Field.DVL);
        }
        return invalid;
    }

    /**
     * A 0x351 as the CAN strategy hands it to the model: signs normalised ({@link Limits#normalised}).
     *
     * @param l a decoded 0x351
     * @return its limits in V and A, currents as magnitudes, the discharge voltage limit empty when the frame has none
     */
    public static Limits limitsOf(ChargeDischargeLimits l) {
        return Limits.normalised(l.chargeVoltageLimitVolts(), l.chargeCurrentLimitAmps(), l.dischargeCurrentLimitAmps(),
                l.dischargeVoltageLimitVolts());
    }

    /**
     * Validates the bounds.
     *
     * @param minCells           the fewest cells in series a bank of this kind has
     * @param maxCells           the most cells in series
     * @param minCellVolts       the lowest voltage a cell may be asked to discharge to, V
     * @param maxCellVolts       the highest voltage a cell may be charged to, V
     * @param moduleCurrentAmps  the largest current one module is rated for, A
     * @param modulesWhenUnknown the module count assumed when neither the battery nor the policy says
     * @param bankCurrentAmps    the bank's rating, A, when the installer knows it (replaces modules × module rating)
     * @throws NullPointerException if {@code bankCurrentAmps} is null
     * @throws IllegalArgumentException if the cell counts are not 1 ≤ min ≤ max, the cell volts not 0 &lt; min &lt; max
     *         (finite), a current not finite and &gt; 0, or {@code modulesWhenUnknown} &lt; 1
     */
    public LimitPlausibility {
        Objects.requireNonNull(bankCurrentAmps, "bankCurrentAmps");
        if (minCells < 1 || maxCells < minCells) {
            throw new IllegalArgumentException("cells must be 1 ≤ min ≤ max: " + minCells + "–" + maxCells);
        }
        if (!(minCellVolts > 0) || !(maxCellVolts > minCellVolts) || !Double.isFinite(maxCellVolts)) {
            throw new IllegalArgumentException("cell volts must be 0 < min < max: " + minCellVolts + "–"
                    + maxCellVolts);
        }
        if (!(moduleCurrentAmps > 0) || !Double.isFinite(moduleCurrentAmps)) {
            throw new IllegalArgumentException("moduleCurrentAmps must be a finite value > 0: " + moduleCurrentAmps);
        }
        if (modulesWhenUnknown < 1) {
            throw new IllegalArgumentException("modulesWhenUnknown must be ≥ 1: " + modulesWhenUnknown);
        }
        if (bankCurrentAmps.isPresent()
                && (!(bankCurrentAmps.getAsDouble() > 0) || !Double.isFinite(bankCurrentAmps.getAsDouble()))) {
            throw new IllegalArgumentException("bankCurrentAmps must be a finite value > 0: " + bankCurrentAmps);
        }
    }

    /**
     * The bounds of 48 V Pylontech LV banks: 15–16 LFP cells, 100 A per module, 12 modules when unknown.
     *
     * @return 37.5–58.4 V, up to 100 A per module, no bank rating
     */
    public static LimitPlausibility defaults() {
        return lfpCells(15, 16);
    }

    /**
     * LFP cells (2.5–3.65 V each) in series, {@code minCells} to {@code maxCells}, otherwise the defaults.
     *
     * @param minCells the fewest cells in series, ≥ 1 (8 for a 24 V UP2500, 15 for 48 V banks)
     * @param maxCells the most cells in series, ≥ {@code minCells}
     * @return bounds of {@code minCells} × 2.5 V to {@code maxCells} × 3.65 V, 100 A per module
     * @throws IllegalArgumentException if the cell counts are not 1 ≤ min ≤ max
     */
    public static LimitPlausibility lfpCells(int minCells, int maxCells) {
        return new LimitPlausibility(minCells, maxCells, 2.5, 3.65, 100.0, 12, OptionalDouble.empty());
    }

    /**
     * These bounds with the bank's current rating set by the installer.
     *
     * @param amps the bank's rated current, A, finite and &gt; 0; replaces module count × module rating
     * @return a copy with {@link #bankCurrentAmps()} set
     * @throws IllegalArgumentException if {@code amps} is not finite and &gt; 0
     */
    public LimitPlausibility withBankCurrentAmps(double amps) {
        return new LimitPlausibility(minCells, maxCells, minCellVolts, maxCellVolts, moduleCurrentAmps,
                modulesWhenUnknown, OptionalDouble.of(amps));
    }

    /**
     * These bounds with another largest per-module rating.
     *
     * @param amps the largest current one module is rated for, A, finite and &gt; 0
     * @return a copy with {@link #moduleCurrentAmps()} replaced
     * @throws IllegalArgumentException if {@code amps} is not finite and &gt; 0
     */
    public LimitPlausibility withModuleCurrentAmps(double amps) {
        return new LimitPlausibility(minCells, maxCells, minCellVolts, maxCellVolts, amps, modulesWhenUnknown,
                bankCurrentAmps);
    }

    /**
     * The lowest plausible voltage limit, V.
     *
     * @return {@code minCells × minCellVolts}, V, rounded to the mV
     */
    public double minVolts() {
        return round(minCells * minCellVolts);
    }

    /**
     * The highest plausible voltage limit, V.
     *
     * @return {@code maxCells × maxCellVolts}, V, rounded to the mV
     */
    public double maxVolts() {
        return round(maxCells * maxCellVolts);
    }

    /**
     * Why {@code limits} are implausible, or empty if they pass.
     *
     * @param limits      the battery's limits, already normalised ({@link Limits#normalised}) and, on RS485, scaled to
     *                    the modules they stand for
     * @param modules     the module count the limits stand for, if known
     * @param wireInvalid the fields whose wire value meant "invalid" (their values in {@code limits} are ignored)
     * @return the reasons, joined by "; ", e.g. {@code "CCL 3276.7 A from the battery is implausible for 4 modules,
     *         at most 400 A"}
     */
    public Optional<String> check(Limits limits, OptionalInt modules, Set<Field> wireInvalid) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(wireInvalid, "wireInvalid");
        List<String> why = new ArrayList<>(2);
        voltage(Field.CVL, limits.chargeVoltageLimitVolts(), wireInvalid, why);
        if (limits.dischargeVoltageLimitVolts().isPresent()) {
            voltage(Field.DVL, limits.dischargeVoltageLimitVolts().getAsDouble(), wireInvalid, why);
        } else if (wireInvalid.contains(Field.DVL)) {
            why.add(invalid(Field.DVL));
        }
        current(Field.CCL, limits.chargeCurrentLimitAmps(), modules, wireInvalid, why);
        current(Field.DCL, limits.dischargeCurrentLimitAmps(), modules, wireInvalid, why);
        if (why.isEmpty() && limits.dischargeVoltageLimitVolts().isPresent()
                && !(limits.chargeVoltageLimitVolts() > limits.dischargeVoltageLimitVolts().getAsDouble())) {
            why.add("CVL " + num(limits.chargeVoltageLimitVolts())
                    + " V from the battery is implausible: not above the discharge voltage limit "
                    + num(limits.dischargeVoltageLimitVolts().getAsDouble()) + " V");
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }

    /**
     * The largest plausible current for {@code modules}, A.
     *
     * @param modules the module count the limits stand for; empty or 0 means unknown ({@link #modulesWhenUnknown()})
     * @return the configured bank rating if set, else the module count times {@link #moduleCurrentAmps()}, A
     */
    public double maxCurrentAmps(OptionalInt modules) {
        if (bankCurrentAmps.isPresent()) {
            return bankCurrentAmps.getAsDouble();
        }
        return round(moduleCount(modules) * moduleCurrentAmps);
    }

    private int moduleCount(OptionalInt modules) {
        return modules.isPresent() && modules.getAsInt() > 0 ? modules.getAsInt() : modulesWhenUnknown;
    }

    private void voltage(Field field, double volts, Set<Field> wireInvalid, List<String> why) {
        if (wireInvalid.contains(field)) {
            why.add(invalid(field));
        } else if (volts < minVolts() || volts > maxVolts()) {
            why.add(field + " " + num(volts) + " V from the battery is implausible: outside "
                    + num(minVolts()) + "–" + num(maxVolts()) + " V (" + cells() + ")");
        }
    }

    private void current(Field field, double amps, OptionalInt modules, Set<Field> wireInvalid, List<String> why) {
        if (wireInvalid.contains(field)) {
            why.add(invalid(field));
            return;
        }
        double max = maxCurrentAmps(modules);
        if (amps > max) {
            why.add(field + " " + num(amps) + " A from the battery is implausible for "
                    + forWhat(modules) + ", at most " + num(max) + " A");
        }
    }

    private String forWhat(OptionalInt modules) {
        if (bankCurrentAmps.isPresent()) {
            return "a bank rated " + num(bankCurrentAmps.getAsDouble()) + " A";
        }
        if (modules.isPresent() && modules.getAsInt() > 0) {
            return modules.getAsInt() + (modules.getAsInt() == 1 ? " module" : " modules");
        }
        return "an unknown module count (" + modulesWhenUnknown + " assumed)";
    }

    private String cells() {
        String n = minCells == maxCells ? Integer.toString(minCells) : minCells + "–" + maxCells;
        return n + " cells of " + num(minCellVolts) + "–" + num(maxCellVolts) + " V";
    }

    private static String invalid(Field field) {
        return field + " from the battery is its wire value for \"invalid\", not a limit";
    }

    /** A value for a reason: to the mA or mV, without trailing zeros (a sum of 0.1 A figures is 9830.1, not …099). */
    private static String num(double v) {
        return LimitPolicy.num(round(v));
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
