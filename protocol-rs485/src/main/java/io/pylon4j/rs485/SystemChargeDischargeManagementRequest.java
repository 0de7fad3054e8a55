package io.pylon4j.rs485;

/**
 * 0x63 get system charge/discharge management info, answered by {@link SystemChargeDischargeManagement}. <b>Emulator layout</b>: no public Pylontech document describes 0x63; this follows the emulators of docs/protocol.md §2.5.12 ([BE-485], [AIR-INV-485]), which ignore the request's INFO.
 *
 * <p>INFO: empty. Decoding ignores any INFO a tool sends anyway (docs/protocol.md §2.3), so such a frame re-encodes without it.
 *
 * @param address ADR, 0 to 255
 */
public record SystemChargeDischargeManagementRequest(int address) implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address ADR, 0 to 255
     *
     * @throws IllegalArgumentException if {@code address} is not a byte
     */
    public SystemChargeDischargeManagementRequest {
        Check.u8("address", address);
    }

    @Override
    public Command command() {
        return Command.SYSTEM_CHARGE_DISCHARGE_MANAGEMENT;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[0];
    }
}
