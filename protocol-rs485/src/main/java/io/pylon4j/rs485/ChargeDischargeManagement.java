package io.pylon4j.rs485;

import java.util.Set;

/**
 * The reply to 0x92 get charge/discharge management info: the limits an inverter should apply
 * ([R485-33] §3.6; docs/protocol.md §2.5.6).
 *
 * <p>INFO (10 bytes, no INFOFLAG): command value (1); charge voltage limit, u16 mV; discharge voltage limit, u16 mV;
 * charge current limit, s16 0.1 A; discharge current limit, s16 0.1 A (negative in every capture: the sign is kept as
 * on the wire, unlike CAN 0x351); status (1), see {@link ManagementStatusFlag}. Worked example 2 of docs/protocol.md §2.2,
 * a US2000B-Plus: {@code 02 D002 B798 00FA FF06 C0} = 53.25 V, 47.0 V, 25.0 A, −25.0 A, charge and discharge enabled.
 *
 * @param address                         ADR, 0 to 255
 * @param commandValue                    the command value echoed (the module's address), 0 to 255
 * @param chargeVoltageLimitMilliVolts    charge voltage limit in mV, 0 to 65535
 * @param dischargeVoltageLimitMilliVolts discharge voltage limit in mV, 0 to 65535
 * @param chargeCurrentLimitDeciAmps      charge current limit in 0.1 A, -32768 to 32767
 * @param dischargeCurrentLimitDeciAmps   discharge current limit in 0.1 A, negative as on the wire
 * @param status                          the status byte, 0 to 255, reserved bits kept
 */
public record ChargeDischargeManagement(int address, int commandValue, int chargeVoltageLimitMilliVolts,
        int dischargeVoltageLimitMilliVolts, int chargeCurrentLimitDeciAmps, int dischargeCurrentLimitDeciAmps,
        int status) implements Rs485Response {

    /**
     * Checks the fields.
     *
     * @param address                         ADR, 0 to 255
     * @param commandValue                    the command value echoed (the module's address), 0 to 255
     * @param chargeVoltageLimitMilliVolts    charge voltage limit in mV, 0 to 65535
     * @param dischargeVoltageLimitMilliVolts discharge voltage limit in mV, 0 to 65535
     * @param chargeCurrentLimitDeciAmps      charge current limit in 0.1 A, -32768 to 32767
     * @param dischargeCurrentLimitDeciAmps   discharge current limit in 0.1 A, negative as on the wire
     * @param status                          the status byte, 0 to 255, reserved bits kept
     *
     * @throws IllegalArgumentException if a field is out of its range
     */
    public ChargeDischargeManagement {
        Check.u8("address", address);
        Check.u8("commandValue", commandValue);
        Check.u16("chargeVoltageLimitMilliVolts", chargeVoltageLimitMilliVolts);
        Check.u16("dischargeVoltageLimitMilliVolts", dischargeVoltageLimitMilliVolts);
        Check.s16("chargeCurrentLimitDeciAmps", chargeCurrentLimitDeciAmps);
        Check.s16("dischargeCurrentLimitDeciAmps", dischargeCurrentLimitDeciAmps);
        Check.u8("status", status);
    }

    /** {@return the status flags set} */
    public Set<ManagementStatusFlag> flags() {
        return ManagementStatusFlag.setIn(status);
    }

    /** {@return status bit 7: charging allowed} */
    public boolean chargeEnable() {
        return ManagementStatusFlag.CHARGE_ENABLE.isSetIn(status);
    }

    /** {@return status bit 6: discharging allowed} */
    public boolean dischargeEnable() {
        return ManagementStatusFlag.DISCHARGE_ENABLE.isSetIn(status);
    }

    /** {@return status bit 5: charge immediately 1} */
    public boolean forceChargeI() {
        return ManagementStatusFlag.FORCE_CHARGE_I.isSetIn(status);
    }

    /** {@return status bit 4: charge immediately 2} */
    public boolean forceChargeII() {
        return ManagementStatusFlag.FORCE_CHARGE_II.isSetIn(status);
    }

    /** {@return status bit 3: full-charge request} */
    public boolean fullChargeRequest() {
        return ManagementStatusFlag.FULL_CHARGE_REQUEST.isSetIn(status);
    }

    /** {@return the charge voltage limit in V} */
    public double chargeVoltageLimitVolts() {
        return Units.milli(chargeVoltageLimitMilliVolts);
    }

    /** {@return the discharge voltage limit in V} */
    public double dischargeVoltageLimitVolts() {
        return Units.milli(dischargeVoltageLimitMilliVolts);
    }

    /** {@return the charge current limit in A} */
    public double chargeCurrentLimitAmps() {
        return Units.deci(chargeCurrentLimitDeciAmps);
    }

    /** {@return the discharge current limit in A, negative as on the wire} */
    public double dischargeCurrentLimitAmps() {
        return Units.deci(dischargeCurrentLimitDeciAmps);
    }

    @Override
    public Command command() {
        return Command.CHARGE_DISCHARGE_MANAGEMENT;
    }

    @Override
    public byte[] encodeInfo() {
        return new InfoWriter(10).u8(commandValue).u16(chargeVoltageLimitMilliVolts)
                .u16(dischargeVoltageLimitMilliVolts).u16(chargeCurrentLimitDeciAmps)
                .u16(dischargeCurrentLimitDeciAmps).u8(status).toArray();
    }

    static ChargeDischargeManagement decode(Rs485Frame frame) {
        InfoReader r = new InfoReader(frame, Command.CHARGE_DISCHARGE_MANAGEMENT);
        return new ChargeDischargeManagement(frame.address(), r.u8(), r.u16(), r.u16(), r.s16(), r.s16(), r.u8());
    }
}
