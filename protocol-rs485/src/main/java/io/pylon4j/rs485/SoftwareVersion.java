package io.pylon4j.rs485;

/**
 * The reply to 0x96 get software version ([R485-33] §3.10; docs/protocol.md §2.5.10).
 *
 * <p>INFO (6 bytes, no INFOFLAG): command value (1), manufacturer version (2), main-line version (3), high byte first.
 * Observed on a US2000B-Plus: 02 03 and 00 06 05, shown as "2.3" and "0.6.5" (one number per byte, as [FHEM] does).
 *
 * @param address             ADR, 0 to 255
 * @param commandValue        the command value echoed (the module's address), 0 to 255
 * @param manufacturerVersion the 2-byte manufacturer version, 0 to 0xFFFF
 * @param mainlineVersion     the 3-byte main-line version, 0 to 0xFFFFFF
 */
public record SoftwareVersion(int address, int commandValue, int manufacturerVersion, int mainlineVersion)
        implements Rs485Response {

    /**
     * Checks the fields.
     *
     * @param address             ADR, 0 to 255
     * @param commandValue        the command value echoed (the module's address), 0 to 255
     * @param manufacturerVersion the 2-byte manufacturer version, 0 to 0xFFFF
     * @param mainlineVersion     the 3-byte main-line version, 0 to 0xFFFFFF
     *
     * @throws IllegalArgumentException if a field is out of range
     */
    public SoftwareVersion {
        Check.u8("address", address);
        Check.u8("commandValue", commandValue);
        Check.u16("manufacturerVersion", manufacturerVersion);
        Check.u24("mainlineVersion", mainlineVersion);
    }

    /** {@return the manufacturer version, one number per byte: {@code "2.3"}} */
    public String manufacturerVersionText() {
        return (manufacturerVersion >> 8) + "." + (manufacturerVersion & 0xFF);
    }

    /** {@return the main-line version, one number per byte: {@code "0.6.5"}} */
    public String mainlineVersionText() {
        return (mainlineVersion >> 16) + "." + ((mainlineVersion >> 8) & 0xFF) + "." + (mainlineVersion & 0xFF);
    }

    @Override
    public Command command() {
        return Command.SOFTWARE_VERSION;
    }

    @Override
    public byte[] encodeInfo() {
        return new InfoWriter(6).u8(commandValue).u16(manufacturerVersion).u24(mainlineVersion).toArray();
    }

    static SoftwareVersion decode(Rs485Frame frame) {
        InfoReader r = new InfoReader(frame, Command.SOFTWARE_VERSION);
        return new SoftwareVersion(frame.address(), r.u8(), r.u16(), r.u24());
    }
}
