package io.pylon4j.transport.netty.internal;

import io.pylon4j.can.CanFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The real frame cycles of {@code real-can-traffic.txt} (sources in the file), by set name. */
final class RealCanTraffic {

    private static final Map<String, List<CanFrame>> SETS = load();

    private RealCanTraffic() {
    }

    /** Every set's cycle, by name, in file order. */
    static Map<String, List<CanFrame>> sets() {
        return SETS;
    }

    /** One set's cycle. */
    static List<CanFrame> cycle(String name) {
        return SETS.get(name);
    }

    /** {@code cycles} repetitions of {@code cycle}. */
    static List<CanFrame> repeat(List<CanFrame> cycle, int cycles) {
        List<CanFrame> frames = new ArrayList<>();
        for (int i = 0; i < cycles; i++) {
            frames.addAll(cycle);
        }
        return frames;
    }

    /** The frames as a converter sends them, 13 bytes each. */
    static byte[] canet(List<CanFrame> frames) {
        byte[] out = new byte[frames.size() * CanetCodec.FRAME_LENGTH];
        for (int i = 0; i < frames.size(); i++) {
            System.arraycopy(CanetCodec.encode(frames.get(i)), 0, out, i * CanetCodec.FRAME_LENGTH,
                    CanetCodec.FRAME_LENGTH);
        }
        return out;
    }

    private static Map<String, List<CanFrame>> load() {
        Map<String, List<CanFrame>> sets = new LinkedHashMap<>();
        try (InputStream in = RealCanTraffic.class.getResourceAsStream("real-can-traffic.txt")) {
            List<CanFrame> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("= ")) {
                    current = new ArrayList<>();
                    sets.put(line.substring(2).strip(), current);
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    String[] t = line.strip().split(" ", 2);
                    byte[] data = HexFormat.of().parseHex(t[1].replace(" ", ""));
                    current.add(CanFrame.of(Integer.parseInt(t[0], 16), data));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sets.replaceAll((name, frames) -> List.copyOf(frames));
        return Collections.unmodifiableMap(sets);
    }
}
