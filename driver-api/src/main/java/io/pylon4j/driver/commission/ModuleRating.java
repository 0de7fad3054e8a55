package io.pylon4j.driver.commission;

import java.util.Objects;

/**
 * A module type's per-module current figures: what one module of this type contributes to the bank's charge and
 * discharge current limits. The master reports the figure times the modules online (docs/protocol.md §1.2, §1.6: a 4-module
 * US3000C bank reports about 148 A, one module talking 37 A).
 *
 * <p>The driver keeps no table of module types: the simulator's {@code ModulePreset} holds the figures with their
 * sources, and the {@code pylon commission} command turns a preset into a rating; an application passes its own.
 *
 * @param model                  the module type, for the report ({@code "US3000C"})
 * @param chargeCurrentAmps      one module's charge current limit, A, before derating
 * @param dischargeCurrentAmps   one module's discharge current limit, A (a magnitude), before derating
 */
public record ModuleRating(String model, double chargeCurrentAmps, double dischargeCurrentAmps) {

    /**
     * Validates.
     *
     * @param model                the module type, not blank
     * @param chargeCurrentAmps    one module's charge current limit, A, finite and &gt; 0
     * @param dischargeCurrentAmps one module's discharge current limit, A, finite and &gt; 0
     * @throws IllegalArgumentException if the model is blank or a current is not a finite positive value
     */
    public ModuleRating {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (!(chargeCurrentAmps > 0) || !Double.isFinite(chargeCurrentAmps)) {
            throw new IllegalArgumentException("chargeCurrentAmps must be a finite value > 0: " + chargeCurrentAmps);
        }
        if (!(dischargeCurrentAmps > 0) || !Double.isFinite(dischargeCurrentAmps)) {
            throw new IllegalArgumentException("dischargeCurrentAmps must be a finite value > 0: "
                    + dischargeCurrentAmps);
        }
    }
}
