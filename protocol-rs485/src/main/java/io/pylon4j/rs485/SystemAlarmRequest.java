package io.pylon4j.rs485;

/**
 * 0x62 get system alarm info, answered by {@link SystemAlarm}. <b>Emulator layout</b>: no public Pylontech document describes 0x62; this follows the emulators of docs/protocol.md §2.5.12 ([BE-485], [AIR-INV-485]), which ignore the request's INFO.
 *
 * <p>INFO: empty. Decoding ignores any INFO a tool sends anyway (docs/protocol.md §2.3), so such a frame re-encodes without it.
 *
 * @param address ADR, 0 to 255
 */
public record SystemAlarmRequest(int address) implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address ADR, 0 to 255
     *
     * @throws IllegalArgumentException if {@code address} is not a byte
     */
    public SystemAlarmRequest {
        Check.u8("address", address);
    }

    @Override
    public Command command() {
        return Command.SYSTEM_ALARM;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[0];
    }
}
