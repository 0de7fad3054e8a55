package io.pylon4j.can;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link PylonCanCodec#decode} under every {@link CanProfile}: any 11-bit id (the known ones picked often), any
 * DLC 0 to 8, any bytes. The only exceptions allowed to leave the codec are its own {@link CanCodecException}s, each
 * with a message; anything else (an {@link IndexOutOfBoundsException}, an {@link IllegalArgumentException} from a
 * record) is a finding. Whatever decodes must encode back to the very frame (the records keep every bit, see
 * {@link CanMessage}), and that frame must decode to an equal record.
 *
 * <p>The profile is built from five fuzzed choices, so every combination of options is reached, not only the presets.
 */
class PylonCanCodecFuzz {

    /** Every id with a layout of its own, plus the smallest and the largest id. */
    private static final int[] KNOWN_IDS = {0x00F, 0x305, 0x306, 0x307, 0x351, 0x355, 0x356, 0x359, 0x35A, 0x35B,
            0x35C, 0x35E, 0x35F, 0x370, 0x371, 0x372, 0x373, 0x374, 0x375, 0x376, 0x377, 0x378, 0x379, 0x380, 0x381,
            0x382, 0x000, CanFrame.MAX_STANDARD_ID};

    @FuzzTest(maxDuration = "10m")
    void decode(FuzzedDataProvider data) {
        CanProfile profile = new CanProfile(data.pickValue(CanProfile.Frames370And371.values()),
                data.pickValue(CanProfile.AlarmPairPolarity.values()),
                data.pickValue(CanProfile.VoltageResolution.values()),
                data.pickValue(CanProfile.EnergyResolution.values()),
                data.pickValue(CanProfile.InverterFrames.values()));
        PylonCanCodec codec = new PylonCanCodec(profile);
        int id = data.consumeBoolean() ? data.pickValue(KNOWN_IDS) : data.consumeInt(0, CanFrame.MAX_STANDARD_ID);
        int length = data.consumeInt(0, CanFrame.MAX_LENGTH);
        long payload = data.consumeLong();
        CanFrame frame = new CanFrame(id, length, length == CanFrame.MAX_LENGTH ? payload
                : payload & ((1L << (8 * length)) - 1));

        CanMessage message;
        try {
            message = codec.decode(frame);
        } catch (CanCodecException expected) {
            if (expected.getMessage() == null || expected.getMessage().isEmpty()) {
                throw new IllegalStateException("a CanCodecException without a message", expected);
            }
            return;
        }
        if (message == null || message.canId() != id) {
            throw new IllegalStateException(frame + " decoded to " + message);
        }
        if (message.toString() == null) {
            throw new IllegalStateException("no text for " + frame);
        }
        CanFrame again = codec.encode(message);
        if (!again.equals(frame)) {
            throw new IllegalStateException(frame + " decoded to " + message + " which encodes to " + again
                    + " under " + profile);
        }
        CanMessage twice = codec.decode(again);
        if (!twice.equals(message) || twice.hashCode() != message.hashCode()) {
            throw new IllegalStateException(message + " decodes again to " + twice + " under " + profile);
        }
    }
}
