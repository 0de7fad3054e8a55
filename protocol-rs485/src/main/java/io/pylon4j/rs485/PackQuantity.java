package io.pylon4j.rs485;

/**
 * The reply to 0x90 get pack quantity, RS232 V2.8 only ([R232-28] §3.2; docs/protocol.md §2.3, §2.5.11).
 *
 * <p>INFO (1 byte): the number of packs.
 *
 * @param address   ADR, 0 to 255
 * @param packCount the number of packs, 0 to 255
 */
public record PackQuantity(int address, int packCount) implements Rs485Response {

    /**
     * Checks the fields.
     *
     * @param address   ADR, 0 to 255
     * @param packCount the number of packs, 0 to 255
     *
     * @throws IllegalArgumentException if a field is not a byte
     */
    public PackQuantity {
        Check.u8("address", address);
        Check.u8("packCount", packCount);
    }

    @Override
    public Command command() {
        return Command.PACK_QUANTITY;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[] {(byte) packCount};
    }

    static PackQuantity decode(Rs485Frame frame) {
        return new PackQuantity(frame.address(), new InfoReader(frame, Command.PACK_QUANTITY).u8());
    }
}
