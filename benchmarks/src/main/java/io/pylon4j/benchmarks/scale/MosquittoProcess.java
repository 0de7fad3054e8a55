package io.pylon4j.benchmarks.scale;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker ({@code /usr/sbin/mosquitto}, Debian's {@code mosquitto}) started by the MQTT scale benchmark on
 * a free loopback port with a generated configuration (anonymous, no persistence, errors and warnings logged to a
 * file in its own temporary folder), so that its CPU time can be read from {@code /proc/PID/stat} apart from the
 * measured JVM's. Stopped by {@link #close()}, and by a shutdown hook if the benchmark dies first.
 */
final class MosquittoProcess implements AutoCloseable {

    /** What to install when the broker is missing. */
    static final String MISSING = "mosquitto is not installed, and the MQTT scale benchmark needs it: apt-get install"
            + " mosquitto (.ci/run installs it)";
    /** Linux's USER_HZ: the unit of utime and stime in /proc/PID/stat on every Linux architecture Java runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final int port;
    private final Path dir;
    private final Thread hook;

    private MosquittoProcess(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.hook = new Thread(process::destroyForcibly, "pylon4j-bench-mosquitto-killer");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The {@code mosquitto} binary on the PATH or in an sbin folder, if installed. */
    static Optional<Path> find() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "")
                .split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "mosquitto")).filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts a broker and waits until it accepts connections.
     *
     * @throws IOException naming what to install if mosquitto is missing, or the broker's log if it did not start
     */
    static MosquittoProcess start() throws IOException, InterruptedException {
        Path binary = find().orElseThrow(() -> new IOException(MISSING));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("pylon4j-bench-mosquitto");
        Path conf = dir.resolve("mosquitto.conf");
        Path log = dir.resolve("mosquitto.log");
        Files.writeString(conf, String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous true",
                "persistence false", "log_dest stderr", "log_type error", "log_type warning", ""));
        Process p = new ProcessBuilder(binary.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        MosquittoProcess broker = new MosquittoProcess(p, port, dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return broker;
            } catch (IOException notYet) {
                if (!p.isAlive() || System.nanoTime() - deadline > 0) {
                    broker.close();
                    throw new IOException("mosquitto did not start on port " + port + ": " + Files.readString(log));
                }
                Thread.sleep(20);
            }
        }
    }

    /** The broker's port on 127.0.0.1. */
    int port() {
        return port;
    }

    /** The broker's process id. */
    long pid() {
        return process.pid();
    }

    /** Whether the broker process is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** The broker's CPU time so far (user + system, from /proc/PID/stat) in ns, or -1 if it cannot be read. */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // fields after "(comm)": state is field 3, utime 14 and stime 15 (proc(5)); comm may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
