package io.pylon4j.rs485;

/**
 * 0x44 get alarm info ([R485-33] §3.5; docs/protocol.md §2.5.4), answered by {@link AlarmInfo}.
 *
 * <p>INFO: the 1-byte command value, the module's own address for a single module ([R485-33] §2.5.3; every real tool
 * sends INFO = ADR). 0xFF asks a group's master for every module. Decoding reads the first INFO byte and ignores any after it (Tomcat42 sends
 * {@code <ADR><index>}, docs/protocol.md §2.3).
 *
 * @param address      ADR, 0 to 255
 * @param commandValue the INFO command value, 0 to 255
 */
public record AlarmInfoRequest(int address, int commandValue) implements Rs485Request {

    /**
     * Checks the fields.
     *
     * @param address      ADR, 0 to 255
     * @param commandValue the INFO command value, 0 to 255
     *
     * @throws IllegalArgumentException if a field is not a byte
     */
    public AlarmInfoRequest {
        Check.u8("address", address);
        Check.u8("commandValue", commandValue);
    }

    /**
     * {@return the query of the single module at {@code address}, with command value = ADR}
     *
     * @param address ADR of the module asked, 0 to 255 (see {@link Rs485Address#of(int, int)})
     * @throws IllegalArgumentException if {@code address} is not a byte
     */
    public static AlarmInfoRequest of(int address) {
        return new AlarmInfoRequest(address, address);
    }

    /**
     * {@return the whole-stack query of group {@code group}: sent to the group's master with command value 0xFF,
     * answered by one frame for every module (docs/protocol.md §2.3)}
     *
     * @param group the group behind an LV-Hub, 0 to 7; 0 for a bank without a hub
     * @throws IllegalArgumentException if {@code group} is not 0 to 7
     */
    public static AlarmInfoRequest wholeStack(int group) {
        return new AlarmInfoRequest(Rs485Address.master(group), Rs485Address.WHOLE_STACK);
    }

    /** {@return whether this is a whole-stack query (command value 0xFF)} */
    public boolean isWholeStack() {
        return ModuleBlockReply.isWholeStack(commandValue);
    }

    @Override
    public Command command() {
        return Command.ALARM_INFO;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[] {(byte) commandValue};
    }

    static AlarmInfoRequest decode(Rs485Frame frame) {
        return new AlarmInfoRequest(frame.address(), new InfoReader(frame, Command.ALARM_INFO).u8());
    }
}
