package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.spi.TransportProvider;
import io.pylon4j.transport.time.Scheduler;
import io.pylon4j.transport.virtual.VirtualTransportProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Opening and closing many drivers leaks no thread; close is idempotent. */
class DriverLifecycleTest {

    static Set<Thread> pylonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("pylon4j")).collect(java.util.stream.Collectors.toSet());
    }

    /** Waits (by joining, not sleeping) for threads that are shutting down to end. */
    static Set<Thread> survivors(Set<Thread> before) throws InterruptedException {
        for (Thread t : pylonThreads()) {
            if (!before.contains(t)) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
        Set<Thread> after = new java.util.HashSet<>(pylonThreads());
        after.removeAll(before);
        return after;
    }

    @Test
    void thousandDriversWithTheirOwnThreadOpenedAndClosedLeakNoThread() throws Exception {
        Set<Thread> before = pylonThreads();
        List<PylonDriver> drivers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            drivers.add(PylonDriver.can(new FakeCanTransport(), DriverOptions.defaults("bank-" + i)));
            drivers.get(i).start();
        }
        drivers.forEach(PylonDriver::close);
        drivers.forEach(PylonDriver::close); // idempotent
        assertThat(survivors(before)).isEmpty();
    }

    /** The in-memory provider, keeping every transport it makes so that the test can look at them. */
    static final class RecordingProvider implements TransportProvider {
        final VirtualTransportProvider virtual = new VirtualTransportProvider();
        final List<Transport> made = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Set<String> schemes() {
            return virtual.schemes();
        }

        @Override
        public boolean isCan(String scheme) {
            return virtual.isCan(scheme);
        }

        @Override
        public boolean isByteStream(String scheme) {
            return virtual.isByteStream(scheme);
        }

        @Override
        public CanTransport createCan(Endpoint endpoint, TransportOptions options) {
            CanTransport t = virtual.createCan(endpoint, options);
            made.add(t);
            return t;
        }

        @Override
        public ByteStreamTransport createByteStream(Endpoint endpoint, TransportOptions options) {
            ByteStreamTransport t = virtual.createByteStream(endpoint, options);
            made.add(t);
            return t;
        }
    }

    @Test
    void aDriverClosesTheTransportsItOpenedFromEndpoints() throws Exception {
        RecordingProvider provider = new RecordingProvider();
        Transports transports = new Transports(List.of(provider));
        PylonDriver d = PylonDriver.openCanAndRs485(transports, "virtual:both-can", "virtual:both-485",
                DriverOptions.defaults("both"));
        d.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(d.status().sources()).containsKeys(Source.CAN, Source.RS485);
        assertThat(provider.made).hasSize(2).allMatch(t -> t.state() == ConnectionState.CONNECTED);
        d.close();
        assertThat(d.toString()).contains("virtual:both-can").contains("virtual:both-485");
        assertThat(d.isClosed()).isTrue();
        assertThat(provider.made).extracting(Transport::state).containsOnly(ConnectionState.CLOSED);
    }

    @Test
    void aDriverLeavesTheTransportsItWasHandedOpen() throws Exception {
        VirtualTransportProvider virtual = new VirtualTransportProvider();
        try (CanTransport can = virtual.canBus("handed").newMember()) {
            PylonDriver d = PylonDriver.can(can, DriverOptions.defaults("handed"));
            d.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            d.close();
            assertThat(can.state()).isEqualTo(ConnectionState.CONNECTED); // the caller owns it and closes it
        }
    }

    @Test
    void thousandRs485DriversOnOneSharedSchedulerLeaveNoTaskBehind() throws Exception {
        ScheduledThreadPoolExecutor shared = new ScheduledThreadPoolExecutor(1,
                r -> new Thread(r, "pylon4j-test-shared-485"));
        shared.setRemoveOnCancelPolicy(true);
        try {
            Scheduler scheduler = Scheduler.of(shared);
            try (SupervisionTicker ticker = new SupervisionTicker(java.time.Clock.systemUTC(), scheduler)) {
                List<PylonDriver> drivers = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    PylonDriver d = PylonDriver.rs485(new FakeByteTransport("fake:" + i, request -> null),
                            DriverOptions.builder("bank-" + i).scheduler(scheduler).eventExecutor(shared)
                                    .ticker(ticker).build());
                    d.start();
                    drivers.add(d);
                }
                drivers.forEach(PylonDriver::close);
                // every poll task and response timer was cancelled: only the ticker's task is live. Count live
                // tasks, not queued ones: a periodic task cancelled in the instant after its run finished is put
                // back in the queue by ScheduledThreadPoolExecutor.reExecutePeriodic (it does not re-check the
                // cancel) and discarded, unrun, when its time comes; CI caught 2 such in 1,000.
                assertThat(shared.submit(() -> shared.getQueue().stream()
                        .filter(r -> !((java.util.concurrent.Future<?>) r).isCancelled()).count())
                        .get(10, TimeUnit.SECONDS)).isLessThanOrEqualTo(1L);
            }
        } finally {
            shared.shutdown();
            assertThat(shared.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void thousandDriversOnVirtualBusesOpenedFromEndpointsCloseTheirTransports() throws Exception {
        Set<Thread> before = pylonThreads();
        ScheduledThreadPoolExecutor shared = new ScheduledThreadPoolExecutor(1,
                r -> new Thread(r, "pylon4j-test-shared"));
        try {
            Scheduler scheduler = Scheduler.of(shared);
            try (SupervisionTicker ticker = new SupervisionTicker(java.time.Clock.systemUTC(), scheduler)) {
                List<PylonDriver> drivers = new ArrayList<>();
                Transports transports = new Transports(List.of(new VirtualTransportProvider()));
                for (int i = 0; i < 1000; i++) {
                    PylonDriver d = PylonDriver.openCan(transports, "virtual:lifecycle-" + i, DriverOptions.builder("bank-" + i)
                            .scheduler(scheduler).eventExecutor(shared).ticker(ticker).build());
                    d.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
                    drivers.add(d);
                }
                assertThat(ticker.size()).isEqualTo(1000);
                drivers.forEach(PylonDriver::close);
                assertThat(ticker.size()).isZero();
                assertThat(survivors(before)).extracting(Thread::getName).containsOnly("pylon4j-test-shared");
            }
        } finally {
            shared.shutdown();
            assertThat(survivors(before)).allMatch(t -> t.getName().equals("pylon4j-test-shared"));
            assertThat(shared.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
