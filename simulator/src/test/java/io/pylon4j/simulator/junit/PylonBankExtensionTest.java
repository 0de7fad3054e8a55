package io.pylon4j.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.rs485.ProtocolVersionRequest;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The extension starts a bank per test, on virtual buses with the test's clock. */
@PylonBank(modules = 2, preset = "US2000C", soc = 70)
class PylonBankExtensionTest {

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void injectsABankFromTheClassAnnotation(SimulatedBankHandle bank) {
        assertThat(bank.snapshot().modulesOnline()).isEqualTo(2);
        assertThat(bank.snapshot().preset().model()).isEqualTo("US2000C");
        assertThat(bank.snapshot().stateOfChargePercent()).isEqualTo(70);
        assertThat(bank.canEndpoint()).hasValueSatisfying(e -> assertThat(e).startsWith("virtual:"));
    }

    @Test
    void sendsACanCycleEachSecondOfTheTestsClockAndRecordsKeepAlives(SimulatedBankHandle bank) {
        CanTransport inverter = bank.newCanClient();
        List<CanFrame> frames = new CopyOnWriteArrayList<>();
        inverter.addFrameListener((f, t) -> frames.add(f));
        inverter.send(CanFrame.ofHex(0x305, "00 00 00 00 00 00 00 00"));
        bank.advance(Duration.ofSeconds(2));
        await(() -> frames.stream().filter(f -> f.id() == 0x35E).count() == 2); // the last frame of each cycle
        await(() -> bank.traffic().keepAliveCount() == 1);
        assertThat(frames).filteredOn(f -> f.id() == 0x351).hasSize(2);
        assertThat(bank.traffic().canFramesSent()).isEqualTo(18); // the cycle at start, then two more
    }

    @Test
    @PylonBank(modules = 3, can = false)
    void aMethodAnnotationOverridesTheClassAndServesRs485(SimulatedBankHandle bank) {
        assertThat(bank.canEndpoint()).isEmpty();
        ByteStreamTransport client = bank.newRs485Client();
        StringBuffer reply = new StringBuffer();
        client.addByteListener((buf, off, len, t) -> reply.append(new String(buf, off, len,
                java.nio.charset.StandardCharsets.US_ASCII)));
        client.write(new ProtocolVersionRequest(0x04).toFrame().encode());
        await(() -> reply.indexOf("\r") >= 0);
        assertThat(reply.toString()).startsWith("~2004");
        assertThat(bank.snapshot().modulesOnline()).isEqualTo(3);
    }

    @Test
    @PylonBank(modules = 1, can = false, transport = PylonBank.Transport.TCP)
    void listensOnALoopbackPortForTcp(SimulatedBankHandle bank) throws Exception {
        int port = bank.rs485Port().orElseThrow();
        assertThat(bank.rs485Endpoint()).contains("tcp:127.0.0.1:" + port);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(new ProtocolVersionRequest(0x02).toFrame().encode());
            byte[] buf = new byte[64];
            int n = socket.getInputStream().read(buf);
            assertThat(new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("~2002");
        }
    }
}
