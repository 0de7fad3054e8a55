package io.pylon4j.driver;

import io.pylon4j.driver.internal.PrimitiveLists;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What is known about one module of the stack, mostly from RS485 (0x42 analog values, 0x93 serial number, 0x96
 * software version, 0x92 the module's own charge/discharge limits). Every field is optional because each command
 * fills only some of them; the model merges updates for the same {@code address} with {@link #mergedWith}.
 *
 * <p>Modules are keyed by their RS485 address, which is unique across the groups of an LV-Hub bank (group m adds
 * 0x10·m, docs/protocol.md §2.3). The 0x92 limits here are the module's own figures; the bank's limits ({@link
 * BankStatus#batteryLimits()}) are derived from the group masters' figures, not from these.
 *
 * @param address                  the module's RS485 address (2 = master, 3, 4, … slaves; group m adds 0x10·m)
 * @param cellVoltagesVolts        cell voltages, V, cell 1 first; empty when unknown
 * @param temperaturesCelsius      temperatures, °C, in the battery's order (BMS board, cell groups, MOSFET); empty
 *                                 when unknown
 * @param currentAmps              module current, A, positive = charge
 * @param voltageVolts             module voltage, V
 * @param remainingCapacityAh      remaining capacity, Ah
 * @param totalCapacityAh          total (full) capacity, Ah
 * @param cycles                   cycle count
 * @param serialNumber             serial number (0x93)
 * @param manufacturerVersion      manufacturer software version (0x96), e.g. {@code "2.3"}
 * @param mainlineVersion          main-line software version (0x96), e.g. {@code "0.6.5"}
 * @param chargeVoltageLimitVolts  the module's charge voltage limit (0x92), V
 * @param dischargeVoltageLimitVolts the module's discharge (cut-off) voltage limit (0x92), V
 * @param chargeCurrentLimitAmps   the module's charge current limit (0x92), A, a magnitude
 * @param dischargeCurrentLimitAmps the module's discharge current limit (0x92), A, a magnitude (the wire's value is
 *                                 negative)
 */
public record ModuleDetails(int address, List<Double> cellVoltagesVolts, List<Double> temperaturesCelsius,
                            OptionalDouble currentAmps, OptionalDouble voltageVolts,
                            OptionalDouble remainingCapacityAh, OptionalDouble totalCapacityAh, OptionalInt cycles,
                            Optional<String> serialNumber, Optional<String> manufacturerVersion,
                            Optional<String> mainlineVersion, OptionalDouble chargeVoltageLimitVolts,
                            OptionalDouble dischargeVoltageLimitVolts, OptionalDouble chargeCurrentLimitAmps,
                            OptionalDouble dischargeCurrentLimitAmps) {

    /**
     * Checks the address and that no field is null, and copies the lists.
     *
     * @param address                    the module's RS485 address, 0 to 255
     * @param cellVoltagesVolts          cell voltages, V, cell 1 first; empty when unknown
     * @param temperaturesCelsius        temperatures, °C, in the battery's order; empty when unknown
     * @param currentAmps                module current, A, positive = charge
     * @param voltageVolts               module voltage, V
     * @param remainingCapacityAh        remaining capacity, Ah
     * @param totalCapacityAh            total (full) capacity, Ah
     * @param cycles                     cycle count
     * @param serialNumber               serial number (0x93)
     * @param manufacturerVersion        manufacturer software version (0x96)
     * @param mainlineVersion            main-line software version (0x96)
     * @param chargeVoltageLimitVolts    the module's charge voltage limit (0x92), V
     * @param dischargeVoltageLimitVolts the module's discharge (cut-off) voltage limit (0x92), V
     * @param chargeCurrentLimitAmps     the module's charge current limit (0x92), A, a magnitude
     * @param dischargeCurrentLimitAmps  the module's discharge current limit (0x92), A, a magnitude
     * @throws IllegalArgumentException if {@code address} is not 0 to 255
     * @throws NullPointerException     if a list or optional is null
     */
    public ModuleDetails {
        if (address < 0 || address > 255) {
            throw new IllegalArgumentException("address must be 0…255: " + address);
        }
        // an RS485 reply's lists are made immutable by the driver and taken as they are (PrimitiveLists)
        cellVoltagesVolts = PrimitiveLists.frozenDoubles(cellVoltagesVolts);
        temperaturesCelsius = PrimitiveLists.frozenDoubles(temperaturesCelsius);
        Objects.requireNonNull(currentAmps, "currentAmps");
        Objects.requireNonNull(voltageVolts, "voltageVolts");
        Objects.requireNonNull(remainingCapacityAh, "remainingCapacityAh");
        Objects.requireNonNull(totalCapacityAh, "totalCapacityAh");
        Objects.requireNonNull(cycles, "cycles");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(manufacturerVersion, "manufacturerVersion");
        Objects.requireNonNull(mainlineVersion, "mainlineVersion");
        Objects.requireNonNull(chargeVoltageLimitVolts, "chargeVoltageLimitVolts");
        Objects.requireNonNull(dischargeVoltageLimitVolts, "dischargeVoltageLimitVolts");
        Objects.requireNonNull(chargeCurrentLimitAmps, "chargeCurrentLimitAmps");
        Objects.requireNonNull(dischargeCurrentLimitAmps, "dischargeCurrentLimitAmps");
    }

    /**
     * A builder for the module at {@code address}, all fields unknown.
     *
     * @param address the module's RS485 address, 0 to 255 (checked by {@link Builder#build()})
     * @return a new builder
     */
    public static Builder builder(int address) {
        return new Builder(address);
    }

    /**
     * These details overlaid with the known fields of {@code newer} (same address): a field {@code newer} does not
     * carry keeps its value here.
     *
     * @param newer details of the same module received later
     * @return the merged details
     * @throws IllegalArgumentException if {@code newer} is about another address
     */
    public ModuleDetails mergedWith(ModuleDetails newer) {
        if (newer.address != address) {
            throw new IllegalArgumentException("address " + newer.address + " ≠ " + address);
        }
        return new ModuleDetails(address,
                newer.cellVoltagesVolts.isEmpty() ? cellVoltagesVolts : newer.cellVoltagesVolts,
                newer.temperaturesCelsius.isEmpty() ? temperaturesCelsius : newer.temperaturesCelsius,
                newer.currentAmps.isPresent() ? newer.currentAmps : currentAmps,
                newer.voltageVolts.isPresent() ? newer.voltageVolts : voltageVolts,
                newer.remainingCapacityAh.isPresent() ? newer.remainingCapacityAh : remainingCapacityAh,
                newer.totalCapacityAh.isPresent() ? newer.totalCapacityAh : totalCapacityAh,
                newer.cycles.isPresent() ? newer.cycles : cycles,
                newer.serialNumber.isPresent() ? newer.serialNumber : serialNumber,
                newer.manufacturerVersion.isPresent() ? newer.manufacturerVersion : manufacturerVersion,
                newer.mainlineVersion.isPresent() ? newer.mainlineVersion : mainlineVersion,
                either(newer.chargeVoltageLimitVolts, chargeVoltageLimitVolts),
                either(newer.dischargeVoltageLimitVolts, dischargeVoltageLimitVolts),
                either(newer.chargeCurrentLimitAmps, chargeCurrentLimitAmps),
                either(newer.dischargeCurrentLimitAmps, dischargeCurrentLimitAmps));
    }

    private static OptionalDouble either(OptionalDouble newer, OptionalDouble older) {
        return newer.isPresent() ? newer : older;
    }

    /** Builds {@link ModuleDetails}. */
    public static final class Builder {
        private final int address;
        private List<Double> cells = List.of();
        private List<Double> temperatures = List.of();
        private OptionalDouble current = OptionalDouble.empty();
        private OptionalDouble voltage = OptionalDouble.empty();
        private OptionalDouble remaining = OptionalDouble.empty();
        private OptionalDouble total = OptionalDouble.empty();
        private OptionalInt cycles = OptionalInt.empty();
        private Optional<String> serial = Optional.empty();
        private Optional<String> manufacturerVersion = Optional.empty();
        private Optional<String> mainlineVersion = Optional.empty();
        private OptionalDouble cvl = OptionalDouble.empty();
        private OptionalDouble dvl = OptionalDouble.empty();
        private OptionalDouble ccl = OptionalDouble.empty();
        private OptionalDouble dcl = OptionalDouble.empty();

        private Builder(int address) {
            this.address = address;
        }

        /**
         * Sets the cell voltages.
         *
         * @param value cell voltages, V, cell 1 first
         * @return this builder
         */
        public Builder cellVoltagesVolts(List<Double> value) {
            cells = value;
            return this;
        }

        /**
         * Sets the temperatures.
         *
         * @param value temperatures, °C, in the battery's order (BMS board, cell groups, MOSFET)
         * @return this builder
         */
        public Builder temperaturesCelsius(List<Double> value) {
            temperatures = value;
            return this;
        }

        /**
         * Sets the module current.
         *
         * @param value current, A, positive = charge
         * @return this builder
         */
        public Builder currentAmps(double value) {
            current = OptionalDouble.of(value);
            return this;
        }

        /**
         * Sets the module voltage.
         *
         * @param value voltage, V
         * @return this builder
         */
        public Builder voltageVolts(double value) {
            voltage = OptionalDouble.of(value);
            return this;
        }

        /**
         * Sets the remaining capacity.
         *
         * @param value remaining capacity, Ah
         * @return this builder
         */
        public Builder remainingCapacityAh(double value) {
            remaining = OptionalDouble.of(value);
            return this;
        }

        /**
         * Sets the total (full) capacity.
         *
         * @param value total capacity, Ah
         * @return this builder
         */
        public Builder totalCapacityAh(double value) {
            total = OptionalDouble.of(value);
            return this;
        }

        /**
         * Sets the cycle count.
         *
         * @param value charge/discharge cycles so far
         * @return this builder
         */
        public Builder cycles(int value) {
            cycles = OptionalInt.of(value);
            return this;
        }

        /**
         * Sets the serial number (0x93).
         *
         * @param value the serial number as the module reports it
         * @return this builder
         */
        public Builder serialNumber(String value) {
            serial = Optional.of(value);
            return this;
        }

        /**
         * Sets the manufacturer software version (0x96).
         *
         * @param value the version, e.g. {@code "2.3"}
         * @return this builder
         */
        public Builder manufacturerVersion(String value) {
            manufacturerVersion = Optional.of(value);
            return this;
        }

        /**
         * Sets the main-line software version (0x96).
         *
         * @param value the version, e.g. {@code "0.6.5"}
         * @return this builder
         */
        public Builder mainlineVersion(String value) {
            mainlineVersion = Optional.of(value);
            return this;
        }

        /**
         * The module's own 0x92 limits; currents as magnitudes ({@code Math.abs} is applied, as RS485 sends the
         * discharge limit negative).
         *
         * @param chargeVoltageLimitVolts    charge voltage limit, V
         * @param dischargeVoltageLimitVolts discharge (cut-off) voltage limit, V
         * @param chargeCurrentLimitAmps     charge current limit, A, either sign
         * @param dischargeCurrentLimitAmps  discharge current limit, A, either sign (the wire's is negative)
         * @return this builder
         */
        public Builder limits(double chargeVoltageLimitVolts, double dischargeVoltageLimitVolts,
                              double chargeCurrentLimitAmps, double dischargeCurrentLimitAmps) {
            cvl = OptionalDouble.of(chargeVoltageLimitVolts);
            dvl = OptionalDouble.of(dischargeVoltageLimitVolts);
            ccl = OptionalDouble.of(Math.abs(chargeCurrentLimitAmps));
            dcl = OptionalDouble.of(Math.abs(dischargeCurrentLimitAmps));
            return this;
        }

        /**
         * Builds the details; fields never set stay unknown.
         *
         * @return the module's details
         * @throws IllegalArgumentException if the address is not 0 to 255
         */
        public ModuleDetails build() {
            return new ModuleDetails(address, cells, temperatures, current, voltage, remaining, total, cycles,
                    serial, manufacturerVersion, mainlineVersion, cvl, dvl, ccl, dcl);
        }
    }
}
