package io.pylon4j.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.DriverOptions;
import io.pylon4j.driver.PylonDriver;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Closing an RS485 driver opened from a {@code tcp:} endpoint (the Netty transport, found by ServiceLoader as an
 * application finds it) releases its socket and its threads: a plain loopback {@link ServerSocket} run by the test
 * sees every connection reach end-of-stream, and no {@code pylon4j-} or Netty thread is left.
 */
class Rs485SocketLifecycleTest {

    static final int DRIVERS = 20;

    static Set<Thread> libraryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("pylon4j")
                        || t.getName().toLowerCase(Locale.ROOT).contains("netty"))
                .collect(Collectors.toSet());
    }

    /** The library threads started since {@code before} still alive after each was given 10 s (joined) to end. */
    static Set<Thread> survivors(Set<Thread> before) throws InterruptedException {
        for (Thread t : libraryThreads()) {
            if (!before.contains(t)) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
        Set<Thread> after = new HashSet<>(libraryThreads());
        after.removeAll(before);
        return after;
    }

    @Test
    void twentyRs485DriversOnTcpReleaseEverySocketAndThreadOnClose() throws Exception {
        Set<Thread> before = libraryThreads();
        CountDownLatch polled = new CountDownLatch(DRIVERS); // a connection that carried a request
        CountDownLatch ended = new CountDownLatch(DRIVERS);  // a connection whose peer closed it (read -1)
        List<Thread> readers = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, DRIVERS * 2, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                for (int i = 0; i < DRIVERS; i++) {
                    Socket socket;
                    try {
                        socket = server.accept();
                    } catch (IOException e) {
                        return; // the server was closed: the test has failed or finished
                    }
                    Thread reader = new Thread(() -> readUntilEof(socket, polled, ended), "test-socket-reader-" + i);
                    reader.setDaemon(true); // a failed test must not keep the JVM up
                    readers.add(reader);
                    reader.start();
                }
            }, "test-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();

            List<PylonDriver> drivers = new ArrayList<>();
            try {
                for (int i = 0; i < DRIVERS; i++) {
                    // never answered: each driver keeps polling its own connection until closed
                    PylonDriver d = PylonDriver.openRs485("tcp:127.0.0.1:" + server.getLocalPort(),
                            DriverOptions.defaults("socket-" + i));
                    drivers.add(d);
                    d.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
                }
                assertThat(polled.await(10, TimeUnit.SECONDS)).as("every connection carried a request").isTrue();
                assertThat(ended.getCount()).as("no connection ended while its driver was open").isEqualTo(DRIVERS);
            } finally {
                drivers.forEach(PylonDriver::close);
            }
            drivers.forEach(PylonDriver::close); // idempotent

            assertThat(ended.await(10, TimeUnit.SECONDS)).as("the server saw every connection closed").isTrue();
            acceptor.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(acceptor.isAlive()).isFalse();
            for (Thread r : readers) {
                r.join(TimeUnit.SECONDS.toMillis(10));
            }
            assertThat(readers).hasSize(DRIVERS).noneMatch(Thread::isAlive);
            assertThat(survivors(before)).extracting(Thread::getName).isEmpty();
        }
    }

    private static void readUntilEof(Socket socket, CountDownLatch polled, CountDownLatch ended) {
        try (socket; InputStream in = socket.getInputStream()) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60)); // bounded, should the driver never close it
            boolean first = true;
            byte[] buffer = new byte[256];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0 && first) {
                    first = false;
                    polled.countDown();
                }
            }
            ended.countDown();
        } catch (IOException e) {
            // a reset instead of an orderly close: not counted as ended, so the test fails and says so
        }
    }
}
