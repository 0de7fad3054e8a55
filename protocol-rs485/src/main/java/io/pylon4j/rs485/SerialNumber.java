package io.pylon4j.rs485;

/**
 * The reply to 0x93 get module serial number ([R485-33] §3.7; docs/protocol.md §2.5.7).
 *
 * <p>INFO (17 bytes, no INFOFLAG): command value (1), serial number, 16 bytes ASCII. The serial number is kept
 * without trailing NUL padding and read as ISO-8859-1, so every byte round-trips.
 *
 * @param address      ADR, 0 to 255
 * @param commandValue the command value echoed (the module's address), 0 to 255
 * @param serialNumber the serial number, at most 16 characters, not ending with NUL
 */
public record SerialNumber(int address, int commandValue, String serialNumber) implements Rs485Response {

    /** The width of the serial-number field in bytes. */
    public static final int LENGTH = 16;

    /**
     * Checks the fields.
     *
     * @param address      ADR, 0 to 255
     * @param commandValue the command value echoed (the module's address), 0 to 255
     * @param serialNumber the serial number, at most 16 characters, not ending with NUL
     *
     * @throws IllegalArgumentException if a field is out of range or the serial number does not fit
     */
    public SerialNumber {
        Check.u8("address", address);
        Check.u8("commandValue", commandValue);
        Check.latin1("serialNumber", serialNumber, LENGTH);
    }

    @Override
    public Command command() {
        return Command.SERIAL_NUMBER;
    }

    @Override
    public byte[] encodeInfo() {
        return new InfoWriter(1 + LENGTH).u8(commandValue).text(serialNumber, LENGTH).toArray();
    }

    static SerialNumber decode(Rs485Frame frame) {
        InfoReader r = new InfoReader(frame, Command.SERIAL_NUMBER);
        return new SerialNumber(frame.address(), r.u8(), r.text(LENGTH));
    }
}
