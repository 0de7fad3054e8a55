package io.pylon4j.mqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link MosquittoBroker} for every test of a class, in a folder of its own, stopped after the test (after
 * the class's own {@code @AfterEach} methods, so a bridge closed there still reaches it):
 *
 * <pre>{@code @RegisterExtension final MosquittoExtension mosquitto = new MosquittoExtension();}</pre>
 *
 * One broker per test, not per class: the restart tests need a broker with no retained message, and a retained
 * message of one test must not satisfy the next one's wait. Shared with the {@code pylon mqtt} tests (samples).
 */
public final class MosquittoExtension implements BeforeEachCallback, AfterEachCallback {

    private Path dir;
    private MosquittoBroker broker;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("pylon4j-mosquitto-");
        broker = MosquittoBroker.start(dir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (broker != null) {
                broker.close();
            }
        } finally {
            broker = null;
            delete(dir);
        }
    }

    /** This test's broker. */
    public MosquittoBroker broker() {
        return broker;
    }

    /** The broker's port on 127.0.0.1. */
    public int port() {
        return broker.port();
    }

    /** {@code tcp://127.0.0.1:PORT} (or {@code ssl://…} after {@link #restartSecured}). */
    public String uri() {
        return broker.uri();
    }

    /**
     * Replaces this test's plain broker with a secured one ({@link MosquittoBroker#startSecured}: TLS with
     * {@code pki}'s server certificate, only {@code user} with {@code password}), stopped after the test like the
     * first.
     *
     * @return the secured broker
     */
    public MosquittoBroker restartSecured(TestPki pki, String user, String password)
            throws IOException, InterruptedException {
        broker.close();
        broker = MosquittoBroker.startSecured(Files.createDirectories(dir.resolve("secured")), pki, user, password);
        return broker;
    }

    private static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
