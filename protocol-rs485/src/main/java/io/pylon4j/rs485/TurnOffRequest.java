package io.pylon4j.rs485;

/**
 * 0x95 turn off module, a <b>control command</b> ([R485-33] §3.9; [R232-28] §3.12; docs/protocol.md §2.5.9), answered by an {@link Acknowledgement}. It switches a module off; this library encodes it only when a caller builds one, and never sends it on its own. [R232-28] says command value 0xFF (all modules) is not supported; no public capture of its use exists.
 *
 * <p>INFO: the 1-byte command value, the module's own address for a single module ([R485-33] §2.5.3; every real tool
 * sends INFO = ADR). Decoding reads the first INFO byte and ignores any after it (Tomcat42 sends
 * {@code <ADR><index>}, docs/protocol.md §2.3).
 *
 * @param address      ADR, 0 to 255
 * @param commandValue the INFO command value, 0 to 255
 */
public record TurnOffRequest(int address, int commandValue) implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address      ADR, 0 to 255
     * @param commandValue the INFO command value, 0 to 255
     *
     * @throws IllegalArgumentException if a field is not a byte
     */
    public TurnOffRequest {
        Check.u8("address", address);
        Check.u8("commandValue", commandValue);
    }

    /**
     * {@return the query of the single module at {@code address}, with command value = ADR}
     *
     * @param address ADR of the module asked, 0 to 255 (see {@link Rs485Address#of(int, int)})
     * @throws IllegalArgumentException if {@code address} is not a byte
     */
    public static TurnOffRequest of(int address) {
        return new TurnOffRequest(address, address);
    }

    @Override
    public Command command() {
        return Command.TURN_OFF;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[] {(byte) commandValue};
    }

    static TurnOffRequest decode(Rs485Frame frame) {
        return new TurnOffRequest(frame.address(), new InfoReader(frame, Command.TURN_OFF).u8());
    }
}
