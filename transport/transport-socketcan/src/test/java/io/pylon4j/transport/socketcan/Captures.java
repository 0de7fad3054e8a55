package io.pylon4j.transport.socketcan;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CandumpFormat;
import io.pylon4j.can.InvalidCanFrameException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared CAN captures (copies of {@code docs/captures/can-*.txt}, each with its source in its header), as
 * frames and as candump log files that {@code canplayer} replays.
 */
final class Captures {

    /** The capture files under {@code src/test/resources/captures}. */
    static final List<String> FILES = List.of("can-dfch-byd-lvs-victron-venus.txt", "can-emulator-outputs.txt",
            "can-setfirelabs-us5000-v12-vs-v13.txt");

    private Captures() {
    }

    /**
     * The frames of one capture, in file order; comment and blank lines skipped, and so are the lines that
     * {@link CandumpFormat} rejects (see {@link #rejectedLines(String)}).
     */
    static List<CanFrame> frames(String file) {
        List<CanFrame> frames = new ArrayList<>();
        read(file, frames, new ArrayList<>());
        return frames;
    }

    /**
     * The data lines of a capture that {@link CandumpFormat} does not parse. Today: the C-array lines of the
     * JK-BMS block in can-emulator-outputs.txt, which carry a {@code | comment} after their data bytes.
     */
    static List<String> rejectedLines(String file) {
        List<String> rejected = new ArrayList<>();
        read(file, new ArrayList<>(), rejected);
        return rejected;
    }

    private static void read(String file, List<CanFrame> frames, List<String> rejected) {
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + file);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    try {
                        frames.add(CandumpFormat.parseFrame(line));
                    } catch (InvalidCanFrameException e) {
                        rejected.add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every capture's frames, one after the other. */
    static List<CanFrame> allFrames() {
        List<CanFrame> all = new ArrayList<>();
        FILES.forEach(file -> all.addAll(frames(file)));
        return all;
    }

    /** A candump log (what {@code candump -L} writes and {@code canplayer} reads) of the frames, 1 ms apart. */
    static String candumpLog(List<CanFrame> frames, String interfaceName) {
        StringBuilder log = new StringBuilder();
        long micros = 1_700_000_000_000_000L;
        for (CanFrame frame : frames) {
            log.append(CandumpFormat.formatLog(micros, interfaceName, frame)).append('\n');
            micros += 1000;
        }
        return log.toString();
    }
}
