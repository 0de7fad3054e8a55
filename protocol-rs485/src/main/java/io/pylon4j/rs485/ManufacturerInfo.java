package io.pylon4j.rs485;

/**
 * The reply to 0x51 get manufacturer info ([R485-33] §3.2; docs/protocol.md §2.5.2). Every address answers with the first
 * module's data (a mixed stack of US5000 and US3000 answered "US5000" everywhere, [TOM]).
 *
 * <p>INFO (32 bytes, no INFOFLAG): device name, 10 bytes ASCII, NUL-padded; software version, 2 bytes; manufacturer
 * name, 20 bytes ASCII. Observed on a US2000B-Plus: "US2KBPL" + 3 NUL, 02 03, "Pylon" + 15 × '-' (Tomcat42). The
 * names are kept without their NUL padding and read as ISO-8859-1, so every byte round-trips.
 *
 * @param address          ADR, 0 to 255
 * @param deviceName       the device (battery) name, at most 10 characters, not ending with NUL
 * @param softwareVersion  the 2-byte software version, high byte first (0x0203 is shown as 2.3)
 * @param manufacturerName the manufacturer name, at most 20 characters, not ending with NUL
 */
public record ManufacturerInfo(int address, String deviceName, int softwareVersion, String manufacturerName)
        implements Rs485Response {

    /** The width of the device-name field in bytes. */
    public static final int DEVICE_NAME_LENGTH = 10;
    /** The width of the manufacturer-name field in bytes. */
    public static final int MANUFACTURER_NAME_LENGTH = 20;

    /**
     * Checks the fields.
     *
     * @param address          ADR, 0 to 255
     * @param deviceName       the device (battery) name, at most 10 characters, not ending with NUL
     * @param softwareVersion  the 2-byte software version, high byte first (0x0203 is shown as 2.3)
     * @param manufacturerName the manufacturer name, at most 20 characters, not ending with NUL
     *
     * @throws IllegalArgumentException if a field is out of range or a name does not fit its field
     */
    public ManufacturerInfo {
        Check.u8("address", address);
        Check.latin1("deviceName", deviceName, DEVICE_NAME_LENGTH);
        Check.u16("softwareVersion", softwareVersion);
        Check.latin1("manufacturerName", manufacturerName, MANUFACTURER_NAME_LENGTH);
    }

    /** {@return the software version as text, one number per byte: {@code "2.3"} for 0x0203} */
    public String softwareVersionText() {
        return (softwareVersion >> 8) + "." + (softwareVersion & 0xFF);
    }

    @Override
    public Command command() {
        return Command.MANUFACTURER_INFO;
    }

    @Override
    public byte[] encodeInfo() {
        return new InfoWriter(32).text(deviceName, DEVICE_NAME_LENGTH).u16(softwareVersion)
                .text(manufacturerName, MANUFACTURER_NAME_LENGTH).toArray();
    }

    static ManufacturerInfo decode(Rs485Frame frame) {
        InfoReader r = new InfoReader(frame, Command.MANUFACTURER_INFO);
        return new ManufacturerInfo(frame.address(), r.text(DEVICE_NAME_LENGTH), r.u16(),
                r.text(MANUFACTURER_NAME_LENGTH));
    }
}
