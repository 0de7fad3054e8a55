package io.pylon4j.simulator.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.virtual.VirtualByteBus;
import io.pylon4j.transport.virtual.VirtualCanBus;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The server on wall-clock time: it sends, and it leaves no thread behind when closed. */
class SimulatorServerTest {

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    @Test
    void sendsOnItsOwnThreadAndLeavesNoThreadWhenClosed() throws Exception {
        Set<Thread> before = liveThreads();
        SimulatedBank bank = Banks.us3000c(2, 50);
        VirtualCanBus canBus = new VirtualCanBus("server-test");
        VirtualByteBus byteBus = new VirtualByteBus("server-test");
        CanTransport inverter = canBus.newMember();
        inverter.open().toCompletableFuture().get();
        List<CanFrame> frames = new CopyOnWriteArrayList<>();
        inverter.addFrameListener((f, t) -> frames.add(f));
        try (SimulatorServer server = SimulatorServer.builder(bank).can(canBus.newMember())
                .rs485(byteBus.newMember()).build()) {
            server.start();
            Awaits.until(() -> frames.stream().anyMatch(f -> f.id() == 0x35E)); // the first cycle, within ~1 s
        }
        inverter.close();
        Awaits.until(() -> {
            Set<Thread> extra = liveThreads();
            extra.removeAll(before);
            return extra.stream().noneMatch(t -> t.getName().startsWith("pylon4j"));
        });
    }
}
