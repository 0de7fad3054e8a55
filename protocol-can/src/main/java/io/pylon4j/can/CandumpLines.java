package io.pylon4j.can;

import static io.pylon4j.can.CanLineScan.hexByte;
import static io.pylon4j.can.CanLineScan.isDigit;
import static io.pylon4j.can.CanLineScan.notAFrameLine;
import static io.pylon4j.can.CanLineScan.parseId;
import static io.pylon4j.can.CanLineScan.skipSpace;
import static io.pylon4j.can.CanLineScan.tokenEnd;

/**
 * The two line forms of can-utils' {@code candump} and cansend's compact form, read by {@link CandumpFormat}: a
 * single-pass scanner over a one-byte-a-character copy of the line (the hot path of {@code pylon decode}), which
 * allocates nothing but the frame. Each reader gets the token bounds {@link CandumpFormat} found and throws an
 * {@link InvalidCanFrameException} that quotes the offending part of the line.
 */
final class CandumpLines {

    private CandumpLines() {
    }

    /** {@code 351#1402C012C012C201}: the token is {@code [start, end)}, its '#' at {@code hash}. */
    static CanFrame parseCompact(String line, byte[] b, int start, int hash, int end) {
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
    static CanFrame parseText(String line, byte[] b, int idStart, int idEnd, int end) {
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

    /** {@code seconds.fraction} in {@code b[start, end)}, to microseconds (fraction digits beyond six dropped). */
    static long parseTimestampMicros(String text, byte[] b, int start, int end) {
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
}
