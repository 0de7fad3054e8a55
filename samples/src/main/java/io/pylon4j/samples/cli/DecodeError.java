package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;

/** The error line of the decode contract ({@code docs/json-can.md}, {@code docs/json-rs485.md}). */
final class DecodeError {

    private DecodeError() {
    }

    /**
     * Writes {@code {"bus":"can","error":"<reason>","input":"<the line>"}} as a whole line, after discarding any object
     * begun since {@code lineStart} (a {@link JsonWriter#buffered()} mark).
     */
    static void write(JsonWriter json, int lineStart, String bus, String reason, String input) {
        json.rollbackTo(lineStart);
        json.beginObject().field("bus", bus).field("error", reason == null ? "unknown error" : reason)
                .field("input", input).endObject();
    }
}
