package io.pylon4j.rs485;

/**
 * 0x90 get pack quantity, RS232 V2.8 only ([R232-28] §3.2; docs/protocol.md §2.5.11), answered by {@link PackQuantity}.
 *
 * <p>INFO: empty. Decoding ignores any INFO a tool sends anyway (docs/protocol.md §2.3), so such a frame re-encodes without it.
 *
 * @param address ADR, 0 to 255
 */
public record PackQuantityRequest(int address) implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address ADR, 0 to 255
     *
     * @throws IllegalArgumentException if {@code address} is not a byte
     */
    public PackQuantityRequest {
        Check.u8("address", address);
    }

    @Override
    public Command command() {
        return Command.PACK_QUANTITY;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[0];
    }
}
