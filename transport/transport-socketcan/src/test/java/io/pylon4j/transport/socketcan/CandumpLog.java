package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanLogEntry;
import io.pylon4j.can.CandumpFormat;
import io.pylon4j.can.InvalidCanFrameException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * What {@code candump -L} wrote: each frame with the kernel's receive time, in microseconds since the epoch. The
 * gateway's VM test reads the cadence, the fail-safe and the silence from these timestamps, not from its own clock.
 *
 * @param entries the frames in the order candump printed them
 */
record CandumpLog(List<CanLogEntry> entries) {

    /** Reads a {@code candump -L} file; a line that is not a standard-id data frame fails the test, naming it. */
    static CandumpLog read(Path file) throws IOException {
        List<CanLogEntry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(CandumpFormat.parse(line));
            } catch (InvalidCanFrameException e) {
                fail("candump printed a frame that is not an 11-bit data frame (%s): %s", e.getMessage(), line);
            }
        }
        return new CandumpLog(List.copyOf(entries));
    }

    /** The frames with receive times in {@code [fromMicros, toMicros)} that {@code which} accepts. */
    CandumpLog between(long fromMicros, long toMicros, Predicate<CanFrame> which) {
        return new CandumpLog(entries.stream().filter(e -> e.timestampMicros() >= fromMicros
                && e.timestampMicros() < toMicros && which.test(e.frame())).toList());
    }

    /** The frames with this id. */
    CandumpLog withId(int id) {
        return new CandumpLog(entries.stream().filter(e -> e.frame().id() == id).toList());
    }

    /** The distinct ids, sorted. */
    List<Integer> ids() {
        return entries.stream().map(e -> e.frame().id()).distinct().sorted().toList();
    }

    /** The gaps between consecutive frames, in microseconds. */
    List<Long> intervalsMicros() {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < entries.size(); i++) {
            gaps.add(entries.get(i).timestampMicros() - entries.get(i - 1).timestampMicros());
        }
        return gaps;
    }

    /** The median of {@link #intervalsMicros()}; fails when there are fewer than three frames. */
    long medianIntervalMicros() {
        List<Long> gaps = new ArrayList<>(intervalsMicros());
        assertThat(gaps).as("at least three frames to measure a period from").hasSizeGreaterThanOrEqualTo(2);
        Collections.sort(gaps);
        return gaps.get(gaps.size() / 2);
    }

    /** The first entry, or fails with {@code what}. */
    CanLogEntry first(String what) {
        assertThat(entries).as(what).isNotEmpty();
        return entries.get(0);
    }

    /** The last entry, or fails with {@code what}. */
    CanLogEntry last(String what) {
        assertThat(entries).as(what).isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    int size() {
        return entries.size();
    }
}
