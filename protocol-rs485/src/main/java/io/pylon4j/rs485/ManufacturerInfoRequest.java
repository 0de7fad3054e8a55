package io.pylon4j.rs485;

/**
 * 0x51 get manufacturer info ([R485-33] §3.2; docs/protocol.md §2.5.2), answered by {@link ManufacturerInfo}. Every address answers with the first module's data.
 *
 * <p>INFO: empty. Decoding ignores any INFO a tool sends anyway (docs/protocol.md §2.3), so such a frame re-encodes without it.
 *
 * @param address ADR, 0 to 255
 */
public record ManufacturerInfoRequest(int address) implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address ADR, 0 to 255
     *
     * @throws IllegalArgumentException if {@code address} is not a byte
     */
    public ManufacturerInfoRequest {
        Check.u8("address", address);
    }

    @Override
    public Command command() {
        return Command.MANUFACTURER_INFO;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[0];
    }
}
