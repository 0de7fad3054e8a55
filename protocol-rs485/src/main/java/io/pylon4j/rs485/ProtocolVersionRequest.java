package io.pylon4j.rs485;

/**
 * 0x4F get protocol version ([R485-33] §3.1; docs/protocol.md §2.5.1). The answer is the reply's VER, see {@link ProtocolVersion}; the request's own VER is arbitrary and ignored by the battery (FHEM sends 0x00, see {@link Rs485Request#toFrame(int)}).
 *
 * <p>INFO: empty. Decoding ignores any INFO a tool sends anyway (docs/protocol.md §2.3), so such a frame re-encodes without it.
 *
 * @param address ADR, 0 to 255
 */
public record ProtocolVersionRequest(int address) implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address ADR, 0 to 255
     *
     * @throws IllegalArgumentException if {@code address} is not a byte
     */
    public ProtocolVersionRequest {
        Check.u8("address", address);
    }

    @Override
    public Command command() {
        return Command.PROTOCOL_VERSION;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[0];
    }
}
