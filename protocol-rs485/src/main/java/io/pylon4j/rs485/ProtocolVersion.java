package io.pylon4j.rs485;

/**
 * The reply to 0x4F get protocol version ([R485-33] §3.1; docs/protocol.md §2.5.1): INFO is empty (LENID 0) and the answer is the
 * reply's own VER. Every battery seen answers 0x20 (worked example 3, {@code ~200246000000FDB2}); [R485-33] says a V2.1
 * battery would answer 0x21. {@link #toFrame()} therefore writes {@link #version()} as VER.
 *
 * @param address ADR, 0 to 255
 * @param version the protocol version, the reply's VER: high nibble major, low nibble minor (0x20 = 2.0)
 */
public record ProtocolVersion(int address, int version) implements Rs485Response {

    /**
     * Checks the fields.
     *
     * @param address ADR, 0 to 255
     * @param version the protocol version, the reply's VER: high nibble major, low nibble minor (0x20 = 2.0)
     *
     * @throws IllegalArgumentException if a field is not a byte
     */
    public ProtocolVersion {
        Check.u8("address", address);
        Check.u8("version", version);
    }

    /** {@return the version as text, major.minor from the two nibbles: {@code "2.0"} for 0x20} */
    public String versionText() {
        return (version >> 4) + "." + (version & 0xF);
    }

    @Override
    public Command command() {
        return Command.PROTOCOL_VERSION;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[0];
    }

    /** The reply as a frame with VER = {@link #version()}. */
    @Override
    public Rs485Frame toFrame() {
        return new Rs485Frame(version, address, Command.CID1, ReturnCode.NORMAL.code(), new byte[0]);
    }

    static ProtocolVersion decode(Rs485Frame frame) {
        return new ProtocolVersion(frame.address(), frame.version());
    }
}
