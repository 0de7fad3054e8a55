package io.pylon4j.can;

import java.util.OptionalInt;

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
 * <p>DLC: at least 2 ({@link #MIN_LENGTH}): the type defines the frame, each later field needs none after it
 * (docs/protocol.md §4: "never require bytes beyond the DLC"). diyBMS sends 6, most others 8. The fields a shorter
 * frame leaves out read {@link #NOT_SENT} ({@link #capacity()} empty, never 0 Ah); byte 4 of a 5-byte frame is kept
 * in {@link #reserved()}.
 *
 * @param chemistry    bytes 0-1 as a little-endian u16 ({@code 'L' | 'I' << 8} for "LI")
 * @param versionMajor byte 2, 0 to 255, or {@link #NOT_SENT} below DLC 3
 * @param versionMinor byte 3, 0 to 255, or {@link #NOT_SENT} below DLC 4
 * @param capacityAh   bytes 4-5, the capacity in Ah, 0 to 65535, or {@link #NOT_SENT} below DLC 6
 * @param length       the DLC, 2 to 8
 * @param reserved     the bytes the layout leaves undefined at this DLC (byte 4 of a 5-byte frame, bytes 6-7), in
 *                     their wire positions
 */
public record BatteryInfo(int chemistry, int versionMajor, int versionMinor, int capacityAh, int length,
        long reserved) implements BatteryMessage {

    /** The CAN id, 0x35F. */
    public static final int ID = 0x35F;
    /** The smallest DLC accepted: the battery type. */
    public static final int MIN_LENGTH = 2;

    /**
     * Checks every component against its wire range.
     *
     * @param chemistry    bytes 0-1 as a little-endian u16 ({@code 'L' | 'I' << 8} for "LI")
     * @param versionMajor byte 2, 0 to 255, or {@link #NOT_SENT} below DLC 3
     * @param versionMinor byte 3, 0 to 255, or {@link #NOT_SENT} below DLC 4
     * @param capacityAh   bytes 4-5, the capacity in Ah, 0 to 65535, or {@link #NOT_SENT} below DLC 6
     * @param length       the DLC, 2 to 8
     * @param reserved     the bytes the layout leaves undefined at this DLC (byte 4 of a 5-byte frame, bytes 6-7), in
     *                     their wire positions
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public BatteryInfo {
        String type = "BatteryInfo";
        Wire.checkLength(length, MIN_LENGTH, type);
        Wire.checkU16(chemistry, type, "chemistry");
        checkOptionalU8(versionMajor, length >= 3, "versionMajor", 3);
        checkOptionalU8(versionMinor, length >= 4, "versionMinor", 4);
        Wire.checkOptionalU16(capacityAh, length >= 6, type, "capacityAh", 6);
        Wire.checkBytesWithin(reserved, layoutEnd(length), length, type, "reserved");
    }

    private static void checkOptionalU8(int value, boolean present, String component, int fromLength) {
        if (present ? value < 0 || value > 0xFF : value != NOT_SENT) {
            throw new IllegalArgumentException(String.format("BatteryInfo.%s must be %s, was %s", component,
                    present ? "0 to 255 at this length" : "NOT_SENT below length " + fromLength,
                    value == NOT_SENT ? "NOT_SENT" : Integer.toString(value)));
        }
    }

    /**
     * The capacity in Ah, or empty when the frame did not carry it.
     *
     * @return the capacity in Ah as sent, or empty when the frame did not carry it (never a made-up 0)
     */
    public OptionalInt capacity() {
        return capacityAh == NOT_SENT ? OptionalInt.empty() : OptionalInt.of(capacityAh);
    }

    /**
     * Whether the frame carried both version bytes (2 and 3).
     *
     * @return true if the DLC reaches byte 3, so that the version is whole
     */
    public boolean hasVersion() {
        return versionMinor != NOT_SENT;
    }

    /**
     * Bytes 0-1 as two characters: {@code "LI"}.
     *
     * @return the two ISO-8859-1 characters of bytes 0-1, as sent
     */
    public String chemistryText() {
        return Text.decode(chemistry, 2);
    }

    @Override
    public int canId() {
        return ID;
    }

    /** Where the fields a frame of {@code length} bytes holds end: a lone byte 4 is not a capacity. */
    private static int layoutEnd(int length) {
        return length >= 6 ? 6 : Math.min(length, 4);
    }

    static BatteryInfo decode(CanFrame frame) {
        long p = frame.payload();
        int n = frame.length();
        return new BatteryInfo(Wire.u16(p, 0), n >= 3 ? Wire.u8(p, 2) : NOT_SENT, n >= 4 ? Wire.u8(p, 3) : NOT_SENT,
                n >= 6 ? Wire.u16(p, 4) : NOT_SENT, n, Wire.from(p, layoutEnd(n)));
    }

    CanFrame encode() {
        long p = Wire.put16(chemistry, 0) | reserved;
        if (length >= 3) {
            p |= Wire.put8(versionMajor, 2);
        }
        if (length >= 4) {
            p |= Wire.put8(versionMinor, 3);
        }
        if (length >= 6) {
            p |= Wire.put16(capacityAh, 4);
        }
        return new CanFrame(ID, length, p);
    }
}
