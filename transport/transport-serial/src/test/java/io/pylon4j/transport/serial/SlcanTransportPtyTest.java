package io.pylon4j.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.captures.Us5000Capture;
import io.pylon4j.transport.CanFrameQueue;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportCounters;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slcan:} over a real pseudo-terminal pair made by socat, with {@link FakeSlcanAdapter} on the other end:
 * the open sequence, frames both ways, the two reply styles of real firmwares, refusals, garbage, and an adapter
 * that is unplugged and plugged back.
 */
class SlcanTransportPtyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100), 2.0,
            0.0, 0);
    /** Pylontech V1.2 frames a battery sends every second (docs/protocol.md §1.2). */
    private static final CanFrame LIMITS = CanFrame.ofHex(0x351, "1402C012C012C201");
    private static final CanFrame SOC = CanFrame.ofHex(0x355, "5A006400");
    /** The inverter's keep-alive (docs/protocol.md §1.4). */
    private static final CanFrame KEEP_ALIVE = CanFrame.ofHex(0x305, "0000000000000000");

    @TempDir
    Path dir;
    private SocatPtyPair ptys;

    @BeforeEach
    void startPtys() throws Exception {
        ptys = SocatPtyPair.start(dir);
    }

    @AfterEach
    void stopPtys() throws Exception {
        ptys.close();
    }

    private CanTransport slcan(String parameters, String prefix, ReconnectPolicy policy) {
        return Transports.fromServiceLoader().can("slcan:" + ptys.a() + parameters,
                TransportOptions.defaults().withReconnectPolicy(policy).withThreadNamePrefix(prefix));
    }

    @Test
    void opensTheChannelAtS6AndCarriesPylontechFramesBothWays() throws Exception {
        CanFrameQueue received = new CanFrameQueue(100);
        try (FakeSlcanAdapter adapter = FakeSlcanAdapter.on(ptys.b());
             CanTransport can = slcan("?bitrate=500000", "t-slcan-frames", FAST)) {
            can.addFrameListener(received);
            can.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(adapter.history()).containsExactly("C", "S6", "V", "N", "O");
            SlcanTransport transport = (SlcanTransport) can;
            assertThat(transport.adapterVersion()).contains("V1013");
            assertThat(transport.adapterSerialNumber()).contains("A123");

            drainHandshake(adapter);

            adapter.inject("t35181402C012C012C201");
            adapter.inject("t35545A0064001A2B"); // with the adapter's timestamp (Z1)
            assertThat(received.poll(WAIT)).isEqualTo(LIMITS);
            assertThat(received.poll(WAIT)).isEqualTo(SOC);

            can.send(KEEP_ALIVE);
            assertThat(adapter.nextCommand(WAIT)).isEqualTo("t30580000000000000000");
        }
    }

    /**
     * What a US5000 with V1.2 firmware sends every second: Setfire Labs, "Pylontech Battery CAN comms - V1.2 vs
     * V1.3", real hardware (docs/protocol.md §3, {@code docs/captures/can-setfirelabs-us5000-v12-vs-v13.txt}).
     */
    private static final List<CanFrame> US5000_SECOND = Us5000Capture.v12Second();

    /** What {@code pylon dump} needs from this transport: a battery's traffic, every frame, in order, unchanged. */
    @Test
    void deliversTenSecondsOfAUs5000InOrderHoweverTheReadsCutThem() throws Exception {
        CanFrameQueue received = new CanFrameQueue(100);
        StringBuilder wire = new StringBuilder();
        List<CanFrame> expected = new java.util.ArrayList<>();
        for (int second = 0; second < 10; second++) {
            for (CanFrame frame : US5000_SECOND) {
                // lines written here by hand, not by the transport's own encoder; odd seconds carry timestamps
                wire.append(String.format("t%03X%d%s%s\r", frame.id(), frame.length(), frame.dataHex(),
                        second % 2 == 1 ? String.format("%04X", (second * 1000 + frame.id()) % 60000) : ""));
                expected.add(frame);
            }
        }
        try (FakeSlcanAdapter adapter = FakeSlcanAdapter.on(ptys.b());
             CanTransport can = slcan("", "t-slcan-us5000", FAST)) {
            can.addFrameListener(received);
            can.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            adapter.injectRaw(wire.toString().getBytes(StandardCharsets.US_ASCII)); // one write, ~1.3 kB
            List<CanFrame> got = new java.util.ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                got.add(received.poll(WAIT));
            }
            assertThat(got).containsExactlyElementsOf(expected);
            TransportCounters counters = can.counters();
            assertThat(counters.framesIn()).isEqualTo(60);
            assertThat(counters.discardedBytes()).isZero();
            assertThat(counters.droppedFrames()).isZero();
        }
    }

    @Test
    void sendsFramesAsTLinesAndCountsTheAdaptersReplies() throws Exception {
        CanFrameQueue received = new CanFrameQueue(100);
        try (FakeSlcanAdapter adapter = FakeSlcanAdapter.on(ptys.b());
             CanTransport can = slcan("", "t-slcan-send", FAST)) {
            can.addFrameListener(received);
            can.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            drainHandshake(adapter);

            can.send(KEEP_ALIVE);
            assertThat(adapter.nextCommand(WAIT)).isEqualTo("t3058" + "0000000000000000");
            adapter.acknowledgingTransmitsWith(null); // the next transmit fails on the bus
            can.send(CanFrame.ofHex(0x305, "01"));
            assertThat(adapter.nextCommand(WAIT)).isEqualTo("t305101");
            // the stream is ordered: once this frame is delivered, both replies before it have been read
            adapter.inject("t3050");
            assertThat(received.poll(WAIT)).isEqualTo(new CanFrame(0x305, 0, 0));

            SlcanTransport transport = (SlcanTransport) can;
            assertThat(transport.acknowledgedReplies()).isEqualTo(1);
            assertThat(transport.errorReplies()).isEqualTo(1);
            TransportCounters counters = can.counters();
            assertThat(counters.framesOut()).isEqualTo(2);
            assertThat(counters.framesIn()).isEqualTo(1);
            assertThat(counters.errors()).isEqualTo(1);
            // C S6 V N O, then two t lines
            assertThat(counters.bytesOut()).isEqualTo(2 + 3 + 2 + 2 + 2 + 22 + 8);
            // BEL, CR, "V1013" CR, "NA123" CR, CR; then "z" CR, BEL, "t3050" CR
            assertThat(counters.bytesIn()).isEqualTo(1 + 1 + 6 + 6 + 1 + 2 + 1 + 6);
        }
    }

    @Test
    void countsUnsupportedFramesAndGarbageAndKeepsGoing() throws Exception {
        CanFrameQueue received = new CanFrameQueue(100);
        try (FakeSlcanAdapter adapter = FakeSlcanAdapter.on(ptys.b());
             CanTransport can = slcan("", "t-slcan-garbage", FAST)) {
            can.addFrameListener(received);
            can.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            long bytesBefore = can.counters().bytesIn();

            adapter.inject("T12ABCDEF2AA55"); // 29-bit: not Pylontech
            adapter.inject("r3510");          // remote request
            adapter.inject("t35G0");          // bad digit: 6 bytes with CR
            adapter.inject("F00");            // an unasked-for status reply: 4 bytes
            adapter.injectRaw("x".repeat(50).getBytes(StandardCharsets.US_ASCII)); // line noise longer than any line
            adapter.inject("");
            adapter.inject("t35181402C012C012C201");
            assertThat(received.poll(WAIT)).isEqualTo(LIMITS);

            TransportCounters counters = can.counters();
            assertThat(counters.framesIn()).isEqualTo(1);
            assertThat(counters.droppedFrames()).isEqualTo(2);
            assertThat(counters.discardedBytes()).isEqualTo(6 + 4 + 51);
            assertThat(counters.bytesIn() - bytesBefore).isEqualTo(15 + 6 + 6 + 4 + 51 + 22);
            assertThat(counters.errors()).isZero();
            assertThat(can.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void talksToCanableStyleFirmware() throws Exception {
        CanFrameQueue received = new CanFrameQueue(100);
        try (FakeSlcanAdapter adapter = FakeSlcanAdapter.on(ptys.b()).canableStyle();
             CanTransport can = slcan("", "t-slcan-canable", FAST)) {
            can.addFrameListener(received);
            can.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            SlcanTransport transport = (SlcanTransport) can;
            assertThat(transport.adapterVersion()).contains("b28ef3a github.com/normaldotcom/canable-fw.git");
            assertThat(transport.adapterSerialNumber()).isEmpty();
            drainHandshake(adapter);

            can.send(KEEP_ALIVE);
            assertThat(adapter.nextCommand(WAIT)).startsWith("t305");
            adapter.inject("t3050");
            assertThat(received.poll(WAIT)).isEqualTo(new CanFrame(0x305, 0, 0));
            assertThat(transport.acknowledgedReplies()).isEqualTo(1); // CR, not z
            assertThat(transport.errorReplies()).isZero();
            assertThat(can.counters().errors()).isZero();
        }
    }

    @Test
    void anAdapterRefusingTheBitRateFailsTheOpenSayingSo() throws Exception {
        try (FakeSlcanAdapter adapter = FakeSlcanAdapter.on(ptys.b()).refusing("S6");
             CanTransport can = slcan("", "t-slcan-refused", ReconnectPolicy.NO_RETRY)) {
            assertThatThrownBy(() -> can.open().toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(TransportIoException.class)
                    .hasMessageContaining("refused S6 (500000 bit/s) with BEL");
            assertThat(can.state()).isEqualTo(ConnectionState.FAILED);
            assertThat(adapter.nextCommand(WAIT)).isEqualTo("C");
            assertThat(adapter.nextCommand(WAIT)).isEqualTo("S6");
            assertThat(adapter.nextCommand(WAIT)).as("the channel is closed after a failed open").isEqualTo("C");
        }
    }

    @Test
    void aDeviceThatIsNotAnAdapterFailsTheOpenSayingSo() throws Exception {
        try (FakeSlcanAdapter adapter = FakeSlcanAdapter.on(ptys.b()).silent();
             CanTransport can = slcan("?baud=9600", "t-slcan-silent", ReconnectPolicy.NO_RETRY)) {
            assertThatThrownBy(() -> can.open().toCompletableFuture().join())
                    .hasMessageContaining("no reply to S6 (500000 bit/s) within 500 ms")
                    .hasMessageContaining("an SLCAN adapter")
                    .hasMessageContaining("9600 baud");
        }
    }

    @Test
    void listenOnlyOpensWithLAndRefusesToSend() throws Exception {
        try (FakeSlcanAdapter adapter = FakeSlcanAdapter.on(ptys.b());
             CanTransport can = slcan("?listen=true&bitrate=250000", "t-slcan-listen", FAST)) {
            can.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(adapter.history()).containsExactly("C", "S5", "V", "N", "L");
            assertThatThrownBy(() -> can.send(KEEP_ALIVE)).isInstanceOf(TransportIoException.class)
                    .hasMessageContaining("listen-only");
            assertThat(can.counters().droppedFrames()).isEqualTo(1);
        }
    }

    @Test
    void closingClosesTheChannelFirst() throws Exception {
        try (FakeSlcanAdapter adapter = FakeSlcanAdapter.on(ptys.b())) {
            CanTransport can = slcan("", "t-slcan-close", FAST);
            can.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            drainHandshake(adapter);
            can.close();
            assertThat(adapter.nextCommand(WAIT)).isEqualTo("C");
            assertThat(Leaks.threadsNamed("t-slcan-close")).isEmpty();
        }
    }

    @Test
    void reopensAnUnpluggedAdapterWithTheWholeHandshakeWithoutLeaks() throws Exception {
        String prefix = "t-slcan-unplug";
        try (FakeSlcanAdapter warmAdapter = FakeSlcanAdapter.on(ptys.b());
             CanTransport warm = slcan("", prefix + "-warm", FAST)) { // loads classes and the native library
            warm.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        FakeSlcanAdapter adapter = FakeSlcanAdapter.on(ptys.b());
        List<String> fdsBefore = SerialPortTransportPtyTest.normalised(Leaks.openFileDescriptors());
        CanFrameQueue received = new CanFrameQueue(100);
        StateRecorder states = new StateRecorder();
        CanTransport can = slcan("", prefix, FAST);
        try {
            can.addStateListener(states);
            can.addFrameListener(received);
            can.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            adapter.inject("t35181402C012C012C201");
            assertThat(received.poll(WAIT)).isEqualTo(LIMITS);

            adapter.close();
            ptys.kill();
            states.await(ConnectionState.WAITING_TO_RECONNECT, WAIT);
            ptys.start();
            adapter = FakeSlcanAdapter.on(ptys.b());
            states.await(ConnectionState.CONNECTED, WAIT);
            assertThat(adapter.history()).containsExactly("C", "S6", "V", "N", "O");
            drainHandshake(adapter);
            adapter.inject("t35545A0064001A2B");
            assertThat(received.poll(WAIT)).isEqualTo(SOC);
            can.send(KEEP_ALIVE);
            assertThat(adapter.nextCommand(WAIT)).isEqualTo("t30580000000000000000");
            assertThat(can.counters().reconnects()).isEqualTo(1);
            assertThat(can.counters().framesIn()).isEqualTo(2);
        } finally {
            can.close();
        }
        assertThat(Leaks.threadsNamed(prefix)).isEmpty();
        assertThat(SerialPortTransportPtyTest.normalised(Leaks.openFileDescriptors())).isEqualTo(fdsBefore);
        adapter.close();
    }

    /** Takes the open sequence's commands off the adapter's queue, checking them. */
    private static void drainHandshake(FakeSlcanAdapter adapter) throws InterruptedException {
        for (String expected : List.of("C", "S6", "V", "N", "O")) {
            assertThat(adapter.nextCommand(WAIT)).isEqualTo(expected);
        }
    }
}
