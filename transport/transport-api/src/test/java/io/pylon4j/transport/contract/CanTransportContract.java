package io.pylon4j.transport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameQueue;
import io.pylon4j.transport.CanIdFilter;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.NotConnectedException;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportClosedException;
import io.pylon4j.transport.TransportOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CanTransport} promises, run against each implementation by a subclass named {@code *Test}
 * (so that Surefire runs it) that says how to make a transport and the far side of its link.
 */
public abstract class CanTransportContract {

    /** Bounds every wait; generous, since no assertion here is about time. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    /** Retries at once, so that reconnect tests do not wait on back-off. */
    protected static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(1), Duration.ofMillis(20),
            2.0, 0.0, 0);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A transport under test, not yet opened, and the far side of its link. */
    public interface CanLink extends AutoCloseable {

        /** The transport under test. */
        CanTransport transport();

        /** The far side puts a frame on the link, towards the transport. */
        void sendFromPeer(CanFrame frame) throws Exception;

        /** The next frame the far side received from the transport, or {@code null} after {@code timeout}. */
        CanFrame receivedByPeer(Duration timeout) throws Exception;

        /**
         * The far side drops the link, and accepts the transport's next connection.
         *
         * @return false if this kind of link cannot be dropped (then reconnect tests are skipped)
         */
        default boolean dropFromPeer() throws Exception {
            return false;
        }

        /** Releases the far side (the transport is closed by the test). */
        @Override
        void close() throws Exception;
    }

    /** Makes a transport with {@code options} and its far side. */
    protected abstract CanLink newLink(TransportOptions options) throws Exception;

    /**
     * Whether the transport's link carries frames as frames, so that {@code bytesIn}/{@code bytesOut} are exactly the
     * frames' data bytes ({@code socketcan:}, {@code virtual:}); otherwise they are the encoded bytes, at least the
     * data bytes ({@link io.pylon4j.transport.TransportCounters}).
     */
    protected boolean countsDataBytesOnly() {
        return false;
    }

    /** Asserts a byte counter against the data bytes of the frames that crossed the link. */
    private void assertBytes(String counter, long actual, long dataBytes) {
        if (countsDataBytesOnly()) {
            assertThat(actual).as("%s: the frames' data bytes", counter).isEqualTo(dataBytes);
        } else {
            assertThat(actual).as("%s: encoded, at least the frames' data bytes", counter)
                    .isGreaterThanOrEqualTo(dataBytes).isPositive();
        }
    }

    private final List<CanLink> links = new ArrayList<>();
    /** Unique per test, so that the thread-leak checks see only this test's threads. */
    protected final String threadPrefix = "contract" + SEQUENCE.incrementAndGet();

    private CanLink link() throws Exception {
        CanLink link = newLink(TransportOptions.defaults().withReconnectPolicy(FAST)
                .withThreadNamePrefix(threadPrefix));
        links.add(link);
        return link;
    }

    @AfterEach
    void closeLinks() throws Exception {
        for (CanLink link : links) {
            link.transport().close();
            link.close();
        }
    }

    private static void open(CanTransport transport) throws Exception {
        transport.open().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void opensThroughConnectingToConnected() throws Exception {
        CanLink link = link();
        StateRecorder states = new StateRecorder();
        link.transport().addStateListener(states);
        assertThat(link.transport().state()).isEqualTo(ConnectionState.NEW);
        open(link.transport());
        assertThat(link.transport().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(states.states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
        assertThat(states.changes().get(1).attempt()).isEqualTo(1);
    }

    @Test
    void deliversEveryFrameFromThePeerInOrderAndCountsThem() throws Exception {
        CanLink link = link();
        CanFrameQueue received = new CanFrameQueue(1000);
        link.transport().addFrameListener(received);
        open(link.transport());
        List<CanFrame> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            CanFrame frame = CanFrame.of(0x351 + i % 8, (byte) i, (byte) (i >> 8), (byte) 0xC0, (byte) 0x12);
            sent.add(frame);
            link.sendFromPeer(frame);
        }
        List<CanFrame> got = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            CanFrame frame = received.poll(WAIT);
            assertThat(frame).as("frame %d", i).isNotNull();
            got.add(frame);
        }
        assertThat(got).containsExactlyElementsOf(sent);
        assertThat(link.transport().counters().framesIn()).isEqualTo(200);
        assertThat(link.transport().counters().droppedFrames()).isZero();
        assertBytes("bytesIn", link.transport().counters().bytesIn(), 200 * 4);
    }

    @Test
    void sendsFramesToThePeerAndCountsThem() throws Exception {
        CanLink link = link();
        open(link.transport());
        List<CanFrame> sent = List.of(CanFrame.ofHex(0x305, "0000000000000000"), CanFrame.ofHex(0x305, ""),
                CanFrame.ofHex(0x7FF, "FF"), CanFrame.ofHex(0x000, "0102030405060708"));
        for (CanFrame frame : sent) {
            link.transport().send(frame);
        }
        for (CanFrame frame : sent) {
            assertThat(link.receivedByPeer(WAIT)).isEqualTo(frame);
        }
        link.transport().close(); // after close every counter is final
        assertThat(link.transport().counters().framesOut()).isEqualTo(sent.size());
        assertThat(link.transport().counters().droppedFrames()).isZero();
        assertBytes("bytesOut", link.transport().counters().bytesOut(), 8 + 0 + 1 + 8);
    }

    @Test
    void doesNotDeliverItsOwnFrames() throws Exception {
        CanLink link = link();
        CanFrameQueue received = new CanFrameQueue(10);
        link.transport().addFrameListener(received);
        open(link.transport());
        link.transport().send(CanFrame.ofHex(0x305, "01"));
        assertThat(link.receivedByPeer(WAIT)).isEqualTo(CanFrame.ofHex(0x305, "01"));
        link.sendFromPeer(CanFrame.ofHex(0x351, "02"));
        assertThat(received.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "02"));
    }

    @Test
    void receiveFilterPassesOnlyItsIdsAndDoesNotCountTheRestAsLost() throws Exception {
        CanLink link = link();
        CanFrameQueue received = new CanFrameQueue(10);
        link.transport().addFrameListener(received);
        link.transport().setReceiveFilter(CanIdFilter.of(0x356));
        open(link.transport());
        link.sendFromPeer(CanFrame.ofHex(0x351, "01"));
        link.sendFromPeer(CanFrame.ofHex(0x356, "02"));
        assertThat(received.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x356, "02"));
        assertThat(link.transport().counters().framesIn()).isEqualTo(1);
        assertThat(link.transport().counters().droppedFrames()).isZero();
    }

    @Test
    void aFailingListenerIsCountedAndDoesNotStopDelivery() throws Exception {
        CanLink link = link();
        CanFrameQueue received = new CanFrameQueue(10);
        link.transport().addFrameListener((frame, t) -> {
            throw new IllegalStateException("listener bug");
        });
        link.transport().addFrameListener(received);
        open(link.transport());
        link.sendFromPeer(CanFrame.ofHex(0x351, "01"));
        link.sendFromPeer(CanFrame.ofHex(0x351, "02"));
        assertThat(received.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "01"));
        assertThat(received.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "02"));
        assertThat(link.transport().counters().errors()).isEqualTo(2);
    }

    @Test
    void sendBeforeOpenIsRefusedAndCounted() throws Exception {
        CanLink link = link();
        assertThatThrownBy(() -> link.transport().send(CanFrame.ofHex(0x305, "00")))
                .isInstanceOf(NotConnectedException.class);
        assertThat(link.transport().counters().droppedFrames()).isEqualTo(1);
    }

    @Test
    void closeIsIdempotentFinalReleasesThreadsAndRefusesLaterUse() throws Exception {
        CanLink link = link();
        StateRecorder states = new StateRecorder();
        link.transport().addStateListener(states);
        open(link.transport());
        link.transport().close();
        link.transport().close();
        assertThat(link.transport().state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(states.states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                ConnectionState.CLOSED);
        assertThat(Threads.alive(threadPrefix, WAIT)).isEmpty();
        assertThatThrownBy(() -> link.transport().send(CanFrame.ofHex(0x305, "00")))
                .isInstanceOf(TransportClosedException.class);
        assertThatThrownBy(() -> link.transport().open().toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(TransportClosedException.class);
    }

    @Test
    void closeBeforeOpenStartsNothing() throws Exception {
        CanLink link = link();
        StateRecorder states = new StateRecorder();
        link.transport().addStateListener(states);
        link.transport().close();
        assertThat(link.transport().state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(states.states()).containsExactly(ConnectionState.CLOSED);
        assertThat(Threads.alive(threadPrefix, WAIT)).isEmpty();
    }

    @Test
    void aListenerMayCloseTheTransport() throws Exception {
        CanLink link = link();
        CountDownLatch closed = new CountDownLatch(1);
        link.transport().addStateListener(c -> {
            if (c.current() == ConnectionState.CLOSED) {
                closed.countDown();
            }
        });
        link.transport().addFrameListener((frame, t) -> link.transport().close());
        open(link.transport());
        link.sendFromPeer(CanFrame.ofHex(0x351, "01"));
        assertThat(closed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(link.transport().state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(Threads.alive(threadPrefix, WAIT)).isEmpty();
    }

    @Test
    void reconnectsAfterThePeerDropsTheLinkAndCountsIt() throws Exception {
        CanLink link = link();
        StateRecorder states = new StateRecorder();
        CanFrameQueue received = new CanFrameQueue(10);
        link.transport().addStateListener(states);
        link.transport().addFrameListener(received);
        open(link.transport());
        states.await(ConnectionState.CONNECTED, WAIT);
        assumeThat(link.dropFromPeer()).as("this link can be dropped").isTrue();

        assertThat(states.await(ConnectionState.WAITING_TO_RECONNECT, WAIT).cause()).isNotNull();
        states.await(ConnectionState.CONNECTED, WAIT);
        assertThat(link.transport().counters().reconnects()).isEqualTo(1);
        link.sendFromPeer(CanFrame.ofHex(0x351, "03"));
        assertThat(received.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "03"));
        link.transport().send(CanFrame.ofHex(0x305, "04"));
        assertThat(link.receivedByPeer(WAIT)).isEqualTo(CanFrame.ofHex(0x305, "04"));
    }
}
