package io.pylon4j.samples.cli;

import io.pylon4j.driver.json.JsonWriter;
import io.pylon4j.can.CanCodecException;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.PylonCanCodec;

/**
 * Decodes one CAN log line to one JSON object of the {@code pylon decode} contract (see {@code docs/json-can.md}).
 *
 * <p>The line is parsed by {@link LogDecoder} (with {@code CandumpFormat.parseFrame}), decoded with a {@link PylonCanCodec} (real Pylontech
 * behaviour unless told otherwise) and written by {@link CanJson}. A line that cannot be parsed or decoded becomes
 * {@code {"bus":"can","error":"<reason>","input":"<the line>"}}.
 *
 * <p>Not thread-safe.
 */
final class CanLineDecoder {

    private final PylonCanCodec codec;

    /** A decoder for real Pylontech behaviour, {@link PylonCanCodec#standard()}. */
    CanLineDecoder() {
        this(PylonCanCodec.standard());
    }

    CanLineDecoder(PylonCanCodec codec) {
        this.codec = codec;
    }

    /**
     * Decodes a frame already parsed from {@code line} and writes one object.
     *
     * @return false when the frame could not be decoded and an error object was written instead
     */
    boolean decode(CanFrame frame, String line, JsonWriter json) {
        int mark = json.buffered();
        try {
            CanJson.write(codec.decode(frame), json);
            return true;
        } catch (CanCodecException e) {
            DecodeError.write(json, mark, "can", e.getMessage(), line);
            return false;
        }
    }
}
