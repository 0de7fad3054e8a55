package io.pylon4j.can;

/**
 * Reads and writes CAN frames as text lines: the two formats of can-utils' {@code candump}, and the ad-hoc formats
 * that published Pylontech captures use, so that a capture can be decoded as it was published.
 *
 * <p>Accepted forms (leading and trailing white space ignored):
 * <table>
 *   <caption>line formats</caption>
 *   <tr><th>form</th><th>example</th></tr>
 *   <tr><td>candump log ({@code candump -l}, {@code canplayer})</td><td>{@code (1700000000.000000) can0 351#1402C012C012C201}</td></tr>
 *   <tr><td>candump text, with optional {@code -t} timestamp and {@code -a} ASCII column</td><td>{@code   can0  351   [8]  14 02 C0 12 C0 12 C2 01}</td></tr>
 *   <tr><td>cansend compact</td><td>{@code 351#1402C012C012C201}</td></tr>
 *   <tr><td>table: id, bytes, then anything, separated by {@code |}</td><td>{@code 351 | 48 02 00 05 00 05 AE 01 | H....... | note}</td></tr>
 *   <tr><td>Arduino CAN monitor</td><td>{@code Standard ID: 0x351       DLC: 8  Data: 0x44 0x02 0x64 0x00 0x9C 0xFF 0x3F 0x02}</td></tr>
 *   <tr><td>C array dump</td><td>{@code CANId=0x305, FrameLength=8, Data=0x21, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}</td></tr>
 *   <tr><td>ESP CAN reader</td><td>{@code ID: 351 Buffer: 14 2 C0 12 C0 12 C2 1 - note} (bytes without leading zeros)</td></tr>
 * </table>
 * Ids are hex with or without {@code 0x}. Remote frames, extended (29-bit) ids and CAN FD frames are rejected with
 * an {@link InvalidCanFrameException} that says so, as is any line in none of these forms. Blank lines and
 * {@code #} comments are the caller's to skip.
 *
 * <p>Stateless and thread-safe.
 */
public final class CandumpFormat {

    private CandumpFormat() {
    }

    /**
     * Parses one line into a frame.
     *
     * @throws InvalidCanFrameException with the reason, if the line is not a frame in one of the accepted forms
     */
    public static CanFrame parseFrame(String line) {
        return parse(line).frame();
    }

    /**
     * Parses one line into a frame with its timestamp and interface name, where the line has them.
     *
     * @throws InvalidCanFrameException with the reason, if the line is not a frame in one of the accepted forms
     */
    public static CanLogEntry parse(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            throw new InvalidCanFrameException("empty line");
        }
        long timestamp = CanLogEntry.NO_TIMESTAMP;
        if (s.charAt(0) == '(') {
            int close = s.indexOf(')');
            if (close < 0) {
                throw new InvalidCanFrameException("timestamp '(' without ')'");
            }
            timestamp = parseTimestampMicros(s.substring(1, close));
            s = s.substring(close + 1).strip();
        }
        if (s.startsWith("Standard ID:")) {
            return new CanLogEntry(timestamp, "", parseLabelled(s, "Standard ID:", "DLC:", "Data:", ' '));
        }
        if (s.startsWith("CANId=")) {
            return new CanLogEntry(timestamp, "", parseLabelled(s, "CANId=", "FrameLength=", "Data=", ','));
        }
        if (s.startsWith("ID:")) {
            return new CanLogEntry(timestamp, "", parseBufferLine(s));
        }
        if (s.indexOf('|') >= 0) {
            return new CanLogEntry(timestamp, "", parseTable(s));
        }
        String[] tokens = s.split("\\s+");
        int hash = tokens[0].indexOf('#');
        if (hash >= 0) { // cansend compact, no interface
            return new CanLogEntry(timestamp, "", parseCompact(tokens[0]));
        }
        if (tokens.length >= 2 && tokens[1].indexOf('#') >= 0) { // candump log: iface id#data [T|R]
            return new CanLogEntry(timestamp, tokens[0], parseCompact(tokens[1]));
        }
        return parseText(timestamp, tokens, line);
    }

    /**
     * The candump log line of a frame, as {@code canplayer} reads it: {@code (1700000000.000000) can0 351#1402C012}.
     *
     * @param timestampMicros microseconds since the Unix epoch, not negative
     */
    public static String formatLog(long timestampMicros, String interfaceName, CanFrame frame) {
        if (timestampMicros < 0) {
            throw new IllegalArgumentException("timestampMicros must not be negative: " + timestampMicros);
        }
        return String.format("(%d.%06d) %s %s", timestampMicros / 1_000_000, timestampMicros % 1_000_000,
                interfaceName, frame);
    }

    /** The candump text line of a frame: {@code   can0  351   [8]  14 02 C0 12 C0 12 C2 01}. */
    public static String formatText(String interfaceName, CanFrame frame) {
        StringBuilder out = new StringBuilder(48);
        out.append("  ").append(interfaceName).append("  ").append(String.format("%03X", frame.id()))
                .append("   [").append(frame.length()).append("] ");
        for (int i = 0; i < frame.length(); i++) {
            out.append(' ').append(HEX[frame.u8(i) >>> 4]).append(HEX[frame.u8(i) & 0xF]);
        }
        return out.toString();
    }

    // --- candump forms ------------------------------------------------------------------------------------------

    private static CanFrame parseCompact(String token) {
        int hash = token.indexOf('#');
        if (token.indexOf("##") >= 0) {
            throw new InvalidCanFrameException("'" + token + "' is a CAN FD frame; Pylontech LV CAN is classic CAN");
        }
        String idText = token.substring(0, hash);
        String dataText = token.substring(hash + 1);
        if (idText.length() > 3) {
            throw new InvalidCanFrameException("'" + token + "' has an extended (29-bit) id; Pylontech LV CAN uses 11-bit ids");
        }
        int id = parseId(idText);
        if (!dataText.isEmpty() && (dataText.charAt(0) == 'R' || dataText.charAt(0) == 'r')) {
            throw new InvalidCanFrameException("'" + token + "' is a remote (RTR) frame, which carries no data");
        }
        String digits = dataText.replace(".", ""); // cansend allows '.' between bytes
        if (digits.length() % 2 != 0) {
            throw new InvalidCanFrameException("'" + token + "' has an odd number of data digits");
        }
        int n = digits.length() / 2;
        if (n > CanFrame.MAX_LENGTH) {
            throw new InvalidCanFrameException("'" + token + "' has " + n + " data bytes; a classic CAN frame has 0 to 8");
        }
        long payload = 0;
        for (int i = 0; i < n; i++) {
            payload |= (long) hexByte(digits.charAt(2 * i), digits.charAt(2 * i + 1), token) << (8 * i);
        }
        return new CanFrame(id, n, payload);
    }

    /** {@code can0  351   [8]  14 02 C0 12 C0 12 C2 01  '......'} */
    private static CanLogEntry parseText(long timestamp, String[] tokens, String line) {
        if (tokens.length < 3 || !tokens[2].startsWith("[") || !tokens[2].endsWith("]")) {
            throw new InvalidCanFrameException("not a CAN frame line in any known format (candump text, candump log, id#data)");
        }
        String idText = tokens[1];
        if (idText.length() > 3) {
            throw new InvalidCanFrameException("id '" + idText + "' is an extended (29-bit) id; Pylontech LV CAN uses 11-bit ids");
        }
        int id = parseId(idText);
        int dlc = parseDecimal(tokens[2].substring(1, tokens[2].length() - 1), "DLC");
        int byteTokens = 0; // up to the ASCII column that candump -a appends in quotes
        for (int i = 3; i < tokens.length && !tokens[i].startsWith("'"); i++) {
            byteTokens++;
        }
        if (byteTokens == 1 && tokens[3].equalsIgnoreCase("remote")) {
            throw new InvalidCanFrameException("remote (RTR) frame, which carries no data");
        }
        if (dlc > CanFrame.MAX_LENGTH) {
            throw new InvalidCanFrameException("DLC " + dlc + " is more than 8; a classic CAN frame has 0 to 8 data bytes");
        }
        if (byteTokens != dlc) {
            throw new InvalidCanFrameException("DLC [" + dlc + "] but " + byteTokens + " data bytes on the line");
        }
        long payload = 0;
        for (int i = 0; i < dlc; i++) {
            String b = tokens[3 + i];
            if (b.length() != 2) {
                throw new InvalidCanFrameException("data byte '" + b + "' is not two hex digits");
            }
            payload |= (long) hexByte(b.charAt(0), b.charAt(1), b) << (8 * i);
        }
        return new CanLogEntry(timestamp, tokens[0], new CanFrame(id, dlc, payload));
    }

    // --- capture forms ------------------------------------------------------------------------------------------

    /** {@code 351 | 48 02 00 05 00 05 AE 01 | H....... | note} */
    private static CanFrame parseTable(String s) {
        int bar = s.indexOf('|');
        int id = parseId(s.substring(0, bar).strip());
        int next = s.indexOf('|', bar + 1);
        String data = (next < 0 ? s.substring(bar + 1) : s.substring(bar + 1, next)).strip();
        return bytesFrame(id, data.isEmpty() ? new String[0] : data.split("\\s+"), -1, s);
    }

    /** {@code Standard ID: 0x351  DLC: 8  Data: 0x44 0x02 ...} and {@code CANId=0x305, FrameLength=8, Data=0x21, 0x0 ...} */
    private static CanFrame parseLabelled(String s, String idLabel, String dlcLabel, String dataLabel, char separator) {
        int dlcAt = s.indexOf(dlcLabel);
        int dataAt = s.indexOf(dataLabel);
        if (dlcAt < 0 || dataAt < dlcAt) {
            throw new InvalidCanFrameException("expected '" + idLabel + " … " + dlcLabel + " … " + dataLabel + " …'");
        }
        int id = parseId(trimSeparators(s.substring(idLabel.length(), dlcAt)));
        int dlc = parseDecimal(trimSeparators(s.substring(dlcAt + dlcLabel.length(), dataAt)), "DLC");
        String data = s.substring(dataAt + dataLabel.length()).strip();
        String[] bytes = data.isEmpty() ? new String[0] : data.split(separator == ',' ? "\\s*,\\s*" : "\\s+");
        return bytesFrame(id, bytes, dlc, s);
    }

    /** {@code ID: 351 Buffer: 14 2 C0 12 C0 12 C2 1 - note} */
    private static CanFrame parseBufferLine(String s) {
        int bufferAt = s.indexOf("Buffer:");
        if (bufferAt < 0) {
            throw new InvalidCanFrameException("expected 'ID: <id> Buffer: <bytes>'");
        }
        int id = parseId(s.substring(3, bufferAt).strip());
        String data = s.substring(bufferAt + "Buffer:".length());
        int dash = data.indexOf(" - ");
        if (dash >= 0) {
            data = data.substring(0, dash);
        }
        data = data.strip();
        return bytesFrame(id, data.isEmpty() ? new String[0] : data.split("\\s+"), -1, s);
    }

    private static CanFrame bytesFrame(int id, String[] bytes, int dlc, String line) {
        if (bytes.length > CanFrame.MAX_LENGTH) {
            throw new InvalidCanFrameException(bytes.length + " data bytes; a classic CAN frame has 0 to 8");
        }
        if (dlc >= 0 && dlc != bytes.length) {
            throw new InvalidCanFrameException("DLC " + dlc + " but " + bytes.length + " data bytes on the line");
        }
        long payload = 0;
        for (int i = 0; i < bytes.length; i++) {
            String b = bytes[i];
            if (b.startsWith("0x") || b.startsWith("0X")) {
                b = b.substring(2);
            }
            if (b.isEmpty() || b.length() > 2) {
                throw new InvalidCanFrameException("data byte '" + bytes[i] + "' is not one or two hex digits");
            }
            int value = b.length() == 1 ? hexDigit(b.charAt(0), bytes[i]) : hexByte(b.charAt(0), b.charAt(1), bytes[i]);
            payload |= (long) value << (8 * i);
        }
        return new CanFrame(id, bytes.length, payload);
    }

    // --- small parsers ------------------------------------------------------------------------------------------

    private static String trimSeparators(String s) {
        String t = s.strip();
        while (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static int parseId(String text) {
        String t = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (t.isEmpty() || t.length() > 8) {
            throw new InvalidCanFrameException("'" + text + "' is not a hex CAN id");
        }
        int id = 0;
        for (int i = 0; i < t.length(); i++) {
            id = id << 4 | hexDigit(t.charAt(i), text);
        }
        if (id > CanFrame.MAX_STANDARD_ID) {
            throw new InvalidCanFrameException(String.format(
                    "id 0x%X is an extended (29-bit) id; Pylontech LV CAN uses 11-bit ids", id));
        }
        return id;
    }

    private static int parseDecimal(String text, String what) {
        if (text.isEmpty() || text.length() > 2) {
            throw new InvalidCanFrameException(what + " '" + text + "' is not a small decimal number");
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidCanFrameException(what + " '" + text + "' is not a decimal number");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static long parseTimestampMicros(String text) {
        int dot = text.indexOf('.');
        try {
            if (dot < 0) {
                return Math.multiplyExact(Long.parseLong(text), 1_000_000L);
            }
            long seconds = Long.parseLong(text.substring(0, dot));
            String fraction = text.substring(dot + 1);
            if (fraction.isEmpty() || fraction.length() > 9 || seconds < 0) {
                throw new NumberFormatException();
            }
            long micros = Long.parseLong((fraction + "000000").substring(0, 6));
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), micros);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidCanFrameException("timestamp '(" + text + ")' is not seconds.microseconds");
        }
    }

    private static int hexByte(char hi, char lo, String context) {
        return hexDigit(hi, context) << 4 | hexDigit(lo, context);
    }

    private static int hexDigit(char c, String context) {
        int d = Character.digit(c, 16);
        if (d < 0) {
            throw new InvalidCanFrameException("'" + c + "' in '" + context + "' is not a hex digit");
        }
        return d;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
