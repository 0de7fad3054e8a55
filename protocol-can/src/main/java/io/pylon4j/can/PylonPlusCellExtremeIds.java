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
 * <p>DLC: 8 ({@link #MIN_LENGTH}).
 *
 * @param maxCellTemperatureId the id of the cell with the highest temperature, 0 to 65535
 * @param minCellTemperatureId the id of the cell with the lowest temperature, 0 to 65535
 * @param maxCellVoltageId     the id of the cell with the highest voltage, 0 to 65535
 * @param minCellVoltageId     the id of the cell with the lowest voltage, 0 to 65535
 */
public record PylonPlusCellExtremeIds(int maxCellTemperatureId, int minCellTemperatureId, int maxCellVoltageId,
        int minCellVoltageId) implements BatteryMessage {

    /** The CAN id, 0x371. */
    public static final int ID = 0x371;
    /** The smallest DLC accepted: all four ids. */
    public static final int MIN_LENGTH = 8;

    /**
     * Checks every component against its wire range.
     *
     * @throws IllegalArgumentException if a value does not fit its wire field
     */
    public PylonPlusCellExtremeIds {
        String type = "PylonPlusCellExtremeIds";
        Wire.checkU16(maxCellTemperatureId, type, "maxCellTemperatureId");
        Wire.checkU16(minCellTemperatureId, type, "minCellTemperatureId");
        Wire.checkU16(maxCellVoltageId, type, "maxCellVoltageId");
        Wire.checkU16(minCellVoltageId, type, "minCellVoltageId");
    }

    @Override
    public int canId() {
        return ID;
    }

    static PylonPlusCellExtremeIds decode(CanFrame frame) {
        Wire.requireLength(frame, MIN_LENGTH, "PylonPlusCellExtremeIds");
        long p = frame.payload();
        return new PylonPlusCellExtremeIds(Wire.u16(p, 0), Wire.u16(p, 2), Wire.u16(p, 4), Wire.u16(p, 6));
    }

    CanFrame encode() {
        long p = Wire.put16(maxCellTemperatureId, 0) | Wire.put16(minCellTemperatureId, 2)
                | Wire.put16(maxCellVoltageId, 4) | Wire.put16(minCellVoltageId, 6);
        return new CanFrame(ID, MIN_LENGTH, p);
    }
}
