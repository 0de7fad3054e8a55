package io.pylon4j.transport.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameQueue;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.contract.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many members share a few delivery threads, which end with the last member; order per member is kept. */
class VirtualBusThreadsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static void openAll(List<? extends Transport> members) throws Exception {
        List<CompletableFuture<Void>> opens = new ArrayList<>();
        for (Transport t : members) {
            opens.add(t.open().toCompletableFuture());
        }
        CompletableFuture.allOf(opens.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void twoHundredMembersOnAHundredBusesOfOneProviderShareAtMostTwoThreadsAndDeliverInOrder() throws Exception {
        String prefix = "vthreads200";
        TransportOptions options = TransportOptions.defaults().withThreadNamePrefix(prefix);
        VirtualTransportProvider virtual = new VirtualTransportProvider();
        Transports transports = new Transports(List.of(virtual));
        List<CanTransport> senders = new ArrayList<>();
        List<CanTransport> receivers = new ArrayList<>();
        List<CanFrameQueue> received = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            senders.add(transports.can("virtual:bus-" + i, options));
            CanTransport receiver = transports.can("virtual:bus-" + i, options);
            CanFrameQueue queue = new CanFrameQueue(100);
            receiver.addFrameListener(queue);
            receivers.add(receiver);
            received.add(queue);
        }
        openAll(senders);
        openAll(receivers);
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 100; i++) {
                senders.get(i).send(CanFrame.of(0x351, (byte) i, (byte) round));
            }
        }
        for (int i = 0; i < 100; i++) {
            for (int round = 0; round < 10; round++) {
                assertThat(received.get(i).poll(WAIT)).as("bus %d frame %d", i, round)
                        .isEqualTo(CanFrame.of(0x351, (byte) i, (byte) round));
            }
        }
        assertThat(virtual.deliveryThreads()).isBetween(1, DeliveryThreads.THREADS);
        assertThat(Threads.alive(prefix, Duration.ZERO)).hasSizeBetween(1, DeliveryThreads.THREADS)
                .allMatch(name -> name.startsWith(prefix + "-virtual-"));

        for (int i = 0; i < 99; i++) {
            senders.get(i).close();
            receivers.get(i).close();
        }
        senders.get(99).close();
        // the last open member still receives on the shared threads
        CanTransport last = transports.can("virtual:bus-99", options);
        openAll(List.of(last));
        last.send(CanFrame.ofHex(0x355, "01"));
        assertThat(received.get(99).poll(WAIT)).isEqualTo(CanFrame.ofHex(0x355, "01"));
        last.close();
        receivers.get(99).close();
        assertThat(Threads.alive(prefix, WAIT)).isEmpty();
        assertThat(virtual.deliveryThreads()).isZero();
    }

    @Test
    void membersWithAnotherThreadNamePrefixGetThreadsOfTheirOwnOnTheSameBus() throws Exception {
        VirtualCanBus bus = new VirtualCanBus("prefixes");
        LinkedBlockingQueue<String> threads = new LinkedBlockingQueue<>();
        try (CanTransport battery = bus.newMember(TransportOptions.defaults().withThreadNamePrefix("vbattery"), 16);
             CanTransport inverter = bus.newMember(TransportOptions.defaults().withThreadNamePrefix("vinverter"), 16)) {
            battery.addFrameListener((f, t) -> threads.add(Thread.currentThread().getName()));
            inverter.addFrameListener((f, t) -> threads.add(Thread.currentThread().getName()));
            openAll(List.of(battery, inverter));
            battery.send(CanFrame.ofHex(0x351, "01"));
            assertThat(threads.poll(10, TimeUnit.SECONDS)).startsWith("vinverter-virtual-prefixes-");
            inverter.send(CanFrame.ofHex(0x305, "00"));
            assertThat(threads.poll(10, TimeUnit.SECONDS)).startsWith("vbattery-virtual-prefixes-");
        }
        assertThat(Threads.alive("vbattery", WAIT)).isEmpty();
        assertThat(Threads.alive("vinverter", WAIT)).isEmpty();
        assertThat(bus.ownDeliveryThreads()).isZero();
    }

    @Test
    void aCallerSuppliedExecutorDeliversInOrderAndIsNotShutDown() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(3, r -> new Thread(r, "vcaller-delivery"));
        try {
            VirtualTransportProvider virtual = new VirtualTransportProvider(executor);
            CanFrameQueue received = new CanFrameQueue(1000);
            LinkedBlockingQueue<String> threads = new LinkedBlockingQueue<>();
            try (CanTransport a = virtual.canBus("own").newMember();
                 CanTransport b = virtual.canBus("own").newMember()) {
                b.addFrameListener(received);
                b.addFrameListener((f, t) -> threads.add(Thread.currentThread().getName()));
                openAll(List.of(a, b));
                for (int i = 0; i < 500; i++) {
                    a.send(CanFrame.of(0x351, (byte) i, (byte) (i >> 8)));
                }
                for (int i = 0; i < 500; i++) {
                    assertThat(received.poll(WAIT)).isEqualTo(CanFrame.of(0x351, (byte) i, (byte) (i >> 8)));
                }
                assertThat(threads.poll()).isEqualTo("vcaller-delivery");
                assertThat(virtual.deliveryThreads()).isZero();
            }
            assertThat(executor.isShutdown()).isFalse();
        } finally {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aCallerExecutorThatRefusesFailsOpenInsteadOfLeavingItPending() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdown();
        VirtualTransportProvider virtual = new VirtualTransportProvider(executor);
        try (CanTransport member = virtual.canBus("refused").newMember()) {
            assertThatThrownBy(() -> member.open().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TransportIoException.class)
                    .hasMessageContaining("refused");
            assertThat(member.counters().errors()).isEqualTo(1);
        }
    }

    @Test
    void aClosedMembersStateListenersSawConnectingConnectedClosedOnlyOnce() throws Exception {
        VirtualCanBus bus = new VirtualCanBus("states");
        List<ConnectionState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        CanTransport member = bus.newMember();
        member.addStateListener(c -> states.add(c.current()));
        openAll(List.of(member));
        openAll(List.of(member)); // a second open changes nothing
        member.close();
        member.close();
        assertThat(states).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                ConnectionState.CLOSED);
        assertThat(bus.memberCount()).isZero();
    }
}
