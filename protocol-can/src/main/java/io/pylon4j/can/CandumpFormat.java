package io.pylon4j.can;

import java.nio.charset.StandardCharsets;

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
 *   <tr><td>C array dump, optionally followed by {@code | comment}</td><td>{@code CANId=0x305, FrameLength=8, Data=0x21, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}</td></tr>
 *   <tr><td>ESP CAN reader</td><td>{@code ID: 351 Buffer: 14 2 C0 12 C0 12 C2 1 - note} (bytes without leading zeros)</td></tr>
 * </table>
 * Ids are hex with or without {@code 0x}. Remote frames, extended (29-bit) ids and CAN FD frames ({@code ##} in the
 * log form, a two-digit {@code [08]} length in the text form) are rejected with an {@link InvalidCanFrameException}
 * that says so, as is any line in none of these forms. Blank lines and {@code #} comments are the caller's to skip.
 *
 * <p>The candump forms are read by a hand-written single-pass scanner over a one-byte-a-character copy of the line,
 * which allocates that copy and the frame ({@link #parseFrame}), or also the log entry ({@link #parse}); about 75 ns
 * a line (benchmarks/README.md). The capture forms, which are rare, take a simpler path.
 *
 * <p>Stateless and thread-safe.
 */
public final class CandumpFormat {

    private CandumpFormat() {
    }

    /**
     * Parses one line into a frame.
     *
     * @param line one line in any of the accepted forms (the table above)
     * @return the frame; the timestamp and interface, if any, are not kept
     * @throws InvalidCanFrameException with the reason, if the line is not a frame in one of the accepted forms
     */
    public static CanFrame parseFrame(String line) {
        return parse(line, null);
    }

    /**
     * Parses one line into a frame with its timestamp and interface name, where the line has them.
     *
     * @param line one line in any of the accepted forms (the table above)
     * @return the frame, with {@link CanLogEntry#NO_TIMESTAMP} and {@code ""} for what the line lacks
     * @throws InvalidCanFrameException with the reason, if the line is not a frame in one of the accepted forms
     */
    public static CanLogEntry parse(String line) {
        Context context = new Context();
        CanFrame frame = parse(line, context);
        String iface = context.ifaceStart < 0 ? "" : line.substring(context.ifaceStart, context.ifaceEnd);
        return new CanLogEntry(context.timestamp, iface, frame);
    }

    /**
     * The candump log line of a frame, as {@code canplayer} reads it: {@code (1700000000.000000) can0 351#1402C012}.
     *
     * @param timestampMicros microseconds since the Unix epoch, not negative
     * @param interfaceName the interface to name, {@code can0}
     * @param frame         the frame to write
     * @return the line, without a line end
     * @throws IllegalArgumentException if {@code timestampMicros} is negative
     */
    public static String formatLog(long timestampMicros, String interfaceName, CanFrame frame) {
        if (timestampMicros < 0) {
            throw new IllegalArgumentException("timestampMicros must not be negative: " + timestampMicros);
        }
        return String.format("(%d.%06d) %s %s", timestampMicros / 1_000_000, timestampMicros % 1_000_000,
                interfaceName, frame);
    }

    /**
     * The candump text line of a frame: {@code   can0  351   [8]  14 02 C0 12 C0 12 C2 01}.
     *
     * @param interfaceName the interface to name, {@code can0}
     * @param frame         the frame to write
     * @return the line as {@code candump} prints it, without a line end
     */
    public static String formatText(String interfaceName, CanFrame frame) {
        StringBuilder out = new StringBuilder(48);
        out.append("  ").append(interfaceName).append("  ").append(String.format("%03X", frame.id()))
                .append("   [").append(frame.length()).append("] ");
        for (int i = 0; i < frame.length(); i++) {
            out.append(' ').append(HEX[frame.u8(i) >>> 4]).append(HEX[frame.u8(i) & 0xF]);
        }
        return out.toString();
    }

    /** What {@link #parse(String)} learns besides the frame. */
    private static final class Context {
        long timestamp = CanLogEntry.NO_TIMESTAMP;
        int ifaceStart = -1;
        int ifaceEnd = -1;
    }

    private static CanFrame parse(String line, Context context) {
        // One byte a character (ISO-8859-1: a copy for the compact strings candump lines are): the scanner indexes an
        // array, which is several times cheaper than String.charAt when the JIT is C1 only, as in ./pylon. A
        // character beyond U+00FF becomes '?', which no form accepts; messages quote the line itself.
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != line.length()) {
            b = oneBytePerChar(line);
        }
        int end = b.length;
        while (end > 0 && isSpace(b[end - 1])) {
            end--;
        }
        int pos = skipSpace(b, 0, end);
        if (pos == end) {
            throw new InvalidCanFrameException("empty line");
        }
        if (b[pos] == '(') {
            int close = indexOf(b, ')', pos, end);
            if (close < 0) {
                throw new InvalidCanFrameException("timestamp '(' without ')'");
            }
            long timestamp = parseTimestampMicros(line, b, pos + 1, close);
            if (context != null) {
                context.timestamp = timestamp;
            }
            pos = skipSpace(b, close + 1, end);
            if (pos == end) {
                throw new InvalidCanFrameException("nothing after the timestamp");
            }
        }
        if (line.startsWith("Standard ID:", pos)) {
            return parseLabelled(line.substring(pos, end), "Standard ID:", "DLC:", "Data:", ' ');
        }
        if (line.startsWith("CANId=", pos)) {
            return parseLabelled(line.substring(pos, end), "CANId=", "FrameLength=", "Data=", ',');
        }
        if (line.startsWith("ID:", pos)) {
            return parseBufferLine(line.substring(pos, end));
        }
        int token0End = tokenEnd(b, pos, end);
        int hash = indexOf(b, '#', pos, token0End);
        if (hash >= 0) { // cansend compact, no interface
            return parseCompact(line, b, pos, hash, token0End);
        }
        if (indexOf(b, '|', pos, token0End) >= 0) {
            return parseTable(line.substring(pos, end));
        }
        int token1 = skipSpace(b, token0End, end);
        if (token1 < end && b[token1] == '|') {
            return parseTable(line.substring(pos, end));
        }
        if (token1 == end) {
            throw notAFrameLine();
        }
        int token1End = tokenEnd(b, token1, end);
        if (context != null) {
            context.ifaceStart = pos;
            context.ifaceEnd = token0End;
        }
        hash = indexOf(b, '#', token1, token1End);
        if (hash >= 0) { // candump log: iface id#data
            return parseCompact(line, b, token1, hash, token1End);
        }
        return parseText(line, b, token1, token1End, end);
    }

    /**
     * The line with one byte for each {@code char}, {@code '?'} for any beyond U+00FF. The encoder turns a surrogate
     * pair (a character outside the BMP) into a single {@code '?'}, which would shift every index of the scanner
     * against the line it quotes and cuts (found by {@code CandumpFormatFuzz}); such lines take this slower copy.
     */
    private static byte[] oneBytePerChar(String line) {
        byte[] b = new byte[line.length()];
        for (int i = 0; i < b.length; i++) {
            char c = line.charAt(i);
            b[i] = c <= 0xFF ? (byte) c : (byte) '?';
        }
        return b;
    }

    // --- candump forms ------------------------------------------------------------------------------------------

    /** {@code 351#1402C012C012C201}: the token is {@code [start, end)}, its '#' at {@code hash}. */
    private static CanFrame parseCompact(String line, byte[] b, int start, int hash, int end) {
        if (hash + 1 < end && b[hash + 1] == '#') {
            throw new InvalidCanFrameException("'" + line.substring(start, end)
                    + "' is a CAN FD frame; Pylontech LV CAN is classic CAN");
        }
        if (hash - start > 3) {
            throw new InvalidCanFrameException("'" + line.substring(start, end)
                    + "' has an extended (29-bit) id; Pylontech LV CAN uses 11-bit ids");
        }
        int id = parseId(line, start, hash);
        int pos = hash + 1;
        if (pos < end && (b[pos] == 'R' || b[pos] == 'r')) {
            throw new InvalidCanFrameException("'" + line.substring(start, end)
                    + "' is a remote (RTR) frame, which carries no data");
        }
        long payload = 0;
        int n = 0;
        while (pos < end) {
            if (b[pos] == '.') { // cansend allows '.' between bytes
                pos++;
                continue;
            }
            if (pos + 1 >= end || b[pos + 1] == '.') {
                throw new InvalidCanFrameException("'" + line.substring(start, end)
                        + "' has an odd number of data digits");
            }
            if (n == CanFrame.MAX_LENGTH) {
                throw new InvalidCanFrameException("'" + line.substring(start, end)
                        + "' has more than 8 data bytes; a classic CAN frame has 0 to 8");
            }
            payload |= (long) hexByte(line, b, pos, start, end) << (8 * n);
            n++;
            pos += 2;
        }
        return new CanFrame(id, n, payload);
    }

    /** {@code can0  351   [8]  14 02 C0 12 C0 12 C2 01  '......'}, from the id token {@code [idStart, idEnd)}. */
    private static CanFrame parseText(String line, byte[] b, int idStart, int idEnd, int end) {
        int dlcStart = skipSpace(b, idEnd, end);
        int dlcEnd = tokenEnd(b, dlcStart, end);
        if (dlcStart == end || b[dlcStart] != '[' || b[dlcEnd - 1] != ']' || dlcEnd - dlcStart < 3) {
            throw notAFrameLine();
        }
        if (idEnd - idStart > 3) {
            throw new InvalidCanFrameException("id '" + line.substring(idStart, idEnd)
                    + "' is an extended (29-bit) id; Pylontech LV CAN uses 11-bit ids");
        }
        int id = parseId(line, idStart, idEnd);
        if (dlcEnd - dlcStart > 3) {
            String dlc = line.substring(dlcStart, dlcEnd);
            if (dlcEnd - dlcStart == 4 && isDigit(b[dlcStart + 1]) && isDigit(b[dlcStart + 2])) {
                throw new InvalidCanFrameException("length " + dlc
                        + " is candump's CAN FD form (two digits); Pylontech LV CAN is classic CAN");
            }
            throw new InvalidCanFrameException("DLC " + dlc + " is not a digit 0 to 8 in brackets");
        }
        if (!isDigit(b[dlcStart + 1])) {
            throw new InvalidCanFrameException("DLC '" + line.substring(dlcStart, dlcEnd) + "' is not a decimal number");
        }
        int dlc = b[dlcStart + 1] - '0';
        if (dlc > CanFrame.MAX_LENGTH) {
            throw new InvalidCanFrameException("DLC " + dlc + " is more than 8; a classic CAN frame has 0 to 8 data bytes");
        }
        int pos = skipSpace(b, dlcEnd, end);
        if (line.startsWith("remote", pos)) {
            throw new InvalidCanFrameException("remote (RTR) frame, which carries no data");
        }
        long payload = 0;
        int n = 0;
        while (pos < end && b[pos] != '\'') { // up to the ASCII column that candump -a appends
            int byteEnd = tokenEnd(b, pos, end);
            if (n < CanFrame.MAX_LENGTH) {
                if (byteEnd - pos != 2) {
                    throw new InvalidCanFrameException("data byte '" + line.substring(pos, byteEnd)
                            + "' is not two hex digits");
                }
                payload |= (long) hexByte(line, b, pos, pos, byteEnd) << (8 * n);
            }
            n++;
            pos = skipSpace(b, byteEnd, end);
        }
        if (n != dlc) {
            throw new InvalidCanFrameException("DLC [" + dlc + "] but " + n + " data bytes on the line");
        }
        return new CanFrame(id, dlc, payload);
    }

    // --- capture forms ------------------------------------------------------------------------------------------

    /** {@code 351 | 48 02 00 05 00 05 AE 01 | H....... | note} */
    private static CanFrame parseTable(String s) {
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
    private static CanFrame parseLabelled(String s, String idLabel, String dlcLabel, String dataLabel, char separator) {
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
    private static CanFrame parseBufferLine(String s) {
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

    // --- small parsers ------------------------------------------------------------------------------------------

    private static InvalidCanFrameException notAFrameLine() {
        return new InvalidCanFrameException(
                "not a CAN frame line in any known format (candump text, candump log, id#data)");
    }

    private static String trimSeparators(String s) {
        String t = s.strip();
        while (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    /** A hex id in {@code text[start, end)}, with or without {@code 0x}. */
    private static int parseId(String text, int start, int end) {
        int from = end - start >= 2 && text.charAt(start) == '0' && (text.charAt(start + 1) | 0x20) == 'x'
                ? start + 2 : start;
        if (from == end || end - from > 8) {
            throw new InvalidCanFrameException("'" + text.substring(start, end) + "' is not a hex CAN id");
        }
        long id = 0;
        for (int i = from; i < end; i++) {
            int d = hexValue(text.charAt(i));
            if (d < 0) {
                throw new InvalidCanFrameException("'" + text.charAt(i) + "' in id '" + text.substring(start, end)
                        + "' is not a hex digit");
            }
            id = id << 4 | d;
        }
        if (id > CanFrame.MAX_STANDARD_ID) {
            throw new InvalidCanFrameException(String.format(
                    "id 0x%X is an extended (29-bit) id; Pylontech LV CAN uses 11-bit ids", id));
        }
        return (int) id;
    }

    private static int parseDecimal(String text, String what) {
        if (text.isEmpty() || text.length() > 2) {
            throw new InvalidCanFrameException(what + " '" + text + "' is not a small decimal number");
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                throw new InvalidCanFrameException(what + " '" + text + "' is not a decimal number");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code seconds.fraction} in {@code b[start, end)}, to microseconds (fraction digits beyond six dropped). */
    private static long parseTimestampMicros(String text, byte[] b, int start, int end) {
        long seconds = 0;
        int i = start;
        for (; i < end && isDigit(b[i]); i++) {
            if (i - start >= 12) { // beyond year 33000: not a candump timestamp
                throw badTimestamp(text, start, end);
            }
            seconds = seconds * 10 + (b[i] - '0');
        }
        if (i == start) {
            throw badTimestamp(text, start, end);
        }
        long micros = 0;
        if (i < end) {
            if (b[i] != '.' || i + 1 == end || end - i - 1 > 9) {
                throw badTimestamp(text, start, end);
            }
            int digits = 0;
            for (i++; i < end; i++, digits++) {
                if (!isDigit(b[i])) {
                    throw badTimestamp(text, start, end);
                }
                if (digits < 6) {
                    micros = micros * 10 + (b[i] - '0');
                }
            }
            for (; digits < 6; digits++) {
                micros *= 10;
            }
        }
        return seconds * 1_000_000 + micros;
    }

    private static InvalidCanFrameException badTimestamp(String text, int start, int end) {
        return new InvalidCanFrameException("timestamp '(" + text.substring(start, end)
                + ")' is not seconds.microseconds");
    }

    private static int hexByte(String text, byte[] b, int at, int contextStart, int contextEnd) {
        int hi = hexValue(b[at]);
        int lo = hexValue(b[at + 1]);
        if (hi < 0 || lo < 0) {
            char bad = hi < 0 ? text.charAt(at) : text.charAt(at + 1);
            throw new InvalidCanFrameException("'" + bad + "' in '" + text.substring(contextStart, contextEnd)
                    + "' is not a hex digit");
        }
        return hi << 4 | lo;
    }

    private static int hexDigit(char c, String context) {
        int d = hexValue(c);
        if (d < 0) {
            throw new InvalidCanFrameException("'" + c + "' in '" + context + "' is not a hex digit");
        }
        return d;
    }

    /** The value of hex digit {@code c} (a char, or a sign-extended byte), or -1. */
    private static int hexValue(int c) {
        return (c & ~0xFF) == 0 ? HEX_VALUE[c] : -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Space, tab, line feed, vertical tab, form feed or carriage return (what {@code String.strip} removes in ASCII). */
    private static boolean isSpace(int c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    private static int skipSpace(byte[] b, int pos, int end) {
        while (pos < end && isSpace(b[pos])) {
            pos++;
        }
        return pos;
    }

    private static int tokenEnd(byte[] b, int pos, int end) {
        while (pos < end && !isSpace(b[pos])) {
            pos++;
        }
        return pos;
    }

    private static int indexOf(byte[] b, char c, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final byte[] HEX_VALUE = new byte[256];

    static {
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX_VALUE[HEX[i]] = (byte) i;
            HEX_VALUE[Character.toLowerCase(HEX[i])] = (byte) i;
        }
    }
}
