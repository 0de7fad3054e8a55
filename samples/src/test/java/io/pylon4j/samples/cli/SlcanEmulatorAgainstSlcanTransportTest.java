package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.testing.SlcanAdapterEmulator;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanFrameQueue;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.serial.SerialTransportProvider;
import io.pylon4j.transport.serial.SocatPtyPair;
import io.pylon4j.transport.virtual.VirtualCanBus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pylon4j's own SLCAN host ({@code slcan:}) against {@link SlcanAdapterEmulator} over a socat pseudo-terminal pair:
 * the host that could not open against python-can (both are hosts; {@code docs/gateway.md}) opens against the
 * emulated adapter, reads its version and serial number, and carries frames both ways between a battery on an
 * in-memory bus and itself.
 */
class SlcanEmulatorAgainstSlcanTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void pylon4jsSlcanTransportOpensOnTheEmulatedAdapterAndCarriesFramesBothWays() throws Exception {
        Transports serial = new Transports(List.of(new SerialTransportProvider()));
        VirtualCanBus bus = new VirtualCanBus("slcan-emulated");
        CanFrameQueue atHost = new CanFrameQueue(100);
        CanFrameQueue atBattery = new CanFrameQueue(100);
        try (SocatPtyPair ptys = SocatPtyPair.start(dir);
             ByteStreamTransport line = serial.byteStream("serial:" + ptys.b() + "?baud=115200");
             CanTransport adapterBus = bus.newMember();
             CanTransport battery = bus.newMember();
             CanTransport host = serial.can("slcan:" + ptys.a())) {
            line.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            adapterBus.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            battery.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            battery.addFrameListener(atBattery);
            try (SlcanAdapterEmulator adapter = SlcanAdapterEmulator.between(line, adapterBus)) {
                host.addFrameListener(atHost);
                host.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(adapter.channelOpen()).isTrue();
                assertThat(((io.pylon4j.transport.serial.SlcanTransport) host).adapterVersion()).contains("V1013");

                CanFrame limits = CanFrame.ofHex(0x351, "14 02 C0 12 C0 12 C2 01");
                battery.send(limits);
                assertThat(atHost.poll(WAIT)).isEqualTo(limits);
                CanFrame keepAlive = CanFrame.ofHex(0x305, "00 00 00 00 00 00 00 00");
                host.send(keepAlive);
                assertThat(atBattery.poll(WAIT)).isEqualTo(keepAlive);
                // the emulator counts a frame after the bus or the line took it: the far end may see it first
                assertThat(eventually(adapter::framesToBus)).isEqualTo(1);
                assertThat(eventually(adapter::framesToHost)).isEqualTo(1);
            }
        }
    }

    /** {@return the counter once it is non-zero, or its value after {@link #WAIT}} */
    private static long eventually(java.util.function.LongSupplier counter) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (counter.getAsLong() == 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
        }
        return counter.getAsLong();
    }
}
