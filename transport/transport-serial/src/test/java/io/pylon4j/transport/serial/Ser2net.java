package io.pylon4j.transport.serial;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code ser2net} (4.x, YAML configuration) serving a pseudo-terminal on a loopback port, run as our own
 * foreground instance ({@code -n -d}, no UUCP locks {@code -u}, its own pid file), never the system service.
 *
 * <p>Whether it is listening yet is not polled for: the transport under test connects with a fast reconnect policy,
 * and a refused connection is just an attempt that its policy repeats.
 */
final class Ser2net implements AutoCloseable {

    private final Path program;
    private final Path dir;
    private final Path config;
    private final int port;
    private Process process;
    private int starts;

    private Ser2net(Path program, Path dir, Path config, int port) {
        this.program = program;
        this.dir = dir;
        this.config = config;
        this.port = port;
    }

    /**
     * Starts ser2net serving {@code device} on 127.0.0.1 with the given accepter stack ({@code telnet(rfc2217),tcp}
     * for RFC 2217, {@code telnet,tcp} for plain Telnet, {@code tcp} for raw TCP); fails (or skips, see
     * {@link ExternalTools}) without ser2net.
     */
    static Ser2net serve(Path device, String accepter, Path dir) throws IOException {
        Path program = ExternalTools.require("ser2net", "ser2net");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) { // a free port; the gap until ser2net binds it is tiny
            port = probe.getLocalPort();
        }
        Path config = dir.resolve("ser2net.yaml");
        // the device starts at 115200 so that a client asking for another rate visibly changes it
        Files.writeString(config, "connection: &pylon4j\n"
                + "  accepter: " + accepter + ",127.0.0.1," + port + "\n"
                + "  connector: serialdev," + device + ",115200n81,local\n"
                + "  options:\n"
                + "    kickolduser: true\n", StandardCharsets.UTF_8);
        Ser2net ser2net = new Ser2net(program, dir, config, port);
        ser2net.start();
        return ser2net;
    }

    /** The TCP port it listens on. */
    int port() {
        return port;
    }

    /** (Re)starts it. */
    void start() throws IOException {
        starts++;
        process = new ProcessBuilder(program.toString(), "-n", "-d", "-u", "-c", config.toString(), "-P",
                dir.resolve("ser2net-" + starts + ".pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("ser2net-" + starts + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    /** Stops it (SIGTERM) and waits: its clients see their connection close. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** What the current instance logged, for failure messages. */
    String log() throws IOException {
        Path log = dir.resolve("ser2net-" + starts + ".log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
