package io.pylon4j.gateway;

import io.pylon4j.can.CanFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sol-Ark's rule that every frame carries eight data bytes (docs/gateway.md gives the source): bytes past a frame's
 * fields are reserved and sent as 00, as [SOLARK] names 0x359's byte 7 (docs/protocol.md §1.2). A frame shorter than
 * all of its fields, because the view lacks one (no discharge voltage limit, SOH or temperature), is left out: padding
 * it would send a made-up 0 V, 0 % or 0 °C where the inverter reads a value.
 */
final class SolArkFrames {

    /** The data length of each frame with every field present; bytes beyond are reserved (docs/protocol.md §1.2). */
    private static final Map<Integer, Integer> FULL_LENGTHS = Map.of(0x351, 8, 0x355, 4, 0x356, 6, 0x359, 7,
            0x35C, 2, 0x35E, 8, 0x379, 2);

    private SolArkFrames() {
    }

    /**
     * {@return the frames that have all their fields, each padded with 00 to eight bytes, in the same order}
     *
     * @param frames one cycle of the Sol-Ark set, as the codec encoded it
     */
    static List<CanFrame> padded(List<CanFrame> frames) {
        List<CanFrame> out = new ArrayList<>(frames.size());
        for (CanFrame f : frames) {
            if (f.length() >= FULL_LENGTHS.getOrDefault(f.id(), CanFrame.MAX_LENGTH)) {
                out.add(new CanFrame(f.id(), CanFrame.MAX_LENGTH, f.payload()));
            }
        }
        return List.copyOf(out);
    }
}
