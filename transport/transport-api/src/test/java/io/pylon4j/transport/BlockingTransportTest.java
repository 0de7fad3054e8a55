package io.pylon4j.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.spi.BlockingCanTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The state machine of {@link io.pylon4j.transport.spi.BlockingTransport}, driven by a scripted fake link. */
class BlockingTransportTest {

    /** A link whose connects fail or succeed as scripted, and whose reads come from a queue. */
    static final class ScriptedLink extends BlockingCanTransport {
        final BlockingQueue<Object> incoming = new LinkedBlockingQueue<>();
        final AtomicInteger connectsToFail;
        final List<CanFrame> written = new ArrayList<>();
        volatile boolean linkOpen;

        ScriptedLink(int connectsToFail, ReconnectPolicy policy) {
            super(Endpoint.parse("fake:link"), TransportOptions.defaults().withReconnectPolicy(policy)
                    .withThreadNamePrefix("test"));
            this.connectsToFail = new AtomicInteger(connectsToFail);
        }

        @Override
        protected void connect() throws IOException {
            if (connectsToFail.getAndDecrement() > 0) {
                throw new IOException("refused");
            }
            linkOpen = true;
        }

        @Override
        protected void readLoop() throws Exception {
            while (true) {
                Object next = incoming.take();
                if (next instanceof CanFrame frame) {
                    deliver(frame, System.nanoTime());
                } else if (next instanceof Exception e) {
                    throw e;
                } else {
                    return; // peer closed
                }
            }
        }

        @Override
        protected void disconnect() {
            linkOpen = false;
        }

        @Override
        protected void write(CanFrame frame) {
            written.add(frame);
        }
    }

    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 2.0,
            0.0, 0);

    @Test
    void connectsDeliversAndCloses() throws Exception {
        List<ConnectionStateChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        CanFrameQueue received = new CanFrameQueue(10);
        try (ScriptedLink link = new ScriptedLink(0, FAST)) {
            link.addStateListener(changes::add);
            link.addFrameListener(received);
            link.open().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(link.state()).isEqualTo(ConnectionState.CONNECTED);

            link.incoming.add(CanFrame.ofHex(0x351, "1402"));
            assertThat(received.poll(Duration.ofSeconds(5))).isEqualTo(CanFrame.ofHex(0x351, "1402"));
            link.send(CanFrame.ofHex(0x305, "0000000000000000"));
            assertThat(link.written).containsExactly(CanFrame.ofHex(0x305, "0000000000000000"));
            assertThat(link.counters().framesIn()).isEqualTo(1);
            assertThat(link.counters().framesOut()).isEqualTo(1);
        }
        assertThat(changes).extracting(ConnectionStateChange::current)
                .containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.CLOSED);
    }

    @Test
    void retriesFailedConnectsWithTheirCauseAndCountsAReconnectAfterADrop() throws Exception {
        List<ConnectionStateChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ScriptedLink link = new ScriptedLink(2, FAST)) {
            link.addStateListener(changes::add);
            link.open().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(changes).filteredOn(c -> c.current() == ConnectionState.WAITING_TO_RECONNECT)
                    .hasSize(2)
                    .allSatisfy(c -> assertThat(c.failure()).get().extracting(Throwable::getMessage).isEqualTo("refused"));

            link.incoming.add(new IOException("port vanished"));
            waitFor(() -> link.counters().reconnects() == 1);
            assertThat(changes).anySatisfy(c -> {
                assertThat(c.current()).isEqualTo(ConnectionState.WAITING_TO_RECONNECT);
                assertThat(c.cause()).hasMessage("port vanished");
                assertThat(c.nextAttemptDelay()).isEqualTo(Duration.ofMillis(1)); // attempts restart after success
            });
        }
    }

    @Test
    void failsWhenThePolicyGivesUp() {
        ScriptedLink link = new ScriptedLink(5, new ReconnectPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 1.0,
                0.0, 3));
        try (link) {
            assertThatThrownBy(() -> link.open().toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .hasRootCauseMessage("refused");
            assertThat(link.state()).isEqualTo(ConnectionState.FAILED);
            assertThat(link.connectsToFail.get()).isEqualTo(2); // exactly three attempts were made
        }
    }

    @Test
    void sendWhileDownIsRefusedAndCounted() {
        try (ScriptedLink link = new ScriptedLink(Integer.MAX_VALUE, FAST)) {
            assertThatThrownBy(() -> link.send(CanFrame.ofHex(0x305, "00")))
                    .isInstanceOf(NotConnectedException.class).hasMessageContaining("fake:link");
            assertThat(link.counters().droppedFrames()).isEqualTo(1);
        }
    }

    @Test
    void closeIsIdempotentReleasesTheThreadAndRefusesLaterUse() throws Exception {
        ScriptedLink link = new ScriptedLink(0, FAST);
        link.open().toCompletableFuture().get(5, TimeUnit.SECONDS);
        link.close();
        link.close();
        assertThat(link.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-fake-link"));
        assertThatThrownBy(() -> link.send(CanFrame.ofHex(0x305, "00"))).isInstanceOf(TransportClosedException.class);
        assertThatThrownBy(() -> link.open().toCompletableFuture().join()).hasCauseInstanceOf(TransportClosedException.class);
    }

    @Test
    void softwareFilterDropsOtherIdsWithoutCountingThemAsLost() throws Exception {
        CanFrameQueue received = new CanFrameQueue(10);
        try (ScriptedLink link = new ScriptedLink(0, FAST)) {
            link.addFrameListener(received);
            link.setReceiveFilter(CanIdFilter.of(0x356));
            link.open().toCompletableFuture().get(5, TimeUnit.SECONDS);
            link.incoming.add(CanFrame.ofHex(0x351, "01"));
            link.incoming.add(CanFrame.ofHex(0x356, "02"));
            assertThat(received.poll(Duration.ofSeconds(5))).isEqualTo(CanFrame.ofHex(0x356, "02"));
            assertThat(link.counters().framesIn()).isEqualTo(1);
            assertThat(link.counters().droppedFrames()).isZero();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
