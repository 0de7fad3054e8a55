package io.pylon4j.driver;

import io.pylon4j.driver.internal.Numbers;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Turns the battery's limits into the limits the driver publishes, recording for each why it has its value. A pure
 * function; the steps run in this order and the last one that changes a value names its {@link LimitSource}:
 * <ol>
 * <li><b>No data</b>: no limits ever received → every value 0, {@link LimitSource#FAIL_SAFE_NO_DATA} (a voltage
 *     of 0 means "unknown"; no cap is applied).</li>
 * <li><b>Freshness</b>: FRESH or RECOVERED → the battery's values, {@link LimitSource#BATTERY}. Otherwise the
 *     current limits become 0 with {@link LimitSource#FAIL_SAFE_STALE} or {@link LimitSource#FAIL_SAFE_LOST}
 *     (while STALE only with {@link FailSafePolicy#ZERO_CURRENTS_WHEN_STALE}; with
 *     {@link FailSafePolicy#ZERO_CURRENTS_WHEN_LOST} they stay the battery's, marked
 *     {@link LimitSource#BATTERY_LAST_KNOWN}), and the voltage limits keep the battery's last values marked
 *     {@link LimitSource#BATTERY_LAST_KNOWN}. The reason gives the age of the battery's last limits.</li>
 * <li><b>Module count</b>: when an expected module count is set and the battery reports fewer modules, the
 *     current limits are scaled by reported ÷ expected ({@link LimitSource#MODULE_COUNT_SCALING}). For stacks whose
 *     master keeps announcing the whole stack's limits after a slave drops out; off by default.</li>
 * <li><b>User caps</b> ({@link LimitCaps}): CVL, CCL and DCL become the smaller, the discharge voltage limit the
 *     larger, of battery and cap ({@link LimitSource#USER_CAP}).</li>
 * </ol>
 * Before any of this, the driver's model passes the battery's limits through {@link #plausibility()}: limits that
 * fail never reach this function (they count as missing), and the model adds why to every reason.
 *
 * @param caps                the user's caps
 * @param expectedModuleCount the number of modules the stack should have, if the user knows it
 * @param failSafe            when the currents are forced to 0
 * @param plausibility        the bounds the battery's limits must lie within to be published at all
 */
public record LimitPolicy(LimitCaps caps, OptionalInt expectedModuleCount, FailSafePolicy failSafe,
                          LimitPlausibility plausibility) {

    /**
     * Checks that nothing is null and that an expected module count is at least 1.
     *
     * @param caps                the user's caps
     * @param expectedModuleCount the number of modules the stack should have, if known; ≥ 1
     * @param failSafe            when the currents are forced to 0
     * @param plausibility        the bounds the battery's limits must lie within
     * @throws IllegalArgumentException if {@code expectedModuleCount} is below 1
     */
    public LimitPolicy {
        Objects.requireNonNull(plausibility, "plausibility");
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(expectedModuleCount, "expectedModuleCount");
        Objects.requireNonNull(failSafe, "failSafe");
        if (expectedModuleCount.isPresent() && expectedModuleCount.getAsInt() < 1) {
            throw new IllegalArgumentException("expectedModuleCount must be ≥ 1: " + expectedModuleCount);
        }
    }

    /**
     * A policy with the default plausibility bounds ({@link LimitPlausibility#defaults()}).
     *
     * @param caps                the user's caps
     * @param expectedModuleCount the number of modules the stack should have, if known; ≥ 1
     * @param failSafe            when the currents are forced to 0
     */
    public LimitPolicy(LimitCaps caps, OptionalInt expectedModuleCount, FailSafePolicy failSafe) {
        this(caps, expectedModuleCount, failSafe, LimitPlausibility.defaults());
    }

    /**
     * No caps, no expected module count, currents 0 from STALE on, 48 V LV plausibility bounds.
     *
     * @return the default policy
     */
    public static LimitPolicy defaults() {
        return new LimitPolicy(LimitCaps.none(), OptionalInt.empty(), FailSafePolicy.ZERO_CURRENTS_WHEN_STALE);
    }

    /**
     * The default policy with the fail-safe of {@code profile}.
     *
     * @param profile the inverter profile whose {@link InverterProfile#failSafe()} to use
     * @return the policy
     */
    public static LimitPolicy of(InverterProfile profile) {
        return defaults().withFailSafe(profile.failSafe());
    }

    /**
     * This policy with other user caps.
     *
     * @param value the caps applied after the battery's values
     * @return the new policy
     */
    public LimitPolicy withCaps(LimitCaps value) {
        return new LimitPolicy(value, expectedModuleCount, failSafe, plausibility);
    }

    /**
     * This policy expecting a number of modules, so that currents are scaled down when the battery reports fewer.
     *
     * @param value the module count the stack should have, ≥ 1
     * @return the new policy
     * @throws IllegalArgumentException if {@code value} is below 1
     */
    public LimitPolicy withExpectedModuleCount(int value) {
        return new LimitPolicy(caps, OptionalInt.of(value), failSafe, plausibility);
    }

    /**
     * This policy with another fail-safe.
     *
     * @param value when the published currents are forced to 0
     * @return the new policy
     */
    public LimitPolicy withFailSafe(FailSafePolicy value) {
        return new LimitPolicy(caps, expectedModuleCount, value, plausibility);
    }

    /**
     * This policy with other plausibility bounds (another cell count, a bank rating).
     *
     * @param value the bounds the battery's limits must lie within
     * @return the new policy
     */
    public LimitPolicy withPlausibility(LimitPlausibility value) {
        return new LimitPolicy(caps, expectedModuleCount, failSafe, value);
    }

    /**
     * Why the battery's limits are implausible ({@link LimitPlausibility#check}) for {@code reportedModules} (or, when
     * the battery has not said, the expected count), or empty if they pass.
     *
     * @param battery         the battery's limits as received
     * @param wireInvalid     the fields the wire marked "invalid"
     * @param reportedModules the module count the battery reports, if known
     * @return why the limits are refused, or empty
     */
    public Optional<String> implausibility(Limits battery, java.util.Set<LimitPlausibility.Field> wireInvalid,
                                           OptionalInt reportedModules) {
        return plausibility.check(battery, reportedModules.isPresent() ? reportedModules : expectedModuleCount,
                wireInvalid);
    }

    /**
     * The published limits.
     *
     * @param battery         the battery's newest limits, if any arrived
     * @param batteryAt       when they arrived
     * @param state           the supervision state
     * @param reportedModules the module count the battery reports, if known
     * @param now             the current time (for the age in reasons)
     * @return the limits to publish, each with its provenance
     */
    public PublishedLimits apply(Optional<Limits> battery, Optional<Instant> batteryAt, SupervisionState state,
                                 OptionalInt reportedModules, Instant now) {
        return apply(battery, batteryAt, state, Optional.empty(), reportedModules, now);
    }

    /**
     * The published limits, with the supervisor's reason for the state (e.g. {@code "link down
     * (WAITING_TO_RECONNECT)"}) in the fail-safe reasons, so they say why the bank is not fresh.
     *
     * @param battery         the battery's newest limits, if any arrived
     * @param batteryAt       when they arrived
     * @param state           the supervision state
     * @param stateReason     why the supervisor entered {@code state}, if known
     * @param reportedModules the module count the battery reports, if known
     * @param now             the current time (for the age in reasons)
     * @return the limits to publish, each with its provenance
     */
    public PublishedLimits apply(Optional<Limits> battery, Optional<Instant> batteryAt, SupervisionState state,
                                 Optional<String> stateReason, OptionalInt reportedModules, Instant now) {
        if (battery.isEmpty()) {
            LimitProvenance p = new LimitProvenance(LimitSource.FAIL_SAFE_NO_DATA, OptionalDouble.empty(),
                    "no limits received from the battery yet (" + state + ")");
            return new PublishedLimits(0.0, 0.0, 0.0, OptionalDouble.empty(), p, p, p, p);
        }
        Limits b = battery.get();
        // the age appears only in the reasons of a bank that is not fresh; formatting it costs more than the rest of
        // this method, and a fresh bank passes here on every limits frame (1,000 banks: 1,000 times a second)
        String age = state.isFresh() ? ""
                : batteryAt.map(t -> Numbers.seconds(Duration.between(t, now))).orElse("unknown");

        Decision cvl = voltage(b.chargeVoltageLimitVolts(), state, age);
        Decision ccl = current(b.chargeCurrentLimitAmps(), state, stateReason, age);
        Decision dcl = current(b.dischargeCurrentLimitAmps(), state, stateReason, age);
        Decision dvl = b.dischargeVoltageLimitVolts().isPresent()
                ? voltage(b.dischargeVoltageLimitVolts().getAsDouble(), state, age)
                : new Decision(Double.NaN, OptionalDouble.empty(), LimitSource.BATTERY,
                "the battery sends no discharge voltage limit");

        if (expectedModuleCount.isPresent() && reportedModules.isPresent()
                && reportedModules.getAsInt() < expectedModuleCount.getAsInt()) {
            ccl = scale(ccl, reportedModules.getAsInt(), expectedModuleCount.getAsInt());
            dcl = scale(dcl, reportedModules.getAsInt(), expectedModuleCount.getAsInt());
        }

        cvl = capBelow(cvl, caps.maxChargeVoltageVolts(), " V");
        ccl = capBelow(ccl, caps.maxChargeCurrentAmps(), " A");
        dcl = capBelow(dcl, caps.maxDischargeCurrentAmps(), " A");
        if (caps.minDischargeVoltageVolts().isPresent()) {
            double min = caps.minDischargeVoltageVolts().getAsDouble();
            if (Double.isNaN(dvl.value) || dvl.value < min) {
                dvl = new Decision(min, dvl.battery, LimitSource.USER_CAP, "user minimum " + num(min) + " V"
                        + (Double.isNaN(dvl.value) ? " (the battery sends none)"
                        : " above the battery's " + num(dvl.value) + " V"));
            }
        }
        return new PublishedLimits(cvl.value, ccl.value, dcl.value,
                Double.isNaN(dvl.value) ? OptionalDouble.empty() : OptionalDouble.of(dvl.value),
                cvl.provenance(), ccl.provenance(), dcl.provenance(), dvl.provenance());
    }

    private Decision current(double battery, SupervisionState state, Optional<String> stateReason, String age) {
        OptionalDouble raw = OptionalDouble.of(battery);
        return switch (state) {
            case FRESH, RECOVERED -> new Decision(battery, raw, LimitSource.BATTERY, "battery value");
            case LOST -> new Decision(0.0, raw, LimitSource.FAIL_SAFE_LOST, failSafeReason(state, stateReason,
                    battery, age));
            case STALE -> failSafe == FailSafePolicy.ZERO_CURRENTS_WHEN_STALE
                    ? new Decision(0.0, raw, LimitSource.FAIL_SAFE_STALE, failSafeReason(state, stateReason,
                    battery, age))
                    : new Decision(battery, raw, LimitSource.BATTERY_LAST_KNOWN,
                    "bank STALE: the battery's last value, " + age + " old");
            case CONNECTING -> new Decision(0.0, raw, LimitSource.FAIL_SAFE_NO_DATA,
                    "bank CONNECTING: no current limits yet");
        };
    }

    private static String failSafeReason(SupervisionState state, Optional<String> stateReason, double battery,
                                         String age) {
        return stateReason.isPresent()
                ? "bank " + state + ": " + stateReason.get() + "; the battery's last value was " + num(battery)
                + " A, " + age + " old"
                : "bank " + state + ": no limits from the battery for " + age + "; the battery's last value was "
                + num(battery) + " A";
    }

    private static Decision voltage(double battery, SupervisionState state, String age) {
        OptionalDouble raw = OptionalDouble.of(battery);
        return state.isFresh() ? new Decision(battery, raw, LimitSource.BATTERY, "battery value")
                : new Decision(battery, raw, LimitSource.BATTERY_LAST_KNOWN,
                "bank " + state + ": the battery's last value, " + age + " old");
    }

    private static Decision scale(Decision d, int reported, int expected) {
        if (d.value == 0.0) {
            return d;
        }
        double scaled = d.value * reported / expected;
        return new Decision(scaled, d.battery, LimitSource.MODULE_COUNT_SCALING, reported + " of " + expected
                + " expected modules reported: " + num(d.value) + " A × " + reported + "/" + expected);
    }

    private static Decision capBelow(Decision d, OptionalDouble cap, String unit) {
        if (cap.isPresent() && cap.getAsDouble() < d.value) {
            return new Decision(cap.getAsDouble(), d.battery, LimitSource.USER_CAP, "user cap "
                    + num(cap.getAsDouble()) + unit + " below " + num(d.value) + unit + " (" + d.source + ")");
        }
        return d;
    }

    static String num(double v) {
        return Numbers.plain(v);
    }

    private record Decision(double value, OptionalDouble battery, LimitSource source, String reason) {
        LimitProvenance provenance() {
            return new LimitProvenance(source, battery, reason);
        }
    }
}
