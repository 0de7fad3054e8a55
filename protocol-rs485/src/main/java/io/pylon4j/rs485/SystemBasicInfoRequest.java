package io.pylon4j.rs485;

/**
 * 0x60 get system basic info, answered by {@link SystemBasicInfo}. <b>Emulator layout</b>: no public Pylontech document describes 0x60; this follows the one emulator of docs/protocol.md §2.5.12 that answers it ([AIR-INV-485]), unverified against a real battery.
 *
 * <p>INFO: empty. Decoding ignores any INFO a tool sends anyway (docs/protocol.md §2.3), so such a frame re-encodes without it.
 *
 * @param address ADR, 0 to 255
 */
public record SystemBasicInfoRequest(int address) implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address ADR, 0 to 255
     *
     * @throws IllegalArgumentException if {@code address} is not a byte
     */
    public SystemBasicInfoRequest {
        Check.u8("address", address);
    }

    @Override
    public Command command() {
        return Command.SYSTEM_BASIC_INFO;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[0];
    }
}
