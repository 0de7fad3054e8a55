package io.pylon4j.rs485;

/**
 * The reply to 0x63 get system charge/discharge management info, for the whole system.
 *
 * <p><b>Emulator layout.</b> No public Pylontech document describes 0x63 (a "V3.5" command that Deye/Sunsynk-type
 * inverters poll); this is the layout two independent battery emulators agree on, [BE-485] and [AIR-INV-485] (the
 * latter with its currents ×10 too large) (docs/protocol.md §2.5.12).
 *
 * <p>INFO (9 bytes, no INFOFLAG, no command value): charge voltage limit, u16 mV; discharge voltage limit, u16 mV;
 * maximum charge current, u16 0.1 A; maximum discharge current, u16 0.1 A (positive, unlike 0x92); status (1): bit 7
 * charge enable, bit 6 discharge enable, bit 5 force charge — 0x92's status without bits 4 and 3.
 *
 * @param address                         ADR, 0 to 255
 * @param chargeVoltageLimitMilliVolts    charge voltage limit in mV, 0 to 65535
 * @param dischargeVoltageLimitMilliVolts discharge voltage limit in mV, 0 to 65535
 * @param chargeCurrentLimitDeciAmps      maximum charge current in 0.1 A, 0 to 65535
 * @param dischargeCurrentLimitDeciAmps   maximum discharge current in 0.1 A, 0 to 65535
 * @param status                          the status byte, 0 to 255, undefined bits kept
 */
public record SystemChargeDischargeManagement(int address, int chargeVoltageLimitMilliVolts,
        int dischargeVoltageLimitMilliVolts, int chargeCurrentLimitDeciAmps, int dischargeCurrentLimitDeciAmps,
        int status) implements Rs485Response {

    /**
     * Checks the fields.
     *
     * @param address                         ADR, 0 to 255
     * @param chargeVoltageLimitMilliVolts    charge voltage limit in mV, 0 to 65535
     * @param dischargeVoltageLimitMilliVolts discharge voltage limit in mV, 0 to 65535
     * @param chargeCurrentLimitDeciAmps      maximum charge current in 0.1 A, 0 to 65535
     * @param dischargeCurrentLimitDeciAmps   maximum discharge current in 0.1 A, 0 to 65535
     * @param status                          the status byte, 0 to 255, undefined bits kept
     *
     * @throws IllegalArgumentException if a field is out of its range
     */
    public SystemChargeDischargeManagement {
        Check.u8("address", address);
        Check.u16("chargeVoltageLimitMilliVolts", chargeVoltageLimitMilliVolts);
        Check.u16("dischargeVoltageLimitMilliVolts", dischargeVoltageLimitMilliVolts);
        Check.u16("chargeCurrentLimitDeciAmps", chargeCurrentLimitDeciAmps);
        Check.u16("dischargeCurrentLimitDeciAmps", dischargeCurrentLimitDeciAmps);
        Check.u8("status", status);
    }

    /** {@return status bit 7: charging allowed} */
    public boolean chargeEnable() {
        return ManagementStatusFlag.CHARGE_ENABLE.isSetIn(status);
    }

    /** {@return status bit 6: discharging allowed} */
    public boolean dischargeEnable() {
        return ManagementStatusFlag.DISCHARGE_ENABLE.isSetIn(status);
    }

    /** {@return status bit 5: force charge} */
    public boolean forceCharge() {
        return ManagementStatusFlag.FORCE_CHARGE_I.isSetIn(status);
    }

    /** {@return the charge voltage limit in V} */
    public double chargeVoltageLimitVolts() {
        return Units.milli(chargeVoltageLimitMilliVolts);
    }

    /** {@return the discharge voltage limit in V} */
    public double dischargeVoltageLimitVolts() {
        return Units.milli(dischargeVoltageLimitMilliVolts);
    }

    /** {@return the maximum charge current in A} */
    public double chargeCurrentLimitAmps() {
        return Units.deci(chargeCurrentLimitDeciAmps);
    }

    /** {@return the maximum discharge current in A (positive)} */
    public double dischargeCurrentLimitAmps() {
        return Units.deci(dischargeCurrentLimitDeciAmps);
    }

    @Override
    public Command command() {
        return Command.SYSTEM_CHARGE_DISCHARGE_MANAGEMENT;
    }

    @Override
    public byte[] encodeInfo() {
        return new InfoWriter(9).u16(chargeVoltageLimitMilliVolts).u16(dischargeVoltageLimitMilliVolts)
                .u16(chargeCurrentLimitDeciAmps).u16(dischargeCurrentLimitDeciAmps).u8(status).toArray();
    }

    static SystemChargeDischargeManagement decode(Rs485Frame frame) {
        InfoReader r = new InfoReader(frame, Command.SYSTEM_CHARGE_DISCHARGE_MANAGEMENT);
        return new SystemChargeDischargeManagement(frame.address(), r.u16(), r.u16(), r.u16(), r.u16(), r.u8());
    }
}
