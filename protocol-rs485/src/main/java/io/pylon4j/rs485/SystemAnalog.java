package io.pylon4j.rs485;

import java.util.Objects;

/**
 * The reply to 0x61 get system analog data: averages and extremes over the whole system.
 *
 * <p><b>Emulator layout.</b> No public Pylontech document describes 0x61 (a "V3.5" command that Deye/Sunsynk-type
 * inverters poll); this is the layout two independent battery emulators agree on in size and order, [BE-485]
 * {@code handle_command_61} and [AIR-INV-485] {@code createBatteryInformation} (docs/protocol.md §2.5.12). Treat the meaning of
 * each field as unverified against real batteries.
 *
 * <p>INFO (49 bytes, no INFOFLAG): average voltage, u16 mV; total current, s16 <b>10 mA</b>; SOC, u8 %; average
 * cycles, u16; maximum cycles, u16; average SOH, u8 %; minimum SOH, u8 %; maximum cell voltage, u16 mV, and its
 * location, u16 (module byte, cell byte); minimum cell voltage and location; average cell temperature, u16 0.1 K
 * (°C = (raw − 2731) / 10); maximum and minimum cell temperature with locations; average, maximum and minimum MOSFET
 * temperature (extremes with locations); average, maximum and minimum BMS temperature (extremes with locations).
 *
 * @param address                           ADR, 0 to 255
 * @param voltageMilliVolts                 total/average voltage, mV
 * @param currentCentiAmps                  total current, 10 mA, positive = charge
 * @param stateOfChargePercent              SOC, %
 * @param averageCycles                     average cycle count
 * @param maximumCycles                     maximum cycle count
 * @param averageStateOfHealthPercent       average SOH, %
 * @param minimumStateOfHealthPercent       minimum SOH, %
 * @param maximumCellVoltage                maximum cell voltage (mV) and where
 * @param minimumCellVoltage                minimum cell voltage (mV) and where
 * @param averageCellTemperatureDeciKelvin  average cell temperature, 0.1 K
 * @param maximumCellTemperature            maximum cell temperature (0.1 K) and where
 * @param minimumCellTemperature            minimum cell temperature (0.1 K) and where
 * @param averageMosfetTemperatureDeciKelvin average MOSFET temperature, 0.1 K
 * @param maximumMosfetTemperature          maximum MOSFET temperature (0.1 K) and where
 * @param minimumMosfetTemperature          minimum MOSFET temperature (0.1 K) and where
 * @param averageBmsTemperatureDeciKelvin   average BMS temperature, 0.1 K
 * @param maximumBmsTemperature             maximum BMS temperature (0.1 K) and where
 * @param minimumBmsTemperature             minimum BMS temperature (0.1 K) and where
 */
public record SystemAnalog(int address, int voltageMilliVolts, int currentCentiAmps, int stateOfChargePercent,
        int averageCycles, int maximumCycles, int averageStateOfHealthPercent, int minimumStateOfHealthPercent,
        Extreme maximumCellVoltage, Extreme minimumCellVoltage, int averageCellTemperatureDeciKelvin,
        Extreme maximumCellTemperature, Extreme minimumCellTemperature, int averageMosfetTemperatureDeciKelvin,
        Extreme maximumMosfetTemperature, Extreme minimumMosfetTemperature, int averageBmsTemperatureDeciKelvin,
        Extreme maximumBmsTemperature, Extreme minimumBmsTemperature) implements Rs485Response {

    /**
     * An extreme value and where it is: a 16-bit value followed by a 16-bit location, module byte then cell (or
     * sensor) byte.
     *
     * @param value    the value, u16 (mV or 0.1 K)
     * @param module   the module it is in, 0 to 255
     * @param position the cell or sensor within the module, 0 to 255
     */
    public record Extreme(int value, int module, int position) {

        /**
         * Checks the fields.
         *
         * @param value    the value, u16 (mV or 0.1 K)
         * @param module   the module it is in, 0 to 255
         * @param position the cell or sensor within the module, 0 to 255
         *
         * @throws IllegalArgumentException if a field is out of its range
         */
        public Extreme {
            Check.u16("value", value);
            Check.u8("module", module);
            Check.u8("position", position);
        }

        static Extreme read(InfoReader r) {
            return new Extreme(r.u16(), r.u8(), r.u8());
        }

        void write(InfoWriter w) {
            w.u16(value).u8(module).u8(position);
        }
    }

    /**
     * Checks the fields.
     *
     * @param address                            ADR, 0 to 255
     * @param voltageMilliVolts                  total/average voltage, mV
     * @param currentCentiAmps                   total current, 10 mA, positive = charge
     * @param stateOfChargePercent               SOC, %
     * @param averageCycles                      average cycle count
     * @param maximumCycles                      maximum cycle count
     * @param averageStateOfHealthPercent        average SOH, %
     * @param minimumStateOfHealthPercent        minimum SOH, %
     * @param maximumCellVoltage                 maximum cell voltage (mV) and where
     * @param minimumCellVoltage                 minimum cell voltage (mV) and where
     * @param averageCellTemperatureDeciKelvin   average cell temperature, 0.1 K
     * @param maximumCellTemperature             maximum cell temperature (0.1 K) and where
     * @param minimumCellTemperature             minimum cell temperature (0.1 K) and where
     * @param averageMosfetTemperatureDeciKelvin average MOSFET temperature, 0.1 K
     * @param maximumMosfetTemperature           maximum MOSFET temperature (0.1 K) and where
     * @param minimumMosfetTemperature           minimum MOSFET temperature (0.1 K) and where
     * @param averageBmsTemperatureDeciKelvin    average BMS temperature, 0.1 K
     * @param maximumBmsTemperature              maximum BMS temperature (0.1 K) and where
     * @param minimumBmsTemperature              minimum BMS temperature (0.1 K) and where
     *
     * @throws IllegalArgumentException if a field is out of its range
     * @throws NullPointerException     if an extreme is null
     */
    public SystemAnalog {
        Check.u8("address", address);
        Check.u16("voltageMilliVolts", voltageMilliVolts);
        Check.s16("currentCentiAmps", currentCentiAmps);
        Check.u8("stateOfChargePercent", stateOfChargePercent);
        Check.u16("averageCycles", averageCycles);
        Check.u16("maximumCycles", maximumCycles);
        Check.u8("averageStateOfHealthPercent", averageStateOfHealthPercent);
        Check.u8("minimumStateOfHealthPercent", minimumStateOfHealthPercent);
        Objects.requireNonNull(maximumCellVoltage, "maximumCellVoltage");
        Objects.requireNonNull(minimumCellVoltage, "minimumCellVoltage");
        Check.u16("averageCellTemperatureDeciKelvin", averageCellTemperatureDeciKelvin);
        Objects.requireNonNull(maximumCellTemperature, "maximumCellTemperature");
        Objects.requireNonNull(minimumCellTemperature, "minimumCellTemperature");
        Check.u16("averageMosfetTemperatureDeciKelvin", averageMosfetTemperatureDeciKelvin);
        Objects.requireNonNull(maximumMosfetTemperature, "maximumMosfetTemperature");
        Objects.requireNonNull(minimumMosfetTemperature, "minimumMosfetTemperature");
        Check.u16("averageBmsTemperatureDeciKelvin", averageBmsTemperatureDeciKelvin);
        Objects.requireNonNull(maximumBmsTemperature, "maximumBmsTemperature");
        Objects.requireNonNull(minimumBmsTemperature, "minimumBmsTemperature");
    }

    /** {@return the voltage in V} */
    public double voltageVolts() {
        return Units.milli(voltageMilliVolts);
    }

    /** {@return the total current in A, positive = charge} */
    public double currentAmps() {
        return Units.centi(currentCentiAmps);
    }

    /** {@return the average cell temperature in °C} */
    public double averageCellTemperatureCelsius() {
        return Units.celsius(averageCellTemperatureDeciKelvin);
    }

    @Override
    public Command command() {
        return Command.SYSTEM_ANALOG;
    }

    @Override
    public byte[] encodeInfo() {
        InfoWriter w = new InfoWriter(49).u16(voltageMilliVolts).u16(currentCentiAmps).u8(stateOfChargePercent)
                .u16(averageCycles).u16(maximumCycles).u8(averageStateOfHealthPercent).u8(minimumStateOfHealthPercent);
        maximumCellVoltage.write(w);
        minimumCellVoltage.write(w);
        w.u16(averageCellTemperatureDeciKelvin);
        maximumCellTemperature.write(w);
        minimumCellTemperature.write(w);
        w.u16(averageMosfetTemperatureDeciKelvin);
        maximumMosfetTemperature.write(w);
        minimumMosfetTemperature.write(w);
        w.u16(averageBmsTemperatureDeciKelvin);
        maximumBmsTemperature.write(w);
        minimumBmsTemperature.write(w);
        return w.toArray();
    }

    static SystemAnalog decode(Rs485Frame frame) {
        InfoReader r = new InfoReader(frame, Command.SYSTEM_ANALOG);
        return new SystemAnalog(frame.address(), r.u16(), r.s16(), r.u8(), r.u16(), r.u16(), r.u8(), r.u8(),
                Extreme.read(r), Extreme.read(r), r.u16(), Extreme.read(r), Extreme.read(r), r.u16(), Extreme.read(r),
                Extreme.read(r), r.u16(), Extreme.read(r), Extreme.read(r));
    }
}
