package io.pylon4j.can;

/**
 * A frame whose id the codec does not know (0x360 or 0x354, say, or another protocol's traffic on the same bus),
 * carried whole. Decoding an unknown id is never an error; encoding this message gives back the same frame.
 *
 * @param frame the frame as received
 */
public record UnknownCanMessage(CanFrame frame) implements CanMessage {

    /**
     * Checks the frame.
     *
     * @param frame the frame as received
     * @throws NullPointerException     if {@code frame} is null
     * @throws IllegalArgumentException if its id is one the codec decodes (build that id's record instead)
     */
    public UnknownCanMessage {
        if (frame == null) {
            throw new NullPointerException("frame");
        }
        if (PylonCanCodec.isKnownId(frame.id())) {
            throw new IllegalArgumentException(String.format(
                    "0x%03X is a known id; decode the frame with PylonCanCodec instead of wrapping it", frame.id()));
        }
    }

    @Override
    public int canId() {
        return frame.id();
    }
}
