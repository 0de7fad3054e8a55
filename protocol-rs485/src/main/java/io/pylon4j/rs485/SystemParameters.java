package io.pylon4j.rs485;

import java.util.Objects;

/**
 * The reply to 0x47 get system parameters: a module's fixed protection limits ([R485-33] §3.4; docs/protocol.md §2.5.5).
 *
 * <p>INFO (25 bytes): INFOFLAG, then twelve 16-bit values, high byte first: cell high-voltage limit, cell low-voltage
 * (alarm) limit, cell under-voltage (protect) limit, all s16 mV; charge high- and low-temperature limits, s16 0.1 K
 * (°C = (raw − 2731) / 10); charge current limit, s16 <b>0.1 A</b>; module high-voltage, low-voltage (alarm) and
 * under-voltage (protect) limits, u16 mV (module voltages exceed 32767 mV, so they cannot be the signed type the
 * document gives "system parameters"); discharge high- and low-temperature limits, s16 0.1 K; discharge current limit,
 * s16 0.1 A, negative.
 *
 * <p>Current scale: the document says "transmission value × 100" mA, i.e. 0.1 A units; a US5000 rated ±100 A sends
 * 0x03E8 / 0xFC18 (python-pylontech issue #31). [TOM] forgets to skip INFOFLAG and [FHEM] negates the discharge limit
 * as 65535 − raw (off by 0.1 A); this decoder does neither. Observed on a US2000B-Plus (Tomcat42): 3.65 / 3.05 / 2.90 V,
 * 61.0 / −11.0 °C, 102.0 A, 54.0 / 46.0 / 44.5 V, 61.0 / −11.0 °C, −100.0 A.
 *
 * @param address                              ADR, 0 to 255
 * @param infoFlag                             INFOFLAG
 * @param cellHighVoltageLimitMilliVolts       cell high-voltage limit, mV
 * @param cellLowVoltageLimitMilliVolts        cell low-voltage (alarm) limit, mV
 * @param cellUnderVoltageLimitMilliVolts      cell under-voltage (protect) limit, mV
 * @param chargeHighTemperatureLimitDeciKelvin charge high-temperature limit, 0.1 K
 * @param chargeLowTemperatureLimitDeciKelvin  charge low-temperature limit, 0.1 K
 * @param chargeCurrentLimitDeciAmps           charge current limit, 0.1 A
 * @param moduleHighVoltageLimitMilliVolts     module high-voltage limit, mV, unsigned
 * @param moduleLowVoltageLimitMilliVolts      module low-voltage (alarm) limit, mV, unsigned
 * @param moduleUnderVoltageLimitMilliVolts    module under-voltage (protect) limit, mV, unsigned
 * @param dischargeHighTemperatureLimitDeciKelvin discharge high-temperature limit, 0.1 K
 * @param dischargeLowTemperatureLimitDeciKelvin  discharge low-temperature limit, 0.1 K
 * @param dischargeCurrentLimitDeciAmps        discharge current limit, 0.1 A, negative as on the wire
 */
public record SystemParameters(int address, InfoFlag infoFlag, int cellHighVoltageLimitMilliVolts,
        int cellLowVoltageLimitMilliVolts, int cellUnderVoltageLimitMilliVolts, int chargeHighTemperatureLimitDeciKelvin,
        int chargeLowTemperatureLimitDeciKelvin, int chargeCurrentLimitDeciAmps, int moduleHighVoltageLimitMilliVolts,
        int moduleLowVoltageLimitMilliVolts, int moduleUnderVoltageLimitMilliVolts,
        int dischargeHighTemperatureLimitDeciKelvin, int dischargeLowTemperatureLimitDeciKelvin,
        int dischargeCurrentLimitDeciAmps) implements Rs485Response {

    /**
     * Checks the fields.
     *
     * @param address                                 ADR, 0 to 255
     * @param infoFlag                                INFOFLAG
     * @param cellHighVoltageLimitMilliVolts          cell high-voltage limit, mV
     * @param cellLowVoltageLimitMilliVolts           cell low-voltage (alarm) limit, mV
     * @param cellUnderVoltageLimitMilliVolts         cell under-voltage (protect) limit, mV
     * @param chargeHighTemperatureLimitDeciKelvin    charge high-temperature limit, 0.1 K
     * @param chargeLowTemperatureLimitDeciKelvin     charge low-temperature limit, 0.1 K
     * @param chargeCurrentLimitDeciAmps              charge current limit, 0.1 A
     * @param moduleHighVoltageLimitMilliVolts        module high-voltage limit, mV, unsigned
     * @param moduleLowVoltageLimitMilliVolts         module low-voltage (alarm) limit, mV, unsigned
     * @param moduleUnderVoltageLimitMilliVolts       module under-voltage (protect) limit, mV, unsigned
     * @param dischargeHighTemperatureLimitDeciKelvin discharge high-temperature limit, 0.1 K
     * @param dischargeLowTemperatureLimitDeciKelvin  discharge low-temperature limit, 0.1 K
     * @param dischargeCurrentLimitDeciAmps           discharge current limit, 0.1 A, negative as on the wire
     *
     * @throws IllegalArgumentException if a field is out of its range
     * @throws NullPointerException     if {@code infoFlag} is null
     */
    public SystemParameters {
        Check.u8("address", address);
        Objects.requireNonNull(infoFlag, "infoFlag");
        Check.s16("cellHighVoltageLimitMilliVolts", cellHighVoltageLimitMilliVolts);
        Check.s16("cellLowVoltageLimitMilliVolts", cellLowVoltageLimitMilliVolts);
        Check.s16("cellUnderVoltageLimitMilliVolts", cellUnderVoltageLimitMilliVolts);
        Check.s16("chargeHighTemperatureLimitDeciKelvin", chargeHighTemperatureLimitDeciKelvin);
        Check.s16("chargeLowTemperatureLimitDeciKelvin", chargeLowTemperatureLimitDeciKelvin);
        Check.s16("chargeCurrentLimitDeciAmps", chargeCurrentLimitDeciAmps);
        Check.u16("moduleHighVoltageLimitMilliVolts", moduleHighVoltageLimitMilliVolts);
        Check.u16("moduleLowVoltageLimitMilliVolts", moduleLowVoltageLimitMilliVolts);
        Check.u16("moduleUnderVoltageLimitMilliVolts", moduleUnderVoltageLimitMilliVolts);
        Check.s16("dischargeHighTemperatureLimitDeciKelvin", dischargeHighTemperatureLimitDeciKelvin);
        Check.s16("dischargeLowTemperatureLimitDeciKelvin", dischargeLowTemperatureLimitDeciKelvin);
        Check.s16("dischargeCurrentLimitDeciAmps", dischargeCurrentLimitDeciAmps);
    }

    /** {@return the cell high-voltage limit in V} */
    public double cellHighVoltageLimitVolts() {
        return Units.milli(cellHighVoltageLimitMilliVolts);
    }

    /** {@return the cell low-voltage (alarm) limit in V} */
    public double cellLowVoltageLimitVolts() {
        return Units.milli(cellLowVoltageLimitMilliVolts);
    }

    /** {@return the cell under-voltage (protect) limit in V} */
    public double cellUnderVoltageLimitVolts() {
        return Units.milli(cellUnderVoltageLimitMilliVolts);
    }

    /** {@return the charge high-temperature limit in °C} */
    public double chargeHighTemperatureLimitCelsius() {
        return Units.celsius(chargeHighTemperatureLimitDeciKelvin);
    }

    /** {@return the charge low-temperature limit in °C} */
    public double chargeLowTemperatureLimitCelsius() {
        return Units.celsius(chargeLowTemperatureLimitDeciKelvin);
    }

    /** {@return the charge current limit in A} */
    public double chargeCurrentLimitAmps() {
        return Units.deci(chargeCurrentLimitDeciAmps);
    }

    /** {@return the module high-voltage limit in V} */
    public double moduleHighVoltageLimitVolts() {
        return Units.milli(moduleHighVoltageLimitMilliVolts);
    }

    /** {@return the module low-voltage (alarm) limit in V} */
    public double moduleLowVoltageLimitVolts() {
        return Units.milli(moduleLowVoltageLimitMilliVolts);
    }

    /** {@return the module under-voltage (protect) limit in V} */
    public double moduleUnderVoltageLimitVolts() {
        return Units.milli(moduleUnderVoltageLimitMilliVolts);
    }

    /** {@return the discharge high-temperature limit in °C} */
    public double dischargeHighTemperatureLimitCelsius() {
        return Units.celsius(dischargeHighTemperatureLimitDeciKelvin);
    }

    /** {@return the discharge low-temperature limit in °C} */
    public double dischargeLowTemperatureLimitCelsius() {
        return Units.celsius(dischargeLowTemperatureLimitDeciKelvin);
    }

    /** {@return the discharge current limit in A, negative as on the wire} */
    public double dischargeCurrentLimitAmps() {
        return Units.deci(dischargeCurrentLimitDeciAmps);
    }

    @Override
    public Command command() {
        return Command.SYSTEM_PARAMETERS;
    }

    @Override
    public byte[] encodeInfo() {
        return new InfoWriter(25).u8(infoFlag.value()).u16(cellHighVoltageLimitMilliVolts)
                .u16(cellLowVoltageLimitMilliVolts).u16(cellUnderVoltageLimitMilliVolts)
                .u16(chargeHighTemperatureLimitDeciKelvin).u16(chargeLowTemperatureLimitDeciKelvin)
                .u16(chargeCurrentLimitDeciAmps).u16(moduleHighVoltageLimitMilliVolts)
                .u16(moduleLowVoltageLimitMilliVolts).u16(moduleUnderVoltageLimitMilliVolts)
                .u16(dischargeHighTemperatureLimitDeciKelvin).u16(dischargeLowTemperatureLimitDeciKelvin)
                .u16(dischargeCurrentLimitDeciAmps).toArray();
    }

    static SystemParameters decode(Rs485Frame frame) {
        InfoReader r = new InfoReader(frame, Command.SYSTEM_PARAMETERS);
        return new SystemParameters(frame.address(), InfoFlag.of(r.u8()), r.s16(), r.s16(), r.s16(), r.s16(),
                r.s16(), r.s16(), r.u16(), r.u16(), r.u16(), r.s16(), r.s16(), r.s16());
    }
}
