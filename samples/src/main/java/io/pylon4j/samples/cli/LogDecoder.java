package io.pylon4j.samples.cli;

/**
 * Turns the lines of a mixed CAN/RS485 log into JSON Lines, one object per frame line, keeping the state that
 * spans lines (an RS485 response is decoded as the answer to the request before it).
 *
 * <p>Not thread-safe: one decoder per log.
 */
final class LogDecoder {

    private final CanLineDecoder can = new CanLineDecoder();
    private final Rs485LineDecoder rs485 = new Rs485LineDecoder();
    /** The bus of the last frame line, so that a line that is neither is reported against the log's own bus. */
    private boolean lastWasRs485;

    /**
     * Decodes one line. Blank lines and {@code #} comments print nothing.
     *
     * @return false when the line was a frame line that could not be decoded (an error object was printed)
     */
    boolean decodeLine(String line, JsonWriter json) {
        int start = 0;
        int end = line.length();
        while (start < end && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        if (start == end || line.charAt(start) == '#') {
            return true;
        }
        if (Rs485LineDecoder.looksLikeRs485(line, start)) {
            lastWasRs485 = true;
            return rs485.decode(line, json);
        }
        if (lastWasRs485 && !CanLineDecoder.looksLikeCan(line, start)) {
            return rs485.decode(line, json);
        }
        lastWasRs485 = false;
        return can.decode(line, json);
    }
}
