package io.pylon4j.driver;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The bank-level measurements, each optional because each arrives in its own frame (CAN 0x355 carries SOC and SOH,
 * 0x356 voltage, current and temperature; RS485 0x42 carries no SOH). An update with some fields empty leaves the
 * model's other fields as they were; {@link BankStatus#age} gives each field's age.
 *
 * <p><b>Sign convention.</b> {@code currentAmps} is positive while charging and negative while discharging (CAN
 * 0x356 and RS485 0x42 both use this convention; SMA's own 0x305 uses the opposite one, docs/protocol.md §1.2, §1.4).
 *
 * @param socPercent         state of charge, %
 * @param sohPercent         state of health, %
 * @param voltageVolts       bank (or average module) voltage, V
 * @param currentAmps        bank current, A, positive = charge
 * @param temperatureCelsius (average cell) temperature, °C
 */
public record Measurements(OptionalDouble socPercent, OptionalDouble sohPercent, OptionalDouble voltageVolts,
                           OptionalDouble currentAmps, OptionalDouble temperatureCelsius) {

    /** No measurement known. */
    public static final Measurements EMPTY = new Measurements(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    /**
     * Checks that no field is null and that present values are finite.
     *
     * @param socPercent         state of charge, %
     * @param sohPercent         state of health, %
     * @param voltageVolts       bank voltage, V
     * @param currentAmps        bank current, A, positive = charge
     * @param temperatureCelsius temperature, °C
     * @throws IllegalArgumentException if a present value is NaN or infinite
     * @throws NullPointerException     if a field is null
     */
    public Measurements {
        requireFinite("socPercent", socPercent);
        requireFinite("sohPercent", sohPercent);
        requireFinite("voltageVolts", voltageVolts);
        requireFinite("currentAmps", currentAmps);
        requireFinite("temperatureCelsius", temperatureCelsius);
    }

    /**
     * All five values present.
     *
     * @param socPercent         state of charge, %
     * @param sohPercent         state of health, %
     * @param voltageVolts       bank voltage, V
     * @param currentAmps        bank current, A, positive = charge
     * @param temperatureCelsius temperature, °C
     * @return the measurements
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    public static Measurements of(double socPercent, double sohPercent, double voltageVolts, double currentAmps,
                                  double temperatureCelsius) {
        return new Measurements(OptionalDouble.of(socPercent), OptionalDouble.of(sohPercent),
                OptionalDouble.of(voltageVolts), OptionalDouble.of(currentAmps), OptionalDouble.of(temperatureCelsius));
    }

    /**
     * A builder starting from no values.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The value of one field, for code that walks the fields generically.
     *
     * @param field SOC, SOH, VOLTAGE, CURRENT or TEMPERATURE
     * @return the field's value in its unit, or empty when unknown
     * @throws IllegalArgumentException if {@code field} is not a measurement field
     */
    public OptionalDouble get(BankField field) {
        return switch (field) {
            case SOC -> socPercent;
            case SOH -> sohPercent;
            case VOLTAGE -> voltageVolts;
            case CURRENT -> currentAmps;
            case TEMPERATURE -> temperatureCelsius;
            case LIMITS, ALARMS, REQUEST_FLAGS, MODULE_COUNT, MODULE_DETAILS ->
                    throw new IllegalArgumentException("not a measurement field: " + field);
        };
    }

    /**
     * A copy with one field replaced.
     *
     * @param field SOC, SOH, VOLTAGE, CURRENT or TEMPERATURE
     * @param value the new value in the field's unit, or empty to forget it
     * @return the copy
     * @throws IllegalArgumentException if {@code field} is not a measurement field, or the value is not finite
     */
    public Measurements with(BankField field, OptionalDouble value) {
        return switch (field) {
            case SOC -> new Measurements(value, sohPercent, voltageVolts, currentAmps, temperatureCelsius);
            case SOH -> new Measurements(socPercent, value, voltageVolts, currentAmps, temperatureCelsius);
            case VOLTAGE -> new Measurements(socPercent, sohPercent, value, currentAmps, temperatureCelsius);
            case CURRENT -> new Measurements(socPercent, sohPercent, voltageVolts, value, temperatureCelsius);
            case TEMPERATURE -> new Measurements(socPercent, sohPercent, voltageVolts, currentAmps, value);
            case LIMITS, ALARMS, REQUEST_FLAGS, MODULE_COUNT, MODULE_DETAILS ->
                    throw new IllegalArgumentException("not a measurement field: " + field);
        };
    }

    private static void requireFinite(String name, OptionalDouble value) {
        Objects.requireNonNull(value, name);
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new IllegalArgumentException(name + " must be finite: " + value.getAsDouble());
        }
    }

    /** Builds a {@link Measurements} with some fields set. */
    public static final class Builder {
        private OptionalDouble soc = OptionalDouble.empty();
        private OptionalDouble soh = OptionalDouble.empty();
        private OptionalDouble voltage = OptionalDouble.empty();
        private OptionalDouble current = OptionalDouble.empty();
        private OptionalDouble temperature = OptionalDouble.empty();

        private Builder() {
        }

        /**
         * Sets the state of charge.
         *
         * @param value state of charge, %
         * @return this builder
         */
        public Builder socPercent(double value) {
            soc = OptionalDouble.of(value);
            return this;
        }

        /**
         * Sets the state of health.
         *
         * @param value state of health, %
         * @return this builder
         */
        public Builder sohPercent(double value) {
            soh = OptionalDouble.of(value);
            return this;
        }

        /**
         * Sets the bank voltage.
         *
         * @param value voltage, V
         * @return this builder
         */
        public Builder voltageVolts(double value) {
            voltage = OptionalDouble.of(value);
            return this;
        }

        /**
         * Sets the bank current.
         *
         * @param value current, A, positive = charge, negative = discharge
         * @return this builder
         */
        public Builder currentAmps(double value) {
            current = OptionalDouble.of(value);
            return this;
        }

        /**
         * Sets the temperature.
         *
         * @param value temperature, °C
         * @return this builder
         */
        public Builder temperatureCelsius(double value) {
            temperature = OptionalDouble.of(value);
            return this;
        }

        /**
         * Builds the measurements; fields never set stay empty.
         *
         * @return the measurements
         * @throws IllegalArgumentException if a value set is NaN or infinite
         */
        public Measurements build() {
            return new Measurements(soc, soh, voltage, current, temperature);
        }
    }
}
