package io.pylon4j.benchmarks.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Voluntary context switches of this JVM's event thread, from {@code /proc/self/task/TID/status}: each is one time
 * the thread went to sleep, so one wake-up (a futex on both sides) for whoever handed it the next task. Linux only;
 * the JVM names its native threads after the first 15 characters of the Java name.
 */
final class VoluntarySwitches {

    /** Native name (15 characters at most) of the benchmark's event thread, {@code pylon4j-bench-events}. */
    private static final String EVENT_THREAD = "pylon4j-bench-e";

    private VoluntarySwitches() {
    }

    /** The count so far, or −1 where {@code /proc} cannot tell. */
    static long ofEventThread() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long sum = 0;
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                sum += switchesIfEventThread(task);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
        return sum;
    }

    private static long switchesIfEventThread(Path task) {
        try {
            String comm = Files.readString(task.resolve("comm")).strip();
            if (!comm.equals(EVENT_THREAD)) {
                return 0;
            }
            for (String line : Files.readAllLines(task.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (IOException e) {
            // the thread ended meanwhile: it switches no more
        }
        return 0;
    }
}
