package io.pylon4j.transport.serial;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Two pseudo-terminals joined by {@code socat}, reachable as the symbolic links {@link #a()} and {@link #b()}:
 * bytes written to one come out of the other. The transport under test opens one end, the fake device the other.
 * {@link #kill()} makes both vanish as an unplugged USB converter does (the tty is hung up, the link removed);
 * {@link #start()} brings them back under the same link names, usually with other {@code /dev/pts} numbers.
 *
 * <p>Readiness is observed, not guessed: {@code socat -d -d} logs "starting data transfer loop" once both ptys are
 * configured, and the test waits for that line with a {@link WatchService} on the directory (bounded).
 */
public final class SocatPtyPair implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final String READY = "starting data transfer loop";

    private final Path socat;
    private final Path dir;
    private final Path a;
    private final Path b;
    private final Path log;
    private Process process;
    private int starts;

    private SocatPtyPair(Path socat, Path dir) {
        this.socat = socat;
        this.dir = dir;
        this.a = dir.resolve("a");
        this.b = dir.resolve("b");
        this.log = dir.resolve("socat.log");
    }

    /** Starts socat with links in {@code dir}; fails (or skips, see {@link ExternalTools}) without socat. */
    public static SocatPtyPair start(Path dir) throws IOException, InterruptedException {
        SocatPtyPair pair = new SocatPtyPair(ExternalTools.require("socat", "socat"), dir);
        pair.start();
        return pair;
    }

    public Path a() {
        return a;
    }

    public Path b() {
        return b;
    }

    /** (Re)starts socat and waits until both ptys are up. */
    void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("socat is running");
        }
        starts++;
        Path thisLog = dir.resolve("socat-" + starts + ".log");
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            process = new ProcessBuilder(socat.toString(), "-d", "-d",
                    "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                    .redirectErrorStream(true)
                    .redirectOutput(thisLog.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!ready(thisLog)) {
                long left = deadline - System.nanoTime();
                WatchKey key = left > 0 ? watcher.poll(left, TimeUnit.NANOSECONDS) : null;
                if (key == null) {
                    fail("socat did not report '" + READY + "' within " + START_TIMEOUT + "; alive=" + process.isAlive()
                            + ", log: " + read(thisLog));
                }
                key.pollEvents();
                key.reset();
            }
        }
        Files.copy(thisLog, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Kills socat (SIGTERM) and waits for it: both ptys vanish. */
    void kill() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
        // socat removes its links on SIGTERM; make sure, so that a restart can create them again
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        kill();
    }

    private static boolean ready(Path log) throws IOException {
        return read(log).contains(READY);
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
