package io.pylon4j.can;

/**
 * 0x35F, battery to inverter (SMA/Victron style, and Pylontech V1.3 firmware): battery type, version and capacity
 * (docs/protocol.md §1.7, §1.8).
 *
 * <table>
 *   <caption>0x35F layout, little-endian</caption>
 *   <tr><th>bytes</th><th>field</th><th>type</th><th>source</th></tr>
 *   <tr><td>0-1</td><td>battery type / cell chemistry, two letters ({@code "LI"}, {@code "Li"})</td><td>raw u16</td>
 *       <td>[SMA], [SMAMAP]</td></tr>
 *   <tr><td>2</td><td>version, major</td><td>u8</td><td>[ODTU], [DFCH] ({@code 01 17} = v1.17), [MGLV] (MSB
 *       first)</td></tr>
 *   <tr><td>3</td><td>version, minor</td><td>u8</td><td>as above; [SMA] calls bytes 2-3 the BMS (hardware)
 *       version</td></tr>
 *   <tr><td>4-5</td><td>capacity, Ah</td><td>u16</td><td>[SMA]; "available capacity" in [DFCH] and [ODTU]</td></tr>
 *   <tr><td>6-7</td><td>reserved / manufacturer id / hardware configuration, kept raw in {@link #reserved()}</td>
 *       <td></td><td>[SMA], [MGLV]</td></tr>
 * </table>
 *
 * <p>Pylontech V1.3 firmware sends {@code 4C 49 01 03 3C 02 AA 00}: "LI", 1.3, 572 Ah and {@code AA 00}; the source
 * [SFL13] does not say what the fields mean, these are the SMA layout's readings.
 *
 * <p>DLC: at least 6 ({@link #MIN_LENGTH}; diyBMS sends 6), usually 8.
 *
 * @param chemistry    bytes 0-1 as a little-endian u16 ({@code 'L' | 'I' << 8} for "LI")
 * @param versionMajor byte 2, 0 to 255
 * @param versionMinor byte 3, 0 to 255
 * @param capacityAh   bytes 4-5, the capacity in Ah, 0 to 65535
 * @param length       the DLC, 6 to 8
 * @param reserved     bytes 6 to {@code length - 1}, in their wire positions
 */
public record BatteryInfo(int chemistry, int versionMajor, int versionMinor, int capacityAh, int length,
        long reserved) implements BatteryMessage {

    /** The CAN id, 0x35F. */
    public static final int ID = 0x35F;
    /** The smallest DLC accepted: type, version and capacity. */
    public static final int MIN_LENGTH = 6;

    /**
     * Checks every component against its wire range.
     *
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public BatteryInfo {
        String type = "BatteryInfo";
        Wire.checkLength(length, MIN_LENGTH, type);
        Wire.checkU16(chemistry, type, "chemistry");
        Wire.checkU8(versionMajor, type, "versionMajor");
        Wire.checkU8(versionMinor, type, "versionMinor");
        Wire.checkU16(capacityAh, type, "capacityAh");
        Wire.checkBytesWithin(reserved, MIN_LENGTH, length, type, "reserved");
    }

    /** Bytes 0-1 as two characters: {@code "LI"}. */
    public String chemistryText() {
        return Text.decode(chemistry, 2);
    }

    @Override
    public int canId() {
        return ID;
    }

    static BatteryInfo decode(CanFrame frame) {
        Wire.requireLength(frame, MIN_LENGTH, "BatteryInfo");
        long p = frame.payload();
        return new BatteryInfo(Wire.u16(p, 0), Wire.u8(p, 2), Wire.u8(p, 3), Wire.u16(p, 4), frame.length(),
                Wire.from(p, MIN_LENGTH));
    }

    CanFrame encode() {
        long p = Wire.put16(chemistry, 0) | Wire.put8(versionMajor, 2) | Wire.put8(versionMinor, 3)
                | Wire.put16(capacityAh, 4) | reserved;
        return new CanFrame(ID, length, p);
    }
}
