package io.pylon4j.rs485;

/**
 * 0x94 set charge/discharge management info, a <b>control command</b> ([R485-33] §3.8; [R232-28] §3.11; docs/protocol.md
 * §2.5.8), answered by an {@link Acknowledgement}.
 *
 * <p>It overrides the battery's own charge and discharge limits. The battery keeps the values only while the
 * command is repeated: without a new one within 10 s it returns to its own. Pylontech asks integrators to consult
 * them before using it, and no public capture of its use exists. This library encodes it only when a caller builds
 * one, and never sends it on its own.
 *
 * <p>INFO (9 bytes): command value (ADR), charge voltage limit u16 mV, discharge voltage limit u16 mV, charge current
 * limit s16 0.1 A, discharge current limit s16 0.1 A — the scaling and signs of the 0x92 reply (negative discharge
 * current, as [ROB] sends it).
 *
 * @param address                        ADR, 0 to 255
 * @param commandValue                   the INFO command value (ADR), 0 to 255
 * @param chargeVoltageLimitMilliVolts   charge voltage limit in mV, 0 to 65535
 * @param dischargeVoltageLimitMilliVolts discharge voltage limit in mV, 0 to 65535
 * @param chargeCurrentLimitDeciAmps     maximum charge current in 0.1 A, -32768 to 32767
 * @param dischargeCurrentLimitDeciAmps  maximum discharge current in 0.1 A, negative, -32768 to 32767
 */
public record SetChargeDischargeManagementRequest(int address, int commandValue, int chargeVoltageLimitMilliVolts,
        int dischargeVoltageLimitMilliVolts, int chargeCurrentLimitDeciAmps, int dischargeCurrentLimitDeciAmps)
        implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address                         ADR, 0 to 255
     * @param commandValue                    the INFO command value (ADR), 0 to 255
     * @param chargeVoltageLimitMilliVolts    charge voltage limit in mV, 0 to 65535
     * @param dischargeVoltageLimitMilliVolts discharge voltage limit in mV, 0 to 65535
     * @param chargeCurrentLimitDeciAmps      maximum charge current in 0.1 A, -32768 to 32767
     * @param dischargeCurrentLimitDeciAmps   maximum discharge current in 0.1 A, negative, -32768 to 32767
     *
     * @throws IllegalArgumentException if a field is out of its range
     */
    public SetChargeDischargeManagementRequest {
        Check.u8("address", address);
        Check.u8("commandValue", commandValue);
        Check.u16("chargeVoltageLimitMilliVolts", chargeVoltageLimitMilliVolts);
        Check.u16("dischargeVoltageLimitMilliVolts", dischargeVoltageLimitMilliVolts);
        Check.s16("chargeCurrentLimitDeciAmps", chargeCurrentLimitDeciAmps);
        Check.s16("dischargeCurrentLimitDeciAmps", dischargeCurrentLimitDeciAmps);
    }

    @Override
    public Command command() {
        return Command.SET_CHARGE_DISCHARGE_MANAGEMENT;
    }

    @Override
    public byte[] encodeInfo() {
        return new InfoWriter(9).u8(commandValue).u16(chargeVoltageLimitMilliVolts)
                .u16(dischargeVoltageLimitMilliVolts).u16(chargeCurrentLimitDeciAmps).u16(dischargeCurrentLimitDeciAmps)
                .toArray();
    }

    static SetChargeDischargeManagementRequest decode(Rs485Frame frame) {
        InfoReader r = new InfoReader(frame, Command.SET_CHARGE_DISCHARGE_MANAGEMENT);
        return new SetChargeDischargeManagementRequest(frame.address(), r.u8(), r.u16(), r.u16(), r.s16(), r.s16());
    }
}
