package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the SocketCAN integration tests share: where the vcan interface is, and running can-utils and iproute2.
 *
 * <p>The tests need a kernel with {@code vcan}, which CI containers do not have; {@code scripts/socketcan-vm-test.sh}
 * boots one under qemu and sets {@code PYLON4J_VCAN}. Elsewhere they are skipped with {@link #HOW_TO_RUN}.
 */
final class Vcan {

    /** The environment variable that names the vcan interface; set by scripts/socketcan-vm-test.sh. */
    static final String ENV = "PYLON4J_VCAN";

    static final String HOW_TO_RUN = "needs a Linux kernel with vcan and can-utils, which scripts/socketcan-vm-test.sh "
            + "boots under qemu: ./mvnw -B -pl transport/transport-socketcan -am verify && ./pylon --help, then "
            + "scripts/socketcan-vm-test.sh scripts/socketcan-it.sh (docs/transports.md, SocketCAN); or set " + ENV
            + "=vcan0 on a machine where vcan0 is up";

    private Vcan() {
    }

    /** The vcan interface to use, or skips the test with how to run it. */
    static String assumeInterface() {
        String name = System.getenv(ENV);
        assumeTrue(name != null && !name.isBlank(), ENV + " is not set: " + HOW_TO_RUN);
        assumeTrue(Files.exists(Path.of("/sys/class/net", name)), "no interface " + name + ": " + HOW_TO_RUN);
        return name;
    }

    /** Runs a command to completion (at most 60 s), asserts exit status 0, returns its standard output. */
    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> out = drain(process.getInputStream());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
            String text = out.join();
            assertThat(process.exitValue()).as("exit status of %s, output: %s", List.of(command), text).isZero();
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Reads a stream to its end on another thread. */
    static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            // a thread of its own, not the common pool: stdout and stderr are drained at once, and JDK 25 on two
            // cores gives supplyAsync one shared thread, where a full stderr pipe would block the process
            Thread t = new Thread(task, "test-vcan-drain");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Makes sure the interface exists and is up again, whatever a test did to it. */
    static void restore(String name) {
        if (!Files.exists(Path.of("/sys/class/net", name))) {
            run("ip", "link", "add", "dev", name, "type", "vcan");
        }
        run("ip", "link", "set", "up", name);
    }

    /** Takes state changes from the queue until one reaches {@code state}; fails after {@code timeout}. */
    static ConnectionStateChange awaitState(BlockingQueue<ConnectionStateChange> changes, ConnectionState state,
                                            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ConnectionStateChange change = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(change).as("a change to %s within %s", state, timeout).isNotNull();
            if (change.current() == state) {
                return change;
            }
        }
    }
}
