package io.pylon4j.can;

import static io.pylon4j.can.CanLineScan.hexDigit;
import static io.pylon4j.can.CanLineScan.parseDecimal;
import static io.pylon4j.can.CanLineScan.parseId;

/**
 * The ad-hoc line forms of published Pylontech captures, read by {@link CandumpFormat}: a table with {@code |}
 * columns, the Arduino CAN monitor's and a C array dump's labelled forms, and the ESP CAN reader's
 * {@code ID: … Buffer: …}. They are rare, so they take a simple path over strings rather than the candump scanner's.
 */
final class CaptureLines {

    private CaptureLines() {
    }

    /** {@code 351 | 48 02 00 05 00 05 AE 01 | H....... | note} */
    static CanFrame parseTable(String s) {
        int bar = s.indexOf('|');
        String idText = s.substring(0, bar).strip();
        int id = parseId(idText, 0, idText.length());
        int next = s.indexOf('|', bar + 1);
        String data = (next < 0 ? s.substring(bar + 1) : s.substring(bar + 1, next)).strip();
        return bytesFrame(id, data.isEmpty() ? new String[0] : data.split("\\s+"), -1);
    }

    /**
     * {@code Standard ID: 0x351  DLC: 8  Data: 0x44 0x02 ...} and
     * {@code CANId=0x305, FrameLength=8, Data=0x21, 0x0 ... | comment}.
     */
    static CanFrame parseLabelled(String s, String idLabel, String dlcLabel, String dataLabel, char separator) {
        int dlcAt = s.indexOf(dlcLabel);
        int dataAt = s.indexOf(dataLabel);
        if (dlcAt < 0 || dataAt < dlcAt) {
            throw new InvalidCanFrameException("expected '" + idLabel + " … " + dlcLabel + " … " + dataLabel + " …'");
        }
        String idText = trimSeparators(s.substring(idLabel.length(), dlcAt));
        int id = parseId(idText, 0, idText.length());
        int dlc = parseDecimal(trimSeparators(s.substring(dlcAt + dlcLabel.length(), dataAt)), "DLC");
        int dataEnd = s.indexOf('|', dataAt);
        String data = s.substring(dataAt + dataLabel.length(), dataEnd < 0 ? s.length() : dataEnd).strip();
        String[] bytes = data.isEmpty() ? new String[0] : data.split(separator == ',' ? "\\s*,\\s*" : "\\s+");
        return bytesFrame(id, bytes, dlc);
    }

    /** {@code ID: 351 Buffer: 14 2 C0 12 C0 12 C2 1 - note} */
    static CanFrame parseBufferLine(String s) {
        int bufferAt = s.indexOf("Buffer:");
        if (bufferAt < 0) {
            throw new InvalidCanFrameException("expected 'ID: <id> Buffer: <bytes>'");
        }
        String idText = s.substring(3, bufferAt).strip();
        int id = parseId(idText, 0, idText.length());
        String data = s.substring(bufferAt + "Buffer:".length());
        int dash = data.indexOf(" - ");
        if (dash >= 0) {
            data = data.substring(0, dash);
        }
        data = data.strip();
        return bytesFrame(id, data.isEmpty() ? new String[0] : data.split("\\s+"), -1);
    }

    private static CanFrame bytesFrame(int id, String[] bytes, int dlc) {
        if (bytes.length > CanFrame.MAX_LENGTH) {
            throw new InvalidCanFrameException(bytes.length + " data bytes; a classic CAN frame has 0 to 8");
        }
        if (dlc >= 0 && dlc != bytes.length) {
            throw new InvalidCanFrameException("DLC " + dlc + " but " + bytes.length + " data bytes on the line");
        }
        long payload = 0;
        for (int i = 0; i < bytes.length; i++) {
            String b = bytes[i];
            int from = b.startsWith("0x") || b.startsWith("0X") ? 2 : 0;
            int digits = b.length() - from;
            if (digits < 1 || digits > 2) {
                throw new InvalidCanFrameException("data byte '" + b + "' is not one or two hex digits");
            }
            int value = 0;
            for (int j = from; j < b.length(); j++) {
                value = value << 4 | hexDigit(b.charAt(j), b);
            }
            payload |= (long) value << (8 * i);
        }
        return new CanFrame(id, bytes.length, payload);
    }

    private static String trimSeparators(String s) {
        String t = s.strip();
        while (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
