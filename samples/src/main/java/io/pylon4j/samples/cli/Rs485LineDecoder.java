package io.pylon4j.samples.cli;

/**
 * Decodes one RS485 log line ({@code ~…}, optionally after a {@code ->} or {@code <-} direction mark) to one JSON
 * object of the {@code pylon decode} contract. A response is decoded as the answer to the most recent request.
 *
 * <p>Not thread-safe: it remembers the last request.
 */
final class Rs485LineDecoder {

    /** Whether a line (from {@code start}, its first non-blank character) is an RS485 frame line. */
    static boolean looksLikeRs485(String line, int start) {
        int i = start;
        if (line.startsWith("->", i) || line.startsWith("<-", i)) {
            i += 2;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
        }
        return i < line.length() && line.charAt(i) == '~';
    }

    /**
     * Decodes {@code line} and writes one object.
     *
     * @return false when the line could not be decoded and an error object was written instead
     */
    boolean decode(String line, JsonWriter json) {
        json.errorLine(json.buffered(), "rs485", "RS485 decoding is not built yet", line);
        return false;
    }
}
