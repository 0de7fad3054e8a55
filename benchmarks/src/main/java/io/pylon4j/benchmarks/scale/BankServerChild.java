package io.pylon4j.benchmarks.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The MQTT scale benchmark's battery side: a {@link ScaleBankServer} in a child JVM (same {@code java} and class
 * path), one loopback port per bank, killed at {@link #close()} and by a shutdown hook if the benchmark dies first.
 */
final class BankServerChild implements AutoCloseable {

    private final Process process;
    private final Thread hook;
    private final List<Integer> ports;

    private BankServerChild(Process process, Thread hook, List<Integer> ports) {
        this.process = process;
        this.hook = hook;
        this.ports = ports;
    }

    /** Starts the child and waits (at most {@code timeout}) for the ports it announces. */
    static BankServerChild start(int banks, int modules, Duration timeout) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ScaleBankServer.class.getName(), "--banks", Integer.toString(banks), "--modules",
                Integer.toString(modules)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread hook = new Thread(p::destroyForcibly, "pylon4j-bench-child-killer");
        Runtime.getRuntime().addShutdownHook(hook);
        BankServerChild started = new BankServerChild(p, hook, List.of());
        try {
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readyLine(p), r -> {
                Thread t = new Thread(r, "pylon4j-bench-child-reader");
                t.setDaemon(true);
                t.start();
            });
            String line = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<Integer> ports = Arrays.stream(line.substring(ScaleBankServer.READY_PREFIX.length()).split(","))
                    .map(Integer::valueOf).toList();
            if (ports.size() != banks) {
                throw new IOException("the battery-side JVM announced " + ports.size() + " ports, not " + banks);
            }
            return new BankServerChild(p, hook, ports);
        } catch (Exception e) {
            started.close();
            throw e;
        }
    }

    private static String readyLine(Process p) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(ScaleBankServer.READY_PREFIX)) {
                    return line; // the reader ends here; the child writes nothing more
                }
            }
            throw new IllegalStateException("the battery-side JVM ended its output before it was ready");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each bank's port on 127.0.0.1. */
    List<Integer> ports() {
        return ports;
    }

    /** The child's process id. */
    long pid() {
        return process.pid();
    }

    /** Whether the child is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** The child's CPU time so far in ns, or -1 if the OS does not say. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }
}
