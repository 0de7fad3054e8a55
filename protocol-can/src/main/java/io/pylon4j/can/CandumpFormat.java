package io.pylon4j.can;

import static io.pylon4j.can.CanLineScan.HEX;
import static io.pylon4j.can.CanLineScan.indexOf;
import static io.pylon4j.can.CanLineScan.isSpace;
import static io.pylon4j.can.CanLineScan.notAFrameLine;
import static io.pylon4j.can.CanLineScan.skipSpace;
import static io.pylon4j.can.CanLineScan.tokenEnd;

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
            long timestamp = CandumpLines.parseTimestampMicros(line, b, pos + 1, close);
            if (context != null) {
                context.timestamp = timestamp;
            }
            pos = skipSpace(b, close + 1, end);
            if (pos == end) {
                throw new InvalidCanFrameException("nothing after the timestamp");
            }
        }
        if (line.startsWith("Standard ID:", pos)) {
            return CaptureLines.parseLabelled(line.substring(pos, end), "Standard ID:", "DLC:", "Data:", ' ');
        }
        if (line.startsWith("CANId=", pos)) {
            return CaptureLines.parseLabelled(line.substring(pos, end), "CANId=", "FrameLength=", "Data=", ',');
        }
        if (line.startsWith("ID:", pos)) {
            return CaptureLines.parseBufferLine(line.substring(pos, end));
        }
        int token0End = tokenEnd(b, pos, end);
        int hash = indexOf(b, '#', pos, token0End);
        if (hash >= 0) { // cansend compact, no interface
            return CandumpLines.parseCompact(line, b, pos, hash, token0End);
        }
        if (indexOf(b, '|', pos, token0End) >= 0) {
            return CaptureLines.parseTable(line.substring(pos, end));
        }
        int token1 = skipSpace(b, token0End, end);
        if (token1 < end && b[token1] == '|') {
            return CaptureLines.parseTable(line.substring(pos, end));
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
            return CandumpLines.parseCompact(line, b, token1, hash, token1End);
        }
        return CandumpLines.parseText(line, b, token1, token1End, end);
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

}
