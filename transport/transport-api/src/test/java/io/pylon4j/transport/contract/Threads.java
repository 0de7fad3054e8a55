package io.pylon4j.transport.contract;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Thread-leak checks for transports: which named threads are still alive once everything is closed. */
public final class Threads {

    private Threads() {
    }

    /**
     * The live threads whose names start with {@code prefix}, after giving each up to {@code grace} in total to
     * finish (a thread that has been told to stop may take a moment to leave its run method).
     */
    public static List<String> alive(String prefix, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : matching(prefix)) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, left / 1_000_000));
            }
        }
        return matching(prefix).stream().map(Thread::getName).collect(Collectors.toList());
    }

    private static List<Thread> matching(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .collect(Collectors.toList());
    }
}
