package io.pylon4j.samples.cli;

import io.pylon4j.can.CanCodecException;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CandumpFormat;

/**
 * Decodes one CAN log line to one JSON object of the {@code pylon decode} contract.
 *
 * <p>Not thread-safe.
 */
final class CanLineDecoder {

    /** Whether a line (from {@code start}, its first non-blank character) is plausibly a CAN frame line. */
    static boolean looksLikeCan(String line, int start) {
        char c = line.charAt(start);
        return c == '(' || Character.digit(c, 16) >= 0 || line.startsWith("Standard ID:", start)
                || line.startsWith("CANId=", start) || line.startsWith("ID:", start)
                || Character.isLetter(c); // candump text starts with an interface name
    }

    /**
     * Decodes {@code line} and writes one object.
     *
     * @return false when the line could not be decoded and an error object was written instead
     */
    boolean decode(String line, JsonWriter json) {
        int mark = json.buffered();
        try {
            CanFrame frame = CandumpFormat.parseFrame(line);
            json.beginObject().field("bus", "can").field("id", String.format("0x%03X", frame.id()))
                    .field("type", "Unknown").field("data", frame.dataHex()).endObject();
            return true;
        } catch (CanCodecException e) {
            json.errorLine(mark, "can", e.getMessage(), line);
            return false;
        }
    }
}
