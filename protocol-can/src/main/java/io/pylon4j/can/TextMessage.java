package io.pylon4j.can;

/**
 * A battery message whose data bytes are text: the manufacturer name (0x35E), the Victron-style BMS name (0x370,
 * 0x371), the ids of the extreme cells (0x374 to 0x377), the serial number (0x380, 0x381) and the product
 * identification (0x382).
 *
 * <p>The record keeps the {@linkplain #length() number of bytes} and the {@linkplain #data() bytes themselves} as
 * received, padding included ("PYLON" + three spaces from Pylontech, "PYLON" + three NULs from other senders, "BYD" +
 * five NULs), so that it encodes back to the same frame. {@link #text()} gives the text without the padding; it is
 * computed on each call. Bytes are read as ISO-8859-1, so every byte maps to one character and back.
 */
public sealed interface TextMessage extends BatteryMessage
        permits ManufacturerName, BmsNamePart1, BmsNamePart2, MinCellVoltageId, MaxCellVoltageId, MinCellTemperatureId,
        MaxCellTemperatureId, SerialNumberPart1, SerialNumberPart2, ProductIdentification {

    /** The smallest DLC a text frame may have: one character. */
    int MIN_LENGTH = 1;

    /**
     * The number of data bytes, 1 to 8.
     *
     * @return the DLC, one character a byte
     */
    int length();

    /**
     * The data bytes, byte 0 in the least significant eight bits, as on the wire.
     *
     * @return the {@link #length()} bytes; the bits above them are 0
     */
    long data();

    /**
     * The text with trailing spaces and NULs removed: {@code "PYLON"} for {@code 50 59 4C 4F 4E 20 20 20}.
     *
     * @return the characters (ISO-8859-1) up to the last one that is neither a space nor a NUL
     */
    default String text() {
        int end = length();
        long data = data();
        while (end > 0) {
            int c = Wire.u8(data, end - 1);
            if (c != ' ' && c != 0) {
                break;
            }
            end--;
        }
        return Text.decode(data, end);
    }

    /**
     * Every data byte as a character, padding included: {@code "PYLON   "}.
     *
     * @return {@link #length()} ISO-8859-1 characters, one a data byte
     */
    default String rawText() {
        return Text.decode(data(), length());
    }
}
