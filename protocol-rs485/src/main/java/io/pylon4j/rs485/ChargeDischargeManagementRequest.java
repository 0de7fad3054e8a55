package io.pylon4j.rs485;

/**
 * 0x92 get charge/discharge management info ([R485-33] §3.6; docs/protocol.md §2.5.6), answered by {@link ChargeDischargeManagement}.
 *
 * <p>INFO: the 1-byte command value, the module's own address for a single module ([R485-33] §2.5.3; every real tool
 * sends INFO = ADR). Decoding reads the first INFO byte and ignores any after it (Tomcat42 sends
 * {@code <ADR><index>}, docs/protocol.md §2.3).
 *
 * @param address      ADR, 0 to 255
 * @param commandValue the INFO command value, 0 to 255
 */
public record ChargeDischargeManagementRequest(int address, int commandValue) implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address      ADR, 0 to 255
     * @param commandValue the INFO command value, 0 to 255
     *
     * @throws IllegalArgumentException if a field is not a byte
     */
    public ChargeDischargeManagementRequest {
        Check.u8("address", address);
        Check.u8("commandValue", commandValue);
    }

    /**
     * {@return the query of the single module at {@code address}, with command value = ADR}
     *
     * @param address ADR of the module asked, 0 to 255 (see {@link Rs485Address#of(int, int)})
     * @throws IllegalArgumentException if {@code address} is not a byte
     */
    public static ChargeDischargeManagementRequest of(int address) {
        return new ChargeDischargeManagementRequest(address, address);
    }

    @Override
    public Command command() {
        return Command.CHARGE_DISCHARGE_MANAGEMENT;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[] {(byte) commandValue};
    }

    static ChargeDischargeManagementRequest decode(Rs485Frame frame) {
        return new ChargeDischargeManagementRequest(frame.address(), new InfoReader(frame, Command.CHARGE_DISCHARGE_MANAGEMENT).u8());
    }
}
