package io.pylon4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanFrameQueue;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.NotConnectedException;
import io.pylon4j.transport.virtual.VirtualByteBus;
import io.pylon4j.transport.virtual.VirtualCanBus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The fault-injecting transports around real in-memory bus members: each fault happens on its one call, to the next
 * frame only. Waits are bounded polls on what arrived (a frame that must not arrive is proven absent by a later
 * frame that does, on the same ordered bus), never sleeps.
 */
class FaultInjectingTransportsTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Nested
    class Can {
        final VirtualCanBus bus = new VirtualCanBus("faults-can");
        final CanTransport battery = bus.newMember();
        final CanTransport inner = bus.newMember();
        final FaultInjectingCanTransport link = new FaultInjectingCanTransport(inner);
        final CanFrameQueue received = new CanFrameQueue(100);
        /** Runs after the wrapper's own listener, on the same delivery thread: once it has a frame, so has the link. */
        final CanFrameQueue underneath = new CanFrameQueue(100);

        Can() throws Exception {
            link.addFrameListener(received);
            inner.addFrameListener(underneath);
            battery.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            link.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        @AfterEach
        void close() {
            link.close();
            battery.close();
        }

        CanFrame frame(int n) {
            return CanFrame.of(0x351, (byte) n, (byte) 0x02);
        }

        @Test
        void withoutFaultsFramesPassUnchanged() throws Exception {
            battery.send(frame(1));

            assertThat(received.poll(WAIT)).isEqualTo(frame(1));
            assertThat(link.droppedByFaults()).isZero();
        }

        @Test
        void dropNextFrameLosesExactlyOneFrame() throws Exception {
            link.dropNextFrame();
            battery.send(frame(1));
            battery.send(frame(2));
            battery.send(frame(3));

            assertThat(received.poll(WAIT)).isEqualTo(frame(2));
            assertThat(received.poll(WAIT)).isEqualTo(frame(3));
            assertThat(link.droppedByFaults()).isEqualTo(1);
            assertThat(link.counters().droppedFrames()).isEqualTo(1);
        }

        @Test
        void corruptNextFrameDamagesExactlyOneFrame() throws Exception {
            link.corruptNextFrame();
            battery.send(frame(1));
            battery.send(frame(2));

            assertThat(received.poll(WAIT)).isEqualTo(CanFrame.of(0x351, (byte) 0xFE, (byte) 0x02));
            assertThat(received.poll(WAIT)).isEqualTo(frame(2));
            assertThat(link.corruptedByFaults()).isEqualTo(1);
        }

        @Test
        void aFrameWithNoDataGainsAByteWhenCorrupted() {
            assertThat(FaultInjectingCanTransport.corrupt(CanFrame.of(0x305)))
                    .isEqualTo(CanFrame.of(0x305, (byte) 0xFF));
        }

        @Test
        void holdKeepsFramesUntilReleaseDeliversThemInOrder() throws Exception {
            link.hold();
            battery.send(frame(1));
            battery.send(frame(2));
            assertThat(underneath.poll(WAIT)).isEqualTo(frame(1));
            assertThat(underneath.poll(WAIT)).isEqualTo(frame(2));
            assertThat(received.size()).isZero();

            link.release(); // delivers on this thread

            assertThat(received.size()).isEqualTo(2);
            assertThat(received.poll(Duration.ZERO)).isEqualTo(frame(1));
            assertThat(received.poll(Duration.ZERO)).isEqualTo(frame(2));
            battery.send(frame(3));
            assertThat(received.poll(WAIT)).isEqualTo(frame(3)); // no longer holding
        }

        @Test
        void killLinkAnnouncesTheLossRefusesSendingAndDropsWhatArrivesUntilRestored() throws Exception {
            List<ConnectionStateChange> changes = new CopyOnWriteArrayList<>();
            link.addStateListener(changes::add);

            link.killLink();
            battery.send(frame(1));
            assertThat(underneath.poll(WAIT)).isEqualTo(frame(1)); // it reached the link, which dropped it

            assertThat(link.state()).isEqualTo(ConnectionState.WAITING_TO_RECONNECT);
            assertThat(changes).singleElement().satisfies(c -> {
                assertThat(c.previous()).isEqualTo(ConnectionState.CONNECTED);
                assertThat(c.current()).isEqualTo(ConnectionState.WAITING_TO_RECONNECT);
                assertThat(c.causeText()).hasValueSatisfying(t -> assertThat(t).contains("killed by the test"));
            });
            assertThatThrownBy(() -> link.send(frame(9))).isInstanceOf(NotConnectedException.class);

            link.restoreLink();
            battery.send(frame(2));

            assertThat(received.poll(WAIT)).isEqualTo(frame(2)); // frame 1 was lost with the link
            assertThat(link.droppedByFaults()).isEqualTo(1);
            assertThat(link.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(changes).extracting(ConnectionStateChange::current).containsExactly(
                    ConnectionState.WAITING_TO_RECONNECT, ConnectionState.CONNECTING, ConnectionState.CONNECTED);
            link.send(frame(3));
        }
    }

    @Nested
    class Bytes {
        final VirtualByteBus bus = new VirtualByteBus("faults-bytes");
        final ByteStreamTransport battery = bus.newMember();
        final FaultInjectingByteStreamTransport link = new FaultInjectingByteStreamTransport(bus.newMember());
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();

        Bytes() throws Exception {
            link.addByteListener((b, off, len, t) -> received.add(new String(b, off, len, StandardCharsets.US_ASCII)));
            battery.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            link.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        @AfterEach
        void close() {
            link.close();
            battery.close();
        }

        String next() throws InterruptedException {
            String s = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(s).as("a chunk within %s", WAIT).isNotNull();
            return s;
        }

        void send(String s) {
            battery.write(s.getBytes(StandardCharsets.US_ASCII));
        }

        @Test
        void dropNextFrameLosesOneChunk() throws Exception {
            link.dropNextFrame();
            send("~first\r");
            send("~second\r");

            assertThat(next()).isEqualTo("~second\r");
            assertThat(link.droppedByFaults()).isEqualTo(1);
        }

        @Test
        void corruptNextFrameFlipsOneBitInTheMiddleOfOneChunk() throws Exception {
            link.corruptNextFrame();
            send("~20024600\r");
            send("~20024600\r");

            assertThat(next()).isEqualTo("~20025600\r"); // '4', the middle of ten bytes, became '5'
            assertThat(next()).isEqualTo("~20024600\r");
        }

        @Test
        void holdAndReleaseDeliverTheHeldChunksInOrderOnTheCallersThread() throws Exception {
            ByteStreamTransport inner = bus.newMember();
            FaultInjectingByteStreamTransport held = new FaultInjectingByteStreamTransport(inner);
            List<String> out = new CopyOnWriteArrayList<>();
            held.addByteListener((b, off, len, t) -> out.add(new String(b, off, len, StandardCharsets.US_ASCII)));
            LinkedBlockingQueue<String> underneath = new LinkedBlockingQueue<>(); // after the wrapper's listener
            inner.addByteListener((b, off, len, t) -> underneath.add(new String(b, off, len, StandardCharsets.US_ASCII)));
            held.open().toCompletableFuture().get(10, TimeUnit.SECONDS);

            held.hold();
            send("~a\r");
            send("~b\r");
            assertThat(underneath.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("~a\r");
            assertThat(underneath.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("~b\r");
            assertThat(out).isEmpty();

            held.release();

            assertThat(out).containsExactly("~a\r", "~b\r");
            held.close();
        }

        @Test
        void killLinkRefusesWritesUntilRestored() {
            link.killLink();

            assertThatThrownBy(() -> link.write(new byte[] {1})).isInstanceOf(NotConnectedException.class);

            link.restoreLink();
            link.write(new byte[] {1});
            assertThat(link.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }
}
