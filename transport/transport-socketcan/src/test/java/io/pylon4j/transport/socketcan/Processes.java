package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The programs one VM test runs side by side ({@code candump}, {@code pylon}, a Python client), each writing its
 * standard output and error to files of the test's directory, so that nothing blocks on a full pipe and a failure
 * can show what each program said. {@link #close()} ends whatever still runs.
 */
final class Processes implements AutoCloseable {

    private final Path dir;
    private final Map<String, Process> running = new LinkedHashMap<>();

    Processes(Path dir) {
        this.dir = dir;
    }

    /** Starts {@code command} under {@code name}. */
    void start(String name, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectOutput(outputFile(name).toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
        running.put(name, process);
    }

    /** The file that holds what {@code name} printed on standard output. */
    Path outputFile(String name) {
        return dir.resolve(name + ".out");
    }

    /** What {@code name} printed on standard output so far. */
    String output(String name) throws IOException {
        return Files.exists(outputFile(name)) ? Files.readString(outputFile(name)) : "";
    }

    /** Waits until {@code name} printed {@code text}; fails after {@code seconds}, or if it ended first. */
    void awaitOutput(String name, String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!output(name).contains(text)) {
            assertThat(System.nanoTime() - deadline).as("%s printed '%s' within %d s; %s", name, text, seconds,
                    report()).isNegative();
            assertThat(running.get(name).isAlive()).as("%s runs until it printed '%s'; %s", name, text, report())
                    .isTrue();
            Thread.sleep(100);
        }
    }

    /** Waits for {@code name} to end by itself; returns its exit status, or fails after {@code seconds}. */
    int awaitExit(String name, long seconds) throws Exception {
        Process process = running.get(name);
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("%s ended within %d s; %s", name, seconds, report())
                .isTrue();
        return process.exitValue();
    }

    /** Ends {@code name} at once (SIGKILL), as a crashed source would end. */
    void kill(String name) throws InterruptedException {
        running.get(name).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Asks {@code name} to end (SIGTERM), so that it flushes what it wrote, and waits for it. */
    void stop(String name) throws InterruptedException {
        Process process = running.get(name);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Everything each program printed, for a failure message. */
    String report() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : running.keySet()) {
            Path err = dir.resolve(name + ".err");
            String out = output(name);
            text.append(String.format("%n--- %s (%s) stdout: %s%n--- %s stderr: %s", name,
                    running.get(name).isAlive() ? "running" : "exit " + running.get(name).exitValue(),
                    out.length() > 4000 ? "…" + out.substring(out.length() - 4000) : out, name,
                    Files.exists(err) ? Files.readString(err) : ""));
        }
        return text.toString();
    }

    @Override
    public void close() {
        running.values().forEach(Process::destroyForcibly);
        for (Process process : running.values()) {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
