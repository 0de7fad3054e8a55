package io.pylon4j.can.captures;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CandumpFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of a real capture, read from the capture itself rather than copied into each test: Setfire Labs,
 * "Pylontech Battery CAN comms - V1.2 vs V1.3", two US5000 stacks, one second of each (docs/protocol.md §1.2, §3,
 * {@code docs/captures/can-setfirelabs-us5000-v12-vs-v13.txt}). Shared with the tests of other modules through
 * protocol-can's test-jar (a package of its own, so that no module splits {@code io.pylon4j.can}).
 */
public final class Us5000Capture {

    /** The capture file, under the repository's root. */
    public static final String FILE = "docs/captures/can-setfirelabs-us5000-v12-vs-v13.txt";

    private Us5000Capture() {
    }

    /**
     * The six frames a US5000 on V1.2 firmware sends every second: 0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E.
     *
     * @return the frames, in the capture's order
     */
    public static List<CanFrame> v12Second() {
        return section("# Old Pylontechs:", "# New Pylontechs:");
    }

    /**
     * The six frames a US5000 on V1.3 firmware sends every second: 0x351, 0x355, 0x356, 0x35A, 0x35E, 0x35F.
     *
     * @return the frames, in the capture's order
     */
    public static List<CanFrame> v13Second() {
        return section("# New Pylontechs:", null);
    }

    /** The frames between the comment line {@code from} and {@code to} (or the end), parsed as the page prints them. */
    private static List<CanFrame> section(String from, String to) {
        List<String> lines = read();
        int start = lines.indexOf(from);
        int end = to == null ? lines.size() : lines.indexOf(to);
        if (start < 0 || end < start) {
            throw new IllegalStateException(FILE + " no longer has the sections '" + from + "' and '" + to + "'");
        }
        List<CanFrame> frames = new ArrayList<>();
        for (String line : lines.subList(start + 1, end)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                frames.add(CandumpFormat.parseFrame(line));
            }
        }
        if (frames.size() != 6) { // the page: both firmwares send six messages; a test must not pass on fewer
            throw new IllegalStateException(FILE + ": " + frames.size() + " frames after '" + from + "', not 6");
        }
        return List.copyOf(frames);
    }

    private static List<String> read() {
        Path file = locate();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The file from a module's directory (where Maven runs its tests) or any folder below the repository's root. */
    private static Path locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + FILE + " in " + start + " or any folder above it");
    }
}
