package io.pylon4j.mqtt;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto ({@code /usr/sbin/mosquitto}, Debian's {@code mosquitto}) on loopback and a free port, with a
 * generated configuration (anonymous, no persistence: a restart loses every retained message, which is what the
 * restart tests need). Missing Mosquitto FAILS the test with what to install ({@code .ci/run} installs it); a
 * developer can opt out with {@code -Dpylon4j.tests.withoutExternalTools=true}, which turns the tests into skips.
 * Shared with the {@code pylon mqtt} tests (samples) through this module's test jar. {@link #startSecured} starts one
 * as a site's broker should be: a TLS listener only, and users from a {@code password_file} made with
 * {@code mosquitto_passwd -b} (no anonymous clients).
 */
public final class MosquittoBroker implements AutoCloseable {

    /** The opt-out system property (the same as the serial transport's pty tests). */
    public static final String OPT_OUT = "pylon4j.tests.withoutExternalTools";

    private final Path mosquitto;
    private final Path dir;
    private final int port;
    private final List<String> security;
    private Process process;

    private MosquittoBroker(Path mosquitto, Path dir, int port, List<String> security) {
        this.mosquitto = mosquitto;
        this.dir = dir;
        this.port = port;
        this.security = security;
    }

    /**
     * Starts a broker on a free loopback port, its configuration and log in {@code dir}.
     *
     * @param dir a folder of the test's own
     * @return the running broker
     */
    public static MosquittoBroker start(Path dir) throws IOException, InterruptedException {
        return start(dir, List.of("allow_anonymous true"));
    }

    /**
     * Starts a broker with a TLS listener ({@code pki}'s server certificate and key) on a free loopback port, which
     * lets in only {@code user} with {@code password} ({@code mosquitto_passwd -b}, {@code allow_anonymous false}).
     *
     * @param dir      a folder of the test's own
     * @param pki      the CA and the server's certificate
     * @param user     the one user
     * @param password the user's password
     * @return the running broker; {@link #uri()} is {@code ssl://127.0.0.1:PORT}
     */
    public static MosquittoBroker startSecured(Path dir, TestPki pki, String user, String password)
            throws IOException, InterruptedException {
        Path passwd = require("mosquitto_passwd", "mosquitto");
        Path passwords = dir.resolve("passwords");
        Process p = new ProcessBuilder(passwd.toString(), "-c", "-b", passwords.toString(), user, password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Assertions.assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mosquitto_passwd: " + out);
        // run as root (CI), Mosquitto would switch to its own user, who may not read the test's private folders
        return start(dir, List.of("user " + System.getProperty("user.name"), "cafile " + pki.caFile(), "certfile " + pki.certFile(),
                "keyfile " + pki.keyFile(), "allow_anonymous false", "password_file " + passwords));
    }

    private static MosquittoBroker start(Path dir, List<String> security) throws IOException, InterruptedException {
        Path binary = require("mosquitto", "mosquitto");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        MosquittoBroker broker = new MosquittoBroker(binary, dir, port, security);
        broker.startProcess();
        return broker;
    }

    /** The broker's port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:PORT}, or {@code ssl://127.0.0.1:PORT} when started secured. */
    public String uri() {
        return (security.stream().anyMatch(l -> l.startsWith("certfile")) ? "ssl" : "tcp") + "://127.0.0.1:" + port;
    }

    /**
     * The first message on {@code topic} (a retained one at once), read with {@code mosquitto_sub} (Debian's
     * {@code mosquitto-clients}, an independent client) over this broker's TLS, trusting {@code pki}'s CA.
     *
     * @return the payload, or null if none came within {@code timeout}; fails if mosquitto_sub could not subscribe
     */
    public String subscribeOnce(String topic, TestPki pki, String user, String password, java.time.Duration timeout)
            throws IOException, InterruptedException {
        Path sub = require("mosquitto_sub", "mosquitto-clients");
        Process p = new ProcessBuilder(List.of(sub.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "--cafile", pki.caFile().toString(), "-u", user, "-P", password, "-t", topic, "-C", "1",
                "-W", String.valueOf(Math.max(1, timeout.toSeconds())))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        Assertions.assertTrue(p.waitFor(timeout.toSeconds() + 30, TimeUnit.SECONDS), "mosquitto_sub did not end");
        if (p.exitValue() != 0 && out.contains("Timed out")) {
            return null;
        }
        Assertions.assertEquals(0, p.exitValue(), () -> "mosquitto_sub: " + out);
        return out;
    }

    /** The broker's log so far (errors and warnings), for a failing test's message. */
    public String log() throws IOException {
        Path log = dir.resolve("mosquitto.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Stops the broker (SIGTERM) and waits for it to end; its retained messages are gone. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    /**
     * Freezes the broker (SIGSTOP) without closing its connections: a client stays connected and its publishes wait
     * for acknowledgements that do not come, as with a broker that hangs or a link that silently stops.
     */
    public void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a {@link #pause() paused} broker run again (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        // the shell's own kill: /bin/kill comes from procps, which a minimal Debian lacks
        Process kill = new ProcessBuilder("sh", "-c", "kill " + signal + " " + process.pid()).inheritIO().start();
        Assertions.assertEquals(0, kill.waitFor(), "kill " + signal + " mosquitto");
    }

    /** Starts the broker again on the same port. */
    public void restart() throws IOException, InterruptedException {
        stop();
        startProcess();
    }

    private void startProcess() throws IOException, InterruptedException {
        Path conf = dir.resolve("mosquitto.conf");
        List<String> lines = new ArrayList<>(List.of("listener " + port + " 127.0.0.1"));
        lines.addAll(security);
        lines.addAll(List.of("persistence false", "log_dest stderr", "log_type error", "log_type warning", ""));
        Files.writeString(conf, String.join("\n", lines));
        process = new ProcessBuilder(mosquitto.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("mosquitto.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    Assertions.fail("mosquitto ended at start: " + Files.readString(dir.resolve("mosquitto.log")));
                }
                if (System.nanoTime() - deadline > 0) {
                    Assertions.fail("mosquitto did not listen on " + port + " within 10 s");
                }
                Thread.sleep(20);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** The path of {@code program} from Debian's {@code debianPackage}; fails (or skips, opted out) if absent. */
    public static Path require(String program, String debianPackage) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "")
                .split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin")); // mosquitto lives in sbin
        for (String d : dirs) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return Path.of(d, program);
            }
        }
        String message = program + " is not installed, and this test needs it: apt-get install " + debianPackage
                + " (.ci/run installs it). To run the build without it, pass -D" + OPT_OUT + "=true and these tests"
                + " are skipped.";
        if (Boolean.getBoolean(OPT_OUT)) {
            Assumptions.abort(message);
        }
        return Assertions.fail(message);
    }
}
