package io.pylon4j.rs485;

/**
 * 0x47 get system parameters ([R485-33] §3.4; docs/protocol.md §2.5.5), answered by {@link SystemParameters}. The document has an empty INFO; batteries also answer INFO = ADR ([FHEM]) or {@code 0000} ([TOM]).
 *
 * <p>INFO: empty. Decoding ignores any INFO a tool sends anyway (docs/protocol.md §2.3), so such a frame re-encodes without it.
 *
 * @param address ADR, 0 to 255
 */
public record SystemParametersRequest(int address) implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address ADR, 0 to 255
     *
     * @throws IllegalArgumentException if {@code address} is not a byte
     */
    public SystemParametersRequest {
        Check.u8("address", address);
    }

    @Override
    public Command command() {
        return Command.SYSTEM_PARAMETERS;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[0];
    }
}
