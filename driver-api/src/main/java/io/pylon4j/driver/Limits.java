package io.pylon4j.driver;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The charge and discharge limits a battery asks for, in SI units, as the battery sent them.
 *
 * <p><b>Sign convention.</b> Both current limits are <em>positive magnitudes</em> in the model. On the wire they
 * differ: CAN 0x351 sends the discharge current limit positive (real Pylontech; some emulators send it negative),
 * RS485 0x47/0x92 send it negative (docs/protocol.md §1.2 notes, §2.5.6, §2.7 item 8). Strategies translate with
 * {@link #normalised}, which takes the magnitude of the discharge limit whatever its sign.
 *
 * @param chargeVoltageLimitVolts    CVL: the highest voltage the inverter may charge to (CAN 0x351 bytes 0–1,
 *                                   RS485 0x92)
 * @param chargeCurrentLimitAmps     CCL: the largest charge current, a magnitude ≥ 0
 * @param dischargeCurrentLimitAmps  DCL: the largest discharge current, a magnitude ≥ 0
 * @param dischargeVoltageLimitVolts the discharge (cut-off) voltage limit, when the battery sends one (CAN 0x351
 *                                   bytes 6–7 on real batteries but blank in the V1.2 document; RS485 0x92)
 */
public record Limits(double chargeVoltageLimitVolts, double chargeCurrentLimitAmps, double dischargeCurrentLimitAmps,
                     OptionalDouble dischargeVoltageLimitVolts) {

    /**
     * Checks that every value is a finite magnitude.
     *
     * @param chargeVoltageLimitVolts    CVL, V, ≥ 0
     * @param chargeCurrentLimitAmps     CCL, A, ≥ 0
     * @param dischargeCurrentLimitAmps  DCL, A, ≥ 0
     * @param dischargeVoltageLimitVolts discharge voltage limit, V, ≥ 0, if the battery sends one
     * @throws IllegalArgumentException if a value is negative, NaN or infinite
     */
    public Limits {
        requireMagnitude("chargeVoltageLimitVolts", chargeVoltageLimitVolts);
        requireMagnitude("chargeCurrentLimitAmps", chargeCurrentLimitAmps);
        requireMagnitude("dischargeCurrentLimitAmps", dischargeCurrentLimitAmps);
        Objects.requireNonNull(dischargeVoltageLimitVolts, "dischargeVoltageLimitVolts");
        if (dischargeVoltageLimitVolts.isPresent()) {
            requireMagnitude("dischargeVoltageLimitVolts", dischargeVoltageLimitVolts.getAsDouble());
        }
    }

    /**
     * Limits without a discharge voltage limit.
     *
     * @param chargeVoltageLimitVolts   CVL, V, ≥ 0
     * @param chargeCurrentLimitAmps    CCL, A, ≥ 0
     * @param dischargeCurrentLimitAmps DCL, A, ≥ 0
     * @return the limits
     * @throws IllegalArgumentException if a value is negative, NaN or infinite
     */
    public static Limits of(double chargeVoltageLimitVolts, double chargeCurrentLimitAmps,
                            double dischargeCurrentLimitAmps) {
        return new Limits(chargeVoltageLimitVolts, chargeCurrentLimitAmps, dischargeCurrentLimitAmps,
                OptionalDouble.empty());
    }

    /**
     * Limits with a discharge voltage limit.
     *
     * @param chargeVoltageLimitVolts    CVL, V, ≥ 0
     * @param chargeCurrentLimitAmps     CCL, A, ≥ 0
     * @param dischargeCurrentLimitAmps  DCL, A, ≥ 0
     * @param dischargeVoltageLimitVolts discharge (cut-off) voltage limit, V, ≥ 0
     * @return the limits
     * @throws IllegalArgumentException if a value is negative, NaN or infinite
     */
    public static Limits of(double chargeVoltageLimitVolts, double chargeCurrentLimitAmps,
                            double dischargeCurrentLimitAmps, double dischargeVoltageLimitVolts) {
        return new Limits(chargeVoltageLimitVolts, chargeCurrentLimitAmps, dischargeCurrentLimitAmps,
                OptionalDouble.of(dischargeVoltageLimitVolts));
    }

    /**
     * Limits from wire values with either sign convention: the discharge current limit becomes its magnitude
     * (CAN sends it positive, RS485 negative), and a negative charge current limit, which no document defines,
     * becomes 0 (the battery accepts no charge).
     *
     * @param chargeVoltageLimitVolts         CVL, V, ≥ 0
     * @param chargeCurrentLimitAmpsSigned    CCL as on the wire, A; negative becomes 0
     * @param dischargeCurrentLimitAmpsSigned DCL as on the wire, A, either sign
     * @param dischargeVoltageLimitVolts      discharge voltage limit, V, if the battery sends one
     * @return the limits as magnitudes
     * @throws IllegalArgumentException if a value is NaN or infinite, or a voltage negative
     */
    public static Limits normalised(double chargeVoltageLimitVolts, double chargeCurrentLimitAmpsSigned,
                                    double dischargeCurrentLimitAmpsSigned, OptionalDouble dischargeVoltageLimitVolts) {
        return new Limits(chargeVoltageLimitVolts, Math.max(0.0, chargeCurrentLimitAmpsSigned),
                Math.abs(dischargeCurrentLimitAmpsSigned), dischargeVoltageLimitVolts);
    }

    private static void requireMagnitude(String name, double value) {
        if (!Double.isFinite(value) || value < 0.0) {
            throw new IllegalArgumentException(name + " must be a finite magnitude ≥ 0: " + value);
        }
    }
}
