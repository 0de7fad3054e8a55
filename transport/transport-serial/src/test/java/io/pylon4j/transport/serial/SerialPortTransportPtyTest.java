package io.pylon4j.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.NotConnectedException;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportCounters;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serial:} over a real pseudo-terminal pair made by socat, with a fake battery (plain file I/O) at the other
 * end: RS485 bytes in both directions, and a port that vanishes and returns.
 */
class SerialPortTransportPtyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Fast retries, so that a returning port is found within milliseconds. */
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100), 2.0,
            0.0, 0);
    /** Protocol notes §2.2, worked example 1: "get analog values" of the master. */
    private static final byte[] REQUEST = "~20024642E00202FD33\r".getBytes(StandardCharsets.US_ASCII);
    /** Protocol notes §2.2, worked example 2: a US2000B-Plus's charge/discharge management reply. */
    private static final byte[] REPLY = "~20024600B01402D002B79800FAFF06C0F92D\r".getBytes(StandardCharsets.US_ASCII);

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

    private static TransportOptions options(String prefix) {
        return TransportOptions.defaults().withReconnectPolicy(FAST).withThreadNamePrefix(prefix);
    }

    @Test
    void carriesAnRs485ExchangeAndEveryByteValueBothWays() throws Exception {
        ByteInbox battery = new ByteInbox();
        ByteInbox received = new ByteInbox();
        try (PtyPeer peer = PtyPeer.open(ptys.b(), battery);
             ByteStreamTransport serial = Transports.fromServiceLoader().byteStream("serial:" + ptys.a() + "?baud=9600",
                     options("t-serial-rs485"))) {
            assertThat(serial).isInstanceOf(SerialPortTransport.class);
            assertThat(((SerialPortTransport) serial).settings()).hasToString("9600 8N1");
            serial.addByteListener(received);
            serial.open().toCompletableFuture().get(10, TimeUnit.SECONDS);

            serial.write(REQUEST);
            assertThat(battery.take(REQUEST.length, WAIT)).isEqualTo(REQUEST);

            // the reply arrives in three pieces, split mid-field, as a slow converter delivers it
            peer.write(java.util.Arrays.copyOfRange(REPLY, 0, 5));
            peer.write(java.util.Arrays.copyOfRange(REPLY, 5, 21));
            peer.write(java.util.Arrays.copyOfRange(REPLY, 21, REPLY.length));
            assertThat(received.take(REPLY.length, WAIT)).isEqualTo(REPLY);

            byte[] everyValue = new byte[256];
            for (int i = 0; i < 256; i++) {
                everyValue[i] = (byte) i;
            }
            serial.write(everyValue);
            assertThat(battery.take(256, WAIT)).isEqualTo(everyValue);
            peer.write(everyValue);
            assertThat(received.take(256, WAIT)).isEqualTo(everyValue);

            assertThat(serial.counters()).isEqualTo(new TransportCounters(0, 0, REPLY.length + 256,
                    REQUEST.length + 256, 0, 0, 0, 0));
        }
    }

    /**
     * The baud rate really reaches the device: {@code stty} on the transport's own pty (a separate program reading
     * the tty's termios) shows the rate asked for, and 115200 without {@code baud}. The pty starts at another rate
     * (4800), so that a transport that set nothing would show it.
     */
    @Test
    void setsTheDevicesBaudRateAsAskedAnd115200ByDefault() throws Exception {
        for (String baud : List.of("9600", "")) {
            ExternalTools.stty(ptys.a(), "4800");
            assertThat(ExternalTools.stty(ptys.a(), "speed")).isEqualTo("4800");
            String endpoint = "serial:" + ptys.a() + (baud.isEmpty() ? "" : "?baud=" + baud);
            try (ByteStreamTransport serial = Transports.fromServiceLoader().byteStream(endpoint,
                    options("t-serial-baud"))) {
                serial.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(ExternalTools.stty(ptys.a(), "speed")).as(endpoint)
                        .isEqualTo(baud.isEmpty() ? "115200" : baud);
            }
        }
    }

    /**
     * Requests and replies of a real US2000B-Plus at 115200 baud: Tomcat42/pylontech-python
     * {@code examples/lowLevelRS485/output.txt} (docs/protocol.md §3,
     * {@code docs/captures/rs485-tomcat42-lowlevel-us2000b.txt}).
     */
    private static final List<List<String>> US2000B_EXCHANGES = List.of(
            List.of("~2002464FC0048520FCB2", "~200246000000FDB2"),
            List.of("~20024651C0040000FCD5", "~20024600C0405553324B42504C000000020350796C6F6E2D2D2D2D2D2D2D2D2D2D2D2D2D"
                    + "2D2DEF98"),
            List.of("~20024642C0040202FCD1", "~20024600C06E00020F0D1F0D200D200D200D200D200D210D200D200D210D220D200D220D"
                    + "220D21050BCD0BAF0BAF0BAF0BAF0015C4E88AAC02C350004FE594"),
            List.of("~20024647C0040000FCD0", "~20024600B032110E420BEA0B540D0D0A3D03FCD2F0B3B0ADD40D0D0A3DFC18F23D"));

    /** What {@code pylon dump} needs from this transport: each reply of a polled battery, whole and unchanged. */
    @Test
    void pollsAUs2000AndGetsEveryReplyByteForByte() throws Exception {
        java.util.Map<String, String> replies = new java.util.HashMap<>();
        US2000B_EXCHANGES.forEach(e -> replies.put(e.get(0), e.get(1)));
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        PtyPeer[] battery = new PtyPeer[1];
        ByteInbox received = new ByteInbox();
        // the fake battery answers each complete request line, as the real one did
        try (PtyPeer peer = PtyPeer.open(ptys.b(), (buffer, length) -> {
                 for (int i = 0; i < length; i++) {
                     if (buffer[i] == '\r') {
                         String reply = replies.getOrDefault(line.toString(StandardCharsets.US_ASCII), "?");
                         line.reset();
                         battery[0].write((reply + "\r").getBytes(StandardCharsets.US_ASCII));
                     } else {
                         line.write(buffer[i]);
                     }
                 }
             });
             ByteStreamTransport serial = Transports.fromServiceLoader().byteStream("serial:" + ptys.a(),
                     options("t-serial-us2000"))) {
            battery[0] = peer;
            serial.addByteListener(received);
            serial.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            long in = 0;
            for (List<String> exchange : US2000B_EXCHANGES) {
                serial.write((exchange.get(0) + "\r").getBytes(StandardCharsets.US_ASCII));
                byte[] reply = (exchange.get(1) + "\r").getBytes(StandardCharsets.US_ASCII);
                assertThat(new String(received.take(reply.length, WAIT), StandardCharsets.US_ASCII))
                        .isEqualTo(exchange.get(1) + "\r");
                in += reply.length;
            }
            assertThat(serial.counters().bytesIn()).isEqualTo(in);
            assertThat(received.available()).isZero();
        }
    }

    @Test
    void reopensAVanishedPortWhenItReturnsWithoutLeakingThreadsOrDescriptors() throws Exception {
        String prefix = "t-serial-unplug";
        String endpoint = "serial:" + ptys.a();
        // warm-up: a full open/close cycle loads every class and jSerialComm's native library, so that the
        // descriptor count below is not disturbed by first-use loading
        ByteInbox warmInbox = new ByteInbox();
        try (PtyPeer warmPeer = PtyPeer.open(ptys.b(), warmInbox);
             ByteStreamTransport warm = Transports.fromServiceLoader().byteStream(endpoint,
                     options(prefix + "-warm"))) {
            warm.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            warm.write(REQUEST);
            warmInbox.take(REQUEST.length, WAIT);
        }

        ByteInbox battery = new ByteInbox();
        PtyPeer peer = PtyPeer.open(ptys.b(), battery);
        List<String> fdsBefore = normalised(Leaks.openFileDescriptors());
        ByteInbox received = new ByteInbox();
        StateRecorder states = new StateRecorder();
        ByteStreamTransport serial = Transports.fromServiceLoader().byteStream(endpoint, options(prefix));
        try {
            serial.addStateListener(states);
            serial.addByteListener(received);
            serial.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            serial.write(REQUEST);
            assertThat(battery.take(REQUEST.length, WAIT)).isEqualTo(REQUEST);

            peer.close();
            ptys.kill(); // the USB converter is unplugged
            ConnectionStateChange dropped = states.await(ConnectionState.WAITING_TO_RECONNECT, WAIT);
            assertThat(dropped.previous()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(dropped.cause()).hasMessageContaining(ptys.a().toString());
            // while it is away, attempts fail because the device does not exist
            states.await(ConnectionState.WAITING_TO_RECONNECT, c -> c.cause() instanceof NoSuchFileException, WAIT);
            assertThatThrownBy(() -> serial.write(REQUEST)).isInstanceOf(NotConnectedException.class);

            ptys.start(); // plugged in again: same link name, (usually) another /dev/pts number
            peer = PtyPeer.open(ptys.b(), battery);
            states.await(ConnectionState.CONNECTED, WAIT);
            serial.write(REQUEST);
            assertThat(battery.take(REQUEST.length, WAIT)).isEqualTo(REQUEST);
            peer.write(REPLY);
            assertThat(received.take(REPLY.length, WAIT)).isEqualTo(REPLY);

            TransportCounters counters = serial.counters();
            assertThat(counters.reconnects()).isEqualTo(1);
            assertThat(counters.bytesOut()).isEqualTo(2L * REQUEST.length);
            assertThat(counters.bytesIn()).isEqualTo(REPLY.length);
            assertThat(counters.droppedFrames()).isEqualTo(1); // the write refused while unplugged
        } finally {
            serial.close();
        }
        assertThat(serial.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(Leaks.threadsNamed(prefix)).isEmpty();
        // the peer is open again as it was before the transport existed: the descriptors must match exactly
        assertThat(normalised(Leaks.openFileDescriptors())).isEqualTo(fdsBefore);
        peer.close();
    }

    @Test
    void aSilentPortIsDroppedAfterTheReadIdleTimeoutAndReopened() throws Exception {
        StateRecorder states = new StateRecorder();
        try (PtyPeer peer = PtyPeer.open(ptys.b(), new ByteInbox());
             ByteStreamTransport serial = Transports.fromServiceLoader().byteStream("serial:" + ptys.a(),
                     options("t-serial-idle").withReadIdleTimeout(Duration.ofMillis(300)))) {
            serial.addStateListener(states);
            serial.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            ConnectionStateChange idle = states.await(ConnectionState.WAITING_TO_RECONNECT, WAIT);
            assertThat(idle.cause()).hasMessageContaining("no data for PT0.3S (read idle timeout)");
            states.await(ConnectionState.CONNECTED, WAIT);
            assertThat(serial.counters().reconnects()).isEqualTo(1);
        }
    }

    @Test
    void aPortThatIsOpenAlreadyIsRefusedSayingSo() throws Exception {
        try (ByteStreamTransport first = Transports.fromServiceLoader().byteStream("serial:" + ptys.a(),
                     options("t-serial-first"));
             ByteStreamTransport second = Transports.fromServiceLoader().byteStream("serial:" + ptys.a(),
                     options("t-serial-second").withReconnectPolicy(ReconnectPolicy.NO_RETRY))) {
            first.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> second.open().toCompletableFuture().join())
                    .hasMessageContaining("cannot open the serial port: it is open already");
            assertThat(first.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void aMissingDeviceFailsTheOpenWithTheReason() {
        Path nothing = dir.resolve("no-such-tty");
        try (ByteStreamTransport serial = Transports.fromServiceLoader().byteStream("serial:" + nothing,
                options("t-serial-missing").withReconnectPolicy(ReconnectPolicy.NO_RETRY))) {
            assertThatThrownBy(() -> serial.open().toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .hasMessageContaining(nothing.toString())
                    .hasMessageContaining("does not exist");
            assertThat(serial.state()).isEqualTo(ConnectionState.FAILED);
        }
    }

    /**
     * Descriptor targets with the numbers that change on their own (pty numbers after a replug, pipe and socket
     * inodes) blanked, and without the JVM's own transient reads: it opens files under {@code /sys/fs/cgroup} and
     * {@code /proc} on its own schedule (container support), and listing {@code /proc/self/fd} is one of them. No
     * transport opens anything there; pseudo-terminals, sockets, pipes and everything else are compared.
     */
    static List<String> normalised(List<String> fds) {
        return fds.stream()
                .filter(fd -> !fd.startsWith("/sys/") && !fd.startsWith("/proc/"))
                .map(fd -> fd.replaceAll("/dev/pts/\\d+", "/dev/pts/N").replaceAll("\\[\\d+]", "[N]"))
                .sorted()
                .collect(Collectors.toList());
    }
}
