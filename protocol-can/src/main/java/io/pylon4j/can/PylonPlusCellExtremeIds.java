package io.pylon4j.can;

/**
 * 0x371 in the "PYLON+" set, battery to inverter: which cells hold the extremes of {@link PylonPlusCellExtremes}
 * (docs/protocol.md §1.8; disagreement §1.11 item 8).
 *
 * <table>
 *   <caption>0x371 "PYLON+" layout, little-endian u16 ids</caption>
 *   <tr><th>bytes</th><th>field</th></tr>
 *   <tr><td>0-1</td><td>id of the cell with the highest temperature</td></tr>
 *   <tr><td>2-3</td><td>id of the cell with the lowest temperature</td></tr>
 *   <tr><td>4-5</td><td>id of the cell with the highest voltage</td></tr>
 *   <tr><td>6-7</td><td>id of the cell with the lowest voltage</td></tr>
 * </table>
 *
 * <p>Sources: [SEPLOS], [OSE], [AIR-BMS-CAN]. Victron-style batteries send the second half of a text name on the same
 * id ({@link BmsNamePart2}); the codec decodes 0x371 to this record under
 * {@link CanProfile.Frames370And371#PYLON_PLUS_NUMERIC}, the default.
 *
 * <p>DLC: at least 2 ({@link #MIN_LENGTH}). The sources draw 8 bytes, but each id is a whole u16 that needs none of
 * the others (docs/protocol.md §4): the ids a shorter frame leaves out read {@link #NOT_SENT} (never id 0); the last
 * byte of an odd DLC is kept in {@link #reserved()}.
 *
 * @param maxCellTemperatureId the id of the cell with the highest temperature, 0 to 65535
 * @param minCellTemperatureId the id of the cell with the lowest temperature, 0 to 65535, or {@link #NOT_SENT} below
 *                             DLC 4
 * @param maxCellVoltageId     the id of the cell with the highest voltage, 0 to 65535, or {@link #NOT_SENT} below
 *                             DLC 6
 * @param minCellVoltageId     the id of the cell with the lowest voltage, 0 to 65535, or {@link #NOT_SENT} below DLC 8
 * @param length               the DLC, 2 to 8
 * @param reserved             the last byte of an odd DLC, in its wire position
 */
public record PylonPlusCellExtremeIds(int maxCellTemperatureId, int minCellTemperatureId, int maxCellVoltageId,
        int minCellVoltageId, int length, long reserved) implements BatteryMessage {

    /** The CAN id, 0x371. */
    public static final int ID = 0x371;
    /** The smallest DLC accepted: the id of the hottest cell. */
    public static final int MIN_LENGTH = 2;

    /**
     * Checks every component against its wire range.
     *
     * @param maxCellTemperatureId the id of the cell with the highest temperature, 0 to 65535
     * @param minCellTemperatureId the id of the cell with the lowest temperature, 0 to 65535, or {@link #NOT_SENT}
     *                             below DLC 4
     * @param maxCellVoltageId     the id of the cell with the highest voltage, 0 to 65535, or {@link #NOT_SENT} below
     *                             DLC 6
     * @param minCellVoltageId     the id of the cell with the lowest voltage, 0 to 65535, or {@link #NOT_SENT} below
     *                             DLC 8
     * @param length               the DLC, 2 to 8
     * @param reserved             the last byte of an odd DLC, in its wire position
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public PylonPlusCellExtremeIds {
        String type = "PylonPlusCellExtremeIds";
        Wire.checkLength(length, MIN_LENGTH, type);
        Wire.checkU16(maxCellTemperatureId, type, "maxCellTemperatureId");
        Wire.checkOptionalU16(minCellTemperatureId, length >= 4, type, "minCellTemperatureId", 4);
        Wire.checkOptionalU16(maxCellVoltageId, length >= 6, type, "maxCellVoltageId", 6);
        Wire.checkOptionalU16(minCellVoltageId, length >= 8, type, "minCellVoltageId", 8);
        Wire.checkBytesWithin(reserved, length & ~1, length, type, "reserved");
    }

    /**
     * All four ids, a frame of 8 bytes.
     *
     * @param maxCellTemperatureId the id of the cell with the highest temperature, 0 to 65535
     * @param minCellTemperatureId the id of the cell with the lowest temperature, 0 to 65535, or {@link #NOT_SENT}
     *                             below DLC 4
     * @param maxCellVoltageId     the id of the cell with the highest voltage, 0 to 65535, or {@link #NOT_SENT} below
     *                             DLC 6
     * @param minCellVoltageId     the id of the cell with the lowest voltage, 0 to 65535, or {@link #NOT_SENT} below
     *                             DLC 8
     * @throws IllegalArgumentException if an id does not fit a u16
     */
    public PylonPlusCellExtremeIds(int maxCellTemperatureId, int minCellTemperatureId, int maxCellVoltageId,
            int minCellVoltageId) {
        this(maxCellTemperatureId, minCellTemperatureId, maxCellVoltageId, minCellVoltageId, 8, 0);
    }

    @Override
    public int canId() {
        return ID;
    }

    static PylonPlusCellExtremeIds decode(CanFrame frame) {
        long p = frame.payload();
        int n = frame.length();
        return new PylonPlusCellExtremeIds(Wire.u16(p, 0), n >= 4 ? Wire.u16(p, 2) : NOT_SENT,
                n >= 6 ? Wire.u16(p, 4) : NOT_SENT, n >= 8 ? Wire.u16(p, 6) : NOT_SENT, n, Wire.from(p, n & ~1));
    }

    CanFrame encode() {
        long p = Wire.put16(maxCellTemperatureId, 0) | reserved;
        if (length >= 4) {
            p |= Wire.put16(minCellTemperatureId, 2);
        }
        if (length >= 6) {
            p |= Wire.put16(maxCellVoltageId, 4);
        }
        if (length >= 8) {
            p |= Wire.put16(minCellVoltageId, 6);
        }
        return new CanFrame(ID, length, p);
    }
}
