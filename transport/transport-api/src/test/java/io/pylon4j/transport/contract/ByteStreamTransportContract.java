package io.pylon4j.transport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.NotConnectedException;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportClosedException;
import io.pylon4j.transport.TransportOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ByteStreamTransport} promises, run against each implementation by a subclass named
 * {@code *Test} (so that Surefire runs it) that says how to make a transport and the far side of its link.
 */
public abstract class ByteStreamTransportContract {

    /** Bounds every wait; generous, since no assertion here is about time. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    /** Retries at once, so that reconnect tests do not wait on back-off. */
    protected static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(1), Duration.ofMillis(20),
            2.0, 0.0, 0);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A transport under test, not yet opened, and the far side of its link. */
    public interface ByteLink extends AutoCloseable {

        /** The transport under test. */
        ByteStreamTransport transport();

        /** The far side writes bytes towards the transport. */
        void sendFromPeer(byte[] bytes) throws Exception;

        /**
         * Exactly {@code count} bytes the far side received from the transport.
         *
         * @throws AssertionError if they do not all arrive within {@code timeout}
         */
        byte[] receivedByPeer(int count, Duration timeout) throws Exception;

        /**
         * The far side drops the link, and accepts the transport's next connection.
         *
         * @return false if this kind of link cannot be dropped and reopened (then reconnect tests are skipped)
         */
        default boolean dropFromPeer() throws Exception {
            return false;
        }

        /** Releases the far side (the transport is closed by the test). */
        @Override
        void close() throws Exception;
    }

    /** Makes a transport with {@code options} and its far side. */
    protected abstract ByteLink newLink(TransportOptions options) throws Exception;

    private final List<ByteLink> links = new ArrayList<>();
    /** Unique per test, so that the thread-leak checks see only this test's threads. */
    protected final String threadPrefix = "contract" + SEQUENCE.incrementAndGet();

    private ByteLink link() throws Exception {
        ByteLink link = newLink(TransportOptions.defaults().withReconnectPolicy(FAST)
                .withThreadNamePrefix(threadPrefix));
        links.add(link);
        return link;
    }

    @AfterEach
    void closeLinks() throws Exception {
        for (ByteLink link : links) {
            link.transport().close();
            link.close();
        }
    }

    private static void open(ByteStreamTransport transport) throws Exception {
        transport.open().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Collects received bytes; a test waits on it for a given number. */
    private static final class Collector {
        final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

        void onBytes(byte[] buffer, int offset, int length, long nanoTime) {
            chunks.add(Arrays.copyOfRange(buffer, offset, offset + length));
        }

        byte[] take(int count) throws InterruptedException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (out.size() < count) {
                byte[] chunk = chunks.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (chunk == null) {
                    throw new AssertionError("only " + out.size() + " of " + count + " bytes within " + WAIT);
                }
                out.writeBytes(chunk);
            }
            return out.toByteArray();
        }
    }

    @Test
    void opensThroughConnectingToConnected() throws Exception {
        ByteLink link = link();
        StateRecorder states = new StateRecorder();
        link.transport().addStateListener(states);
        assertThat(link.transport().state()).isEqualTo(ConnectionState.NEW);
        open(link.transport());
        assertThat(link.transport().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(states.states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
    }

    @Test
    void deliversEveryByteFromThePeerInOrderAndCountsThem() throws Exception {
        ByteLink link = link();
        Collector received = new Collector();
        link.transport().addByteListener(received::onBytes);
        open(link.transport());
        byte[] all = new byte[20_000];
        new SplittableRandom(7).nextBytes(all);
        for (int at = 0; at < all.length; at += 1000) {
            link.sendFromPeer(Arrays.copyOfRange(all, at, at + 1000));
        }
        assertThat(received.take(all.length)).isEqualTo(all);
        assertThat(link.transport().counters().bytesIn()).isEqualTo(all.length);
        assertThat(link.transport().counters().discardedBytes()).isZero();
    }

    @Test
    void writesBytesToThePeerAndCountsThem() throws Exception {
        ByteLink link = link();
        open(link.transport());
        byte[] request = "~20024642E00202FD33\r".getBytes(StandardCharsets.US_ASCII);
        link.transport().write(request);
        link.transport().write(request, 1, 4);
        byte[] expected = new byte[request.length + 4];
        System.arraycopy(request, 0, expected, 0, request.length);
        System.arraycopy(request, 1, expected, request.length, 4);
        assertThat(link.receivedByPeer(expected.length, WAIT)).isEqualTo(expected);
        link.transport().close(); // after close every counter is final
        assertThat(link.transport().counters().bytesOut()).isEqualTo(expected.length);
    }

    @Test
    void doesNotDeliverItsOwnBytes() throws Exception {
        ByteLink link = link();
        Collector received = new Collector();
        link.transport().addByteListener(received::onBytes);
        open(link.transport());
        link.transport().write(new byte[] {1, 2, 3});
        assertThat(link.receivedByPeer(3, WAIT)).containsExactly(1, 2, 3);
        link.sendFromPeer(new byte[] {9});
        assertThat(received.take(1)).containsExactly(9);
    }

    @Test
    void aFailingListenerIsCountedAndDoesNotStopDelivery() throws Exception {
        ByteLink link = link();
        Collector received = new Collector();
        link.transport().addByteListener((b, o, l, t) -> {
            throw new IllegalStateException("listener bug");
        });
        link.transport().addByteListener(received::onBytes);
        open(link.transport());
        link.sendFromPeer(new byte[] {1});
        assertThat(received.take(1)).containsExactly(1);
        link.sendFromPeer(new byte[] {2});
        assertThat(received.take(1)).containsExactly(2);
        assertThat(link.transport().counters().errors()).isEqualTo(2);
    }

    @Test
    void writeBeforeOpenIsRefusedAndCounted() throws Exception {
        ByteLink link = link();
        assertThatThrownBy(() -> link.transport().write(new byte[] {1}))
                .isInstanceOf(NotConnectedException.class);
        assertThat(link.transport().counters().droppedFrames()).isEqualTo(1);
    }

    @Test
    void closeIsIdempotentFinalReleasesThreadsAndRefusesLaterUse() throws Exception {
        ByteLink link = link();
        StateRecorder states = new StateRecorder();
        link.transport().addStateListener(states);
        open(link.transport());
        link.transport().close();
        link.transport().close();
        assertThat(link.transport().state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(states.states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                ConnectionState.CLOSED);
        assertThat(Threads.alive(threadPrefix, WAIT)).isEmpty();
        assertThatThrownBy(() -> link.transport().write(new byte[] {1}))
                .isInstanceOf(TransportClosedException.class);
        assertThatThrownBy(() -> link.transport().open().toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(TransportClosedException.class);
    }

    @Test
    void closeBeforeOpenStartsNothing() throws Exception {
        ByteLink link = link();
        StateRecorder states = new StateRecorder();
        link.transport().addStateListener(states);
        link.transport().close();
        assertThat(link.transport().state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(states.states()).containsExactly(ConnectionState.CLOSED);
        assertThat(Threads.alive(threadPrefix, WAIT)).isEmpty();
    }

    @Test
    void aListenerMayCloseTheTransport() throws Exception {
        ByteLink link = link();
        CountDownLatch closed = new CountDownLatch(1);
        link.transport().addStateListener(c -> {
            if (c.current() == ConnectionState.CLOSED) {
                closed.countDown();
            }
        });
        link.transport().addByteListener((b, o, l, t) -> link.transport().close());
        open(link.transport());
        link.sendFromPeer(new byte[] {1});
        assertThat(closed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(link.transport().state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(Threads.alive(threadPrefix, WAIT)).isEmpty();
    }

    @Test
    void reconnectsAfterThePeerDropsTheLinkAndCountsIt() throws Exception {
        ByteLink link = link();
        StateRecorder states = new StateRecorder();
        Collector received = new Collector();
        link.transport().addStateListener(states);
        link.transport().addByteListener(received::onBytes);
        open(link.transport());
        states.await(ConnectionState.CONNECTED, WAIT);
        assumeThat(link.dropFromPeer()).as("this link can be dropped and reopened").isTrue();

        assertThat(states.await(ConnectionState.WAITING_TO_RECONNECT, WAIT).cause()).isNotNull();
        states.await(ConnectionState.CONNECTED, WAIT);
        assertThat(link.transport().counters().reconnects()).isEqualTo(1);
        link.sendFromPeer(new byte[] {7});
        assertThat(received.take(1)).containsExactly(7);
        link.transport().write(new byte[] {8});
        assertThat(link.receivedByPeer(1, WAIT)).containsExactly(8);
    }
}
