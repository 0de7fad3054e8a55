package io.pylon4j.rs485;

import java.util.List;

/**
 * The reply to 0x60 get system basic info: the system's name, manufacturer, software version and each module's
 * serial number.
 *
 * <p><b>Emulator layout, unverified.</b> No public Pylontech document describes 0x60; this is the layout of the one
 * emulator in docs/protocol.md §2.5.12 that answers it ([AIR-INV-485]), not checked against a real battery.
 *
 * <p>INFO (33 + 16·n bytes, no INFOFLAG): device name, 10 bytes ASCII, NUL-padded; manufacturer name, 20 bytes
 * ASCII; software version, 2 bytes; module count n, 1 byte; then each module's serial number, 16 bytes ASCII. The
 * texts are kept without their NUL padding and read as ISO-8859-1, as in {@link ManufacturerInfo}.
 *
 * @param address          ADR, 0 to 255
 * @param deviceName       the system (battery) name, at most 10 characters, not ending with NUL
 * @param manufacturerName the manufacturer name, at most 20 characters, not ending with NUL
 * @param softwareVersion  the 2-byte software version, high byte first
 * @param serialNumbers    each module's serial number, at most 16 characters each, not ending with NUL; the module
 *                         count is their number, at most {@value #MAX_MODULES}
 */
public record SystemBasicInfo(int address, String deviceName, String manufacturerName, int softwareVersion,
        List<String> serialNumbers) implements Rs485Response {

    /**
     * The most modules one reply holds: the count is one byte, and 33 + 16·n bytes must fit INFO's
     * {@value Rs485Frame#MAX_INFO_BYTES} bytes.
     */
    public static final int MAX_MODULES = (Rs485Frame.MAX_INFO_BYTES - 33) / SerialNumber.LENGTH;

    /**
     * Checks the fields and copies the list.
     *
     * @param address          ADR, 0 to 255
     * @param deviceName       the system (battery) name, at most 10 characters, not ending with NUL
     * @param manufacturerName the manufacturer name, at most 20 characters, not ending with NUL
     * @param softwareVersion  the 2-byte software version, high byte first
     * @param serialNumbers    each module's serial number, at most 16 characters each, not ending with NUL
     *
     * @throws IllegalArgumentException if a field is out of range, a text does not fit its field or there are more
     *                                  than {@value #MAX_MODULES} modules
     */
    public SystemBasicInfo {
        Check.u8("address", address);
        Check.latin1("deviceName", deviceName, ManufacturerInfo.DEVICE_NAME_LENGTH);
        Check.latin1("manufacturerName", manufacturerName, ManufacturerInfo.MANUFACTURER_NAME_LENGTH);
        Check.u16("softwareVersion", softwareVersion);
        serialNumbers = List.copyOf(Check.notNull("serialNumbers", serialNumbers));
        if (serialNumbers.size() > MAX_MODULES) {
            throw new IllegalArgumentException(serialNumbers.size() + " modules; one reply holds at most "
                    + MAX_MODULES);
        }
        for (String s : serialNumbers) {
            Check.latin1("serialNumber", s, SerialNumber.LENGTH);
        }
    }

    /** {@return the module count the reply states: the number of serial numbers} */
    public int moduleCount() {
        return serialNumbers.size();
    }

    @Override
    public Command command() {
        return Command.SYSTEM_BASIC_INFO;
    }

    @Override
    public byte[] encodeInfo() {
        InfoWriter w = new InfoWriter(33 + SerialNumber.LENGTH * serialNumbers.size())
                .text(deviceName, ManufacturerInfo.DEVICE_NAME_LENGTH)
                .text(manufacturerName, ManufacturerInfo.MANUFACTURER_NAME_LENGTH)
                .u16(softwareVersion).u8(serialNumbers.size());
        for (String s : serialNumbers) {
            w.text(s, SerialNumber.LENGTH);
        }
        return w.toArray();
    }

    static SystemBasicInfo decode(Rs485Frame frame) {
        InfoReader r = new InfoReader(frame, Command.SYSTEM_BASIC_INFO);
        String name = r.text(ManufacturerInfo.DEVICE_NAME_LENGTH);
        String manufacturer = r.text(ManufacturerInfo.MANUFACTURER_NAME_LENGTH);
        int version = r.u16();
        int count = r.u8();
        String[] serials = new String[count]; // at most 255, and each one read is checked against INFO's length
        for (int i = 0; i < count; i++) {
            serials[i] = r.text(SerialNumber.LENGTH);
        }
        return new SystemBasicInfo(frame.address(), name, manufacturer, version, List.of(serials));
    }
}
