package io.pylon4j.simulator.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.testing.ManualScheduler;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanIdFilter;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateListener;
import io.pylon4j.transport.TransportCounters;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.virtual.VirtualCanBus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link SimulatorServer#start()} returns with its links open, or throws naming the one that did not open. */
class SimulatorServerStartTest {

    @Test
    void startReturnsWithTheLinkOpenSoThatTheFirstCycleReachesTheBus() throws Exception {
        SimulatedBank bank = Banks.us3000c(2, 50);
        VirtualCanBus bus = new VirtualCanBus("start-test");
        CanTransport inverter = bus.newMember();
        inverter.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<CanFrame> frames = new CopyOnWriteArrayList<>();
        inverter.addFrameListener((f, t) -> frames.add(f));
        CanTransport battery = bus.newMember();
        ManualScheduler scheduler = new ManualScheduler();
        try (SimulatorServer server = SimulatorServer.builder(bank).can(battery).scheduler(scheduler).build()) {
            server.start();
            assertThat(battery.state()).isEqualTo(ConnectionState.CONNECTED);
            scheduler.advance(Duration.ZERO); // the first cycle, sent at once by the sender's thread
            long sent = battery.counters().framesOut();
            assertThat(sent).as("frames the first cycle put on the bus").isPositive();
            assertThat(battery.counters().droppedFrames()).isZero();
            Awaits.until(() -> frames.size() >= sent); // delivered on the bus's threads
            assertThat(frames).hasSize((int) sent).extracting(CanFrame::id).contains(0x351, 0x355, 0x356, 0x359);
        } finally {
            inverter.close();
        }
    }

    @Test
    void aTransportThatDoesNotOpenInTimeFailsStartWithItsNameAndIsClosed() {
        NeverOpens never = new NeverOpens(null);
        SimulatorServer server = SimulatorServer.builder(Banks.us3000c(1, 50)).can(never)
                .openTimeout(Duration.ofMillis(50)).build();
        assertThatThrownBy(server::start).isInstanceOf(TransportIoException.class)
                .hasMessageContaining("CAN transport never:open").hasMessageContaining("did not open within 0.1 s");
        assertThat(never.closed).isTrue();
        server.start(); // closed: does nothing
        assertThat(never.opens).isEqualTo(1);
    }

    @Test
    void aTransportThatFailsToOpenFailsStartWithTheCause() {
        IllegalStateException cause = new IllegalStateException("no such interface");
        NeverOpens failing = new NeverOpens(cause);
        SimulatorServer server = SimulatorServer.builder(Banks.us3000c(1, 50)).can(failing).build();
        assertThatThrownBy(server::start).isInstanceOf(TransportIoException.class)
                .hasMessageContaining("never:open failed to open: no such interface").hasCause(cause);
        assertThat(failing.closed).isTrue();
    }

    @Test
    void theOpenTimeoutMustBePositive() {
        assertThatThrownBy(() -> SimulatorServer.builder(Banks.us3000c(1, 50)).openTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    /** A CAN transport whose open never completes, or fails with {@code failure}. */
    private static final class NeverOpens implements CanTransport {
        private final Throwable failure;
        volatile boolean closed;
        volatile int opens;

        NeverOpens(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public String endpoint() {
            return "never:open";
        }

        @Override
        public CompletionStage<Void> open() {
            opens++;
            return failure == null ? new CompletableFuture<>() : CompletableFuture.failedFuture(failure);
        }

        @Override
        public ConnectionState state() {
            return closed ? ConnectionState.CLOSED : ConnectionState.CONNECTING;
        }

        @Override
        public void addStateListener(ConnectionStateListener listener) {
        }

        @Override
        public void removeStateListener(ConnectionStateListener listener) {
        }

        @Override
        public TransportCounters counters() {
            return TransportCounters.ZERO;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void send(CanFrame frame) {
            throw new IllegalStateException("not open");
        }

        @Override
        public void addFrameListener(CanFrameListener listener) {
        }

        @Override
        public void removeFrameListener(CanFrameListener listener) {
        }

        @Override
        public void setReceiveFilter(CanIdFilter filter) {
        }
    }
}
