package io.pylon4j.transport.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanFrameQueue;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the in-memory buses add to the transport contract: many members, namespaces, bounded queues. */
class VirtualBusTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static <T extends Transport> T opened(T transport) throws Exception {
        transport.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return transport;
    }

    @Test
    void everyMemberSeesEveryOtherMembersFramesButNotItsOwn() throws Exception {
        VirtualCanBus bus = new VirtualCanBus("bench");
        CanFrameQueue qa = new CanFrameQueue(10);
        CanFrameQueue qb = new CanFrameQueue(10);
        CanFrameQueue qc = new CanFrameQueue(10);
        try (CanTransport a = bus.newMember(); CanTransport b = bus.newMember(); CanTransport c = bus.newMember()) {
            a.addFrameListener(qa);
            b.addFrameListener(qb);
            c.addFrameListener(qc);
            opened(a);
            opened(b);
            opened(c);
            assertThat(bus.memberCount()).isEqualTo(3);
            a.send(CanFrame.ofHex(0x351, "0A"));
            b.send(CanFrame.ofHex(0x355, "0B"));
            assertThat(qb.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "0A"));
            assertThat(qa.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x355, "0B"));
            assertThat(qc.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "0A"));
            assertThat(qc.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x355, "0B"));
            c.send(CanFrame.ofHex(0x359, "0C"));
            assertThat(qa.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x359, "0C"));
            assertThat(qb.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x359, "0C"));
            assertThat(qa.size() + qb.size() + qc.size()).isZero();
        }
        assertThat(bus.memberCount()).isZero();
    }

    @Test
    void listenersRunOnTheReceiversThreadNotTheSenders() throws Exception {
        VirtualCanBus bus = new VirtualCanBus("threads");
        LinkedBlockingQueue<String> threads = new LinkedBlockingQueue<>();
        try (CanTransport a = bus.newMember(); CanTransport b = bus.newMember()) {
            b.addFrameListener((f, t) -> threads.add(Thread.currentThread().getName()));
            opened(a);
            opened(b);
            a.send(CanFrame.ofHex(0x351, "01"));
            assertThat(threads.poll(10, TimeUnit.SECONDS)).startsWith("pylon4j-virtual-threads-")
                    .isNotEqualTo(Thread.currentThread().getName());
        }
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingTheSender() throws Exception {
        VirtualCanBus bus = new VirtualCanBus("slow");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (CanTransport sender = bus.newMember();
             CanTransport slow = bus.newMember(TransportOptions.defaults(), 4)) {
            slow.addFrameListener((f, t) -> {
                holding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            opened(sender);
            opened(slow);
            sender.send(CanFrame.ofHex(0x351, "00"));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue(); // the first frame is out of the queue
            for (int i = 1; i <= 4 + 3; i++) {
                sender.send(CanFrame.of(0x351, (byte) i));
            }
            assertThat(slow.counters().droppedFrames()).isEqualTo(3);
            assertThat(sender.counters().framesOut()).isEqualTo(8);
            release.countDown();
        }
    }

    @Test
    void byteBusMembersSeeEachOthersBytesAndAFullQueueCountsDiscardedBytes() throws Exception {
        VirtualByteBus bus = new VirtualByteBus("rs485");
        LinkedBlockingQueue<String> sniffed = new LinkedBlockingQueue<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ByteStreamTransport driver = bus.newMember(); ByteStreamTransport battery = bus.newMember();
             ByteStreamTransport sniffer = bus.newMember(); ByteStreamTransport slow = bus.newMember(
                     TransportOptions.defaults(), 1)) {
            sniffer.addByteListener((b, o, l, t) -> sniffed.add(new String(b, o, l, java.nio.charset.StandardCharsets.US_ASCII)));
            slow.addByteListener((b, o, l, t) -> {
                holding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            for (Transport t : List.of(driver, battery, sniffer, slow)) {
                opened(t);
            }
            driver.write("~request\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(sniffed.poll(10, TimeUnit.SECONDS)).isEqualTo("~request\r");
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            battery.write("~reply\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // fills slow's queue
            battery.write("~lost\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));  // does not fit
            assertThat(sniffed.poll(10, TimeUnit.SECONDS)).isEqualTo("~reply\r");
            assertThat(sniffed.poll(10, TimeUnit.SECONDS)).isEqualTo("~lost\r");
            assertThat(slow.counters().discardedBytes()).isEqualTo("~lost\r".length());
            release.countDown();
        }
    }

    @Test
    void aLinkIsTwoEndsOfAPipe() throws Exception {
        VirtualByteLink link = new VirtualByteLink("pipe");
        LinkedBlockingQueue<Byte> atB = new LinkedBlockingQueue<>();
        try (ByteStreamTransport a = link.a(); ByteStreamTransport b = link.b()) {
            b.addByteListener((buf, o, l, t) -> atB.add(buf[o]));
            opened(a);
            opened(b);
            a.write(new byte[] {42});
            assertThat(atB.poll(10, TimeUnit.SECONDS)).isEqualTo((byte) 42);
            assertThat(link.bus().memberCount()).isEqualTo(2);
            assertThat(a.endpoint()).isEqualTo("virtual:pipe");
        }
    }

    @Test
    void endpointStringsShareBusesWithinOneTransportsInstanceOnly() throws Exception {
        Transports one = Transports.fromServiceLoader();
        Transports other = Transports.fromServiceLoader();
        CanFrameQueue atB = new CanFrameQueue(10);
        CanFrameQueue atC = new CanFrameQueue(10);
        try (CanTransport a = one.can("virtual:bench"); CanTransport b = one.can("virtual:bench?queue=16");
             CanTransport c = other.can("virtual:bench"); CanTransport d = other.can("virtual:bench")) {
            b.addFrameListener(atB);
            c.addFrameListener(atC);
            for (Transport t : List.of(a, b, c, d)) {
                opened(t);
            }
            a.send(CanFrame.ofHex(0x351, "01"));
            d.send(CanFrame.ofHex(0x351, "02"));
            a.send(CanFrame.ofHex(0x351, "03"));
            d.send(CanFrame.ofHex(0x351, "04"));
            // each bus delivers in send order, so a frame that crossed over would come before the second one
            assertThat(atB.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "01"));
            assertThat(atB.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "03"));
            assertThat(atC.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "02"));
            assertThat(atC.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "04"));
        }
    }

    @Test
    void theVirtualSchemeOffersBothKindsAndAnOwnedProviderExposesItsBuses() throws Exception {
        VirtualTransportProvider virtual = new VirtualTransportProvider();
        Transports transports = new Transports(List.of(virtual));
        LinkedBlockingQueue<Byte> received = new LinkedBlockingQueue<>();
        try (ByteStreamTransport a = transports.byteStream("virtual:rs485");
             ByteStreamTransport b = virtual.byteBus("rs485").newMember()) {
            b.addByteListener((buf, o, l, t) -> received.add(buf[o]));
            opened(a);
            opened(b);
            a.write(new byte[] {5});
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo((byte) 5);
        }
        assertThat(virtual.canBus("x")).isSameAs(virtual.canBus("x"));
        assertThatThrownBy(() -> transports.can("virtual:x?size=3")).isInstanceOf(InvalidEndpointException.class)
                .hasMessageContaining("unknown parameter 'size'");
        assertThatThrownBy(() -> transports.can("virtual:x?queue=0")).hasMessageContaining("at least 1");
    }
}
