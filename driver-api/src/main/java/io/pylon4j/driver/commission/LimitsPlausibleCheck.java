package io.pylon4j.driver.commission;

import io.pylon4j.can.CanCodecException;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.LimitPlausibility;
import io.pylon4j.driver.Limits;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code limits-plausible}: whether every limit set the bank sent was one the driver could publish. FAIL when the
 * driver refused any as implausible during the window ({@code DriverCounters.implausibleValues()}: out of the voltage
 * window of the cell count, CVL not above the discharge voltage limit, a current above the modules' rating, or a wire
 * value meaning "invalid"; see {@link LimitPlausibility}) — the driver treats such a bank as silent, so the inverter
 * falls back to its fail-safe. Otherwise the newest charge voltage limit is checked: inside the window and above the
 * discharge voltage limit passes; no limits at all is skipped (the communication check says why).
 */
public final class LimitsPlausibleCheck implements CommissioningCheck {

    /** This check's id. */
    public static final String ID = "limits-plausible";

    private static final String REJECTED = "the battery's newest limits were rejected: ";

    private final PylonCanCodec codec = PylonCanCodec.standard();

    private final LimitPlausibility bounds;

    /** The check against the driver's default bounds ({@link LimitPlausibility#defaults()}). */
    public LimitsPlausibleCheck() {
        this(LimitPlausibility.defaults());
    }

    /**
     * The check against {@code bounds} (use the driver's, when it was given others).
     *
     * @param bounds the plausibility bounds the driver was configured with
     */
    public LimitsPlausibleCheck(LimitPlausibility bounds) {
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult evaluate(Observation o, Expectations expected) {
        String window = Fmt.volts(bounds.minVolts()) + "–" + Fmt.volts(bounds.maxVolts());
        long refused = o.counters().implausibleValues();
        OptionalInt modules = o.last().map(BankStatus::moduleCount).orElse(OptionalInt.empty());
        if (refused > 0) {
            // the reason: from a refused 0x351 seen on the bus, else from a snapshot's provenance (RS485); a plausible
            // set right after a refused one clears the provenance, so the frames come first
            String why = firstImplausibleFrame(o, modules).or(() -> o.samples().stream()
                    .map(LimitsPlausibleCheck::rejection).flatMap(Optional::stream).reduce((a, b) -> b))
                    .orElse("see the driver's limit provenance");
            return CheckResult.of(ID, Verdict.FAIL, "The bank sent limits the driver cannot trust (" + why + "). "
                    + "They are not published: the inverter gets the fail-safe as if the bank were silent. Check the "
                    + "battery's firmware and protocol setting (DIP switches), and that nothing else sends on the bus.",
                    refused + (refused == 1 ? " limit set refused" : " limit sets refused"),
                    "none refused; CVL " + window + ", above the DVL; currents ≤ modules × rating");
        }
        Optional<Limits> newest = o.samples().stream().map(BankStatus::batteryLimits).flatMap(Optional::stream)
                .reduce((a, b) -> b);
        if (newest.isEmpty()) {
            return CheckResult.skipped(ID, "The bank sent no limits.");
        }
        Limits l = newest.get();
        String measured = "CVL " + Fmt.volts(l.chargeVoltageLimitVolts())
                + l.dischargeVoltageLimitVolts().stream().mapToObj(v -> ", DVL " + Fmt.volts(v)).findFirst().orElse("");
        String expectedText = "CVL " + window + ", above the DVL";
        Optional<String> bad = bounds.check(l, modules.isPresent() ? modules : expected.modules(), Set.of());
        if (bad.isPresent()) {
            // the driver was given wider bounds than this check
            return CheckResult.of(ID, Verdict.FAIL, "The bank's limits are implausible: " + bad.get() + ".", measured,
                    expectedText);
        }
        return CheckResult.of(ID, Verdict.PASS, "Every limit set the bank sent was plausible; the charge voltage "
                + "limit lies inside the window of its cells and above the discharge voltage limit.", measured,
                expectedText);
    }

    private Optional<String> firstImplausibleFrame(Observation o, OptionalInt modules) {
        for (Observation.SeenFrame seen : o.frames(ChargeDischargeLimits.ID)) {
            CanMessage m;
            try {
                m = codec.decode(seen.frame());
            } catch (CanCodecException e) {
                continue; // malformed: the communication check's business
            }
            if (m instanceof ChargeDischargeLimits l) {
                Optional<String> bad = bounds.check(LimitPlausibility.limitsOf(l), modules,
                        LimitPlausibility.invalidFields(l));
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> rejection(BankStatus s) {
        String reason = s.chargeVoltageLimitProvenance().reason();
        int at = reason.indexOf(REJECTED);
        return at < 0 ? Optional.empty() : Optional.of(reason.substring(at + REJECTED.length()));
    }
}
