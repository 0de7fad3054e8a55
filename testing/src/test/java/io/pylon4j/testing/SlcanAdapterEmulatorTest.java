package io.pylon4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanFrameQueue;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.virtual.VirtualByteBus;
import io.pylon4j.transport.virtual.VirtualCanBus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The emulated adapter between an SLCAN host (here the test, writing command lines on an in-memory byte bus) and an
 * in-memory CAN bus with a battery on it: the replies python-can's and pylon4j's open sequences get, frames both ways
 * only while the channel is open, and every refusal a BEL. Replies are read in order, so a reply that must not come is
 * proven absent by the next one that does.
 */
class SlcanAdapterEmulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BEL = "\u0007";
    /** A US5000's 0x351 (docs/protocol.md §1.2, docs/captures/can-setfirelabs-us5000-v12-vs-v13.txt). */
    private static final CanFrame LIMITS = CanFrame.ofHex(0x351, "14 02 C0 12 C0 12 C2 01");

    private final VirtualByteBus serial = new VirtualByteBus("slcan-line");
    private final VirtualCanBus can = new VirtualCanBus("slcan-bus");
    private final ByteStreamTransport host = serial.newMember();
    private final ByteStreamTransport adapterSide = serial.newMember();
    private final CanTransport battery = can.newMember();
    private final CanTransport adapterBus = can.newMember();
    private final LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final CanFrameQueue onBus = new CanFrameQueue(100);
    /** The frames the emulator's bus member received, each once the emulator has handled it. */
    private final CanFrameQueue handled = new CanFrameQueue(100);
    private final SlcanAdapterEmulator adapter;

    SlcanAdapterEmulatorTest() throws Exception {
        host.addByteListener((b, off, len, t) -> {
            for (int i = off; i < off + len; i++) { // a reply ends with CR or is a lone BEL
                partial.write(b[i]);
                if (b[i] == '\r' || b[i] == 7) {
                    replies.add(partial.toString(StandardCharsets.ISO_8859_1));
                    partial.reset();
                }
            }
        });
        battery.addFrameListener(onBus);
        for (var t : new io.pylon4j.transport.Transport[] {host, adapterSide, battery, adapterBus}) {
            t.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        adapter = SlcanAdapterEmulator.between(adapterSide, adapterBus);
        adapterBus.addFrameListener(handled); // after the emulator's: called once the emulator has handled the frame
    }

    @AfterEach
    void close() {
        adapter.close();
        host.close();
        adapterSide.close();
        battery.close();
        adapterBus.close();
    }

    private void send(String command) {
        host.write((command + "\r").getBytes(StandardCharsets.ISO_8859_1));
    }

    private String reply() throws InterruptedException {
        String r = replies.poll(WAIT.toNanos(), TimeUnit.NANOSECONDS);
        assertThat(r).as("a reply within %s", WAIT).isNotNull();
        return r;
    }

    private String ask(String command) throws InterruptedException {
        send(command);
        return reply();
    }

    @Test
    void answersPythonCansOpenSequenceAndBridgesFramesBothWays() throws Exception {
        // python-can 4.1 slcanBus(bitrate=500000): C, S6, O (set_bitrate), then O again (__init__)
        assertThat(ask("C")).as("closing a closed channel").isEqualTo(BEL);
        assertThat(ask("S6")).isEqualTo("\r");
        assertThat(ask("O")).isEqualTo("\r");
        assertThat(ask("O")).as("opening an open channel").isEqualTo(BEL);
        assertThat(adapter.channelOpen()).isTrue();

        battery.send(LIMITS);
        assertThat(reply()).isEqualTo("t35181402C012C012C201\r");

        assertThat(ask("t30580000000000000000")).isEqualTo("z\r");
        assertThat(onBus.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x305, "00 00 00 00 00 00 00 00"));
        assertThat(ask("t3050")).isEqualTo("z\r");
        assertThat(onBus.poll(WAIT)).isEqualTo(new CanFrame(0x305, 0, 0));

        assertThat(adapter.framesToHost()).isEqualTo(1);
        assertThat(adapter.framesToBus()).isEqualTo(2);
        assertThat(adapter.commandsRefused()).isEqualTo(2);
    }

    @Test
    void answersPylon4jsOpenSequenceWithVersionAndSerialNumber() throws Exception {
        // SlcanTransport's connect: C, S6, V, N, O
        assertThat(ask("C")).isEqualTo(BEL);
        assertThat(ask("S6")).isEqualTo("\r");
        assertThat(ask("V")).isEqualTo("V1013\r");
        assertThat(ask("N")).isEqualTo("NPY4J\r");
        assertThat(ask("O")).isEqualTo("\r");
        assertThat(ask("F")).isEqualTo("F00\r");
        assertThat(ask("S6")).as("a bit rate while open").isEqualTo(BEL);
        assertThat(ask("C")).isEqualTo("\r");
    }

    @Test
    void passesNoFrameWhileTheChannelIsClosedAndCountsThem() throws Exception {
        battery.send(LIMITS); // closed: dropped, counted
        assertThat(handled.poll(WAIT)).isEqualTo(LIMITS);
        assertThat(ask("t3050")).as("a transmit while closed").isEqualTo(BEL);
        assertThat(ask("O")).isEqualTo("\r");
        battery.send(CanFrame.ofHex(0x355, "58 00 5E 00"));
        assertThat(reply()).as("the first frame after O, not the one before").isEqualTo("t355458005E00\r");
        assertThat(ask("C")).isEqualTo("\r");
        battery.send(LIMITS);
        assertThat(handled.poll(WAIT).id()).isEqualTo(0x355);
        assertThat(handled.poll(WAIT)).isEqualTo(LIMITS);
        assertThat(ask("V")).as("nothing between C and V").isEqualTo("V1013\r");
        assertThat(adapter.framesNotForwarded()).isEqualTo(2);
        assertThat(adapter.framesToHost()).isEqualTo(1);
        assertThat(adapter.framesToBus()).isZero();
    }

    @Test
    void listenOnlyRefusesToTransmit() throws Exception {
        assertThat(ask("L")).isEqualTo("\r");
        assertThat(ask("t3050")).isEqualTo(BEL);
        battery.send(LIMITS);
        assertThat(reply()).isEqualTo("t35181402C012C012C201\r");
        assertThat(adapter.framesToBus()).isZero();
    }

    @Test
    void timestampsAfterZ1AreFourHexDigitsOfMilliseconds() throws Exception {
        assertThat(ask("Z1")).isEqualTo("\r");
        assertThat(ask("O")).isEqualTo("\r");
        battery.send(LIMITS);
        String line = reply();
        assertThat(line).matches("t35181402C012C012C201[0-9A-F]{4}\r");
        assertThat(Integer.parseInt(line.substring(21, 25), 16)).isLessThan(60_000);
    }

    @Test
    void refusesWhatItDoesNotEmulateOrCannotParseWithBel() throws Exception {
        assertThat(ask("O")).isEqualTo("\r");
        for (String bad : new String[] {
            "T1234567880000000000000000", // 29-bit: CanFrame is 11-bit
            "r3510",                      // remote frame
            "M00000000",                  // acceptance code: not emulated
            "t35G0",                      // not a hex digit
            "t3519",                      // DLC above 8
            "t351201",                    // data shorter than the DLC
            "t8000",                      // id above 0x7FF
            "S9",                         // python-can's 83.3 kbit/s: no Lawicel S9
            "",                           // an empty line
            "x"}) {
            assertThat(ask(bad)).as(bad).isEqualTo(BEL);
        }
        assertThat(adapter.commandsRefused()).isEqualTo(10);
        assertThat(adapter.framesToBus()).isZero();
        assertThat(adapter.channelOpen()).isTrue();
    }

    @Test
    void aLineLongerThanAnyCommandIsDiscardedCountedAndRefused() throws Exception {
        assertThat(ask("x".repeat(100))).isEqualTo(BEL);
        assertThat(adapter.discardedBytes()).isEqualTo(100);
        assertThat(ask("O")).as("the next line is read whole").isEqualTo("\r");
    }

    @Test
    void closingTheEmulatorStopsTheBridgeAndLeavesTheTransportsOpen() throws Exception {
        assertThat(ask("O")).isEqualTo("\r");
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        adapterSide.addByteListener((b, off, len, t) -> seen.add(new String(b, off, len, StandardCharsets.US_ASCII)));
        adapter.close();
        assertThat(adapter.channelOpen()).isFalse();
        send("t3050");
        StringBuilder arrived = new StringBuilder();
        while (!arrived.toString().endsWith("\r")) { // the bytes reached the adapter's side: nobody answered them
            String chunk = seen.poll(WAIT.toNanos(), TimeUnit.NANOSECONDS);
            assertThat(chunk).as("the line reaches the adapter's side").isNotNull();
            arrived.append(chunk);
        }
        SlcanAdapterEmulator second = SlcanAdapterEmulator.between(adapterSide, adapterBus);
        try {
            assertThat(ask("V")).as("the first reply comes from the second emulator").isEqualTo("V1013\r");
            assertThat(adapter.framesToBus()).isZero();
            assertThat(second.framesToBus()).isZero();
        } finally {
            second.close();
        }
    }
}
