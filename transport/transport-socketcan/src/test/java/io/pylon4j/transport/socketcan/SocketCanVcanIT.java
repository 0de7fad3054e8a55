package io.pylon4j.transport.socketcan;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanLogEntry;
import io.pylon4j.can.CandumpFormat;
import io.pylon4j.transport.CanFrameQueue;
import io.pylon4j.transport.CanIdFilter;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SocketCAN transport against a real kernel's vcan and the independent tools of can-utils: {@code cansend},
 * {@code cangen} and {@code canplayer} feed pylon4j, {@code candump} records what pylon4j sends. Skipped outside
 * the VM of {@code scripts/socketcan-vm-test.sh} (see {@link Vcan#HOW_TO_RUN}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hung test must not hold the VM until the script's time limit
class SocketCanVcanIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Fast retries, so that the reconnect tests do not wait out the default backoff. */
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200),
            2.0, 0.0, 0);

    private String iface;
    private CanTransport can;
    private final CanFrameQueue received = new CanFrameQueue(10_000);
    private final BlockingQueue<ConnectionStateChange> changes = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() throws Exception {
        iface = Vcan.assumeInterface();
        can = Transports.fromServiceLoader().can("socketcan:" + iface,
                TransportOptions.defaults().withReconnectPolicy(FAST).withThreadNamePrefix("it"));
        can.addFrameListener(received);
        can.addStateListener(changes::add);
        can.open().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        if (can != null) {
            can.close();
        }
        if (iface != null) {
            Vcan.restore(iface);
        }
    }

    @Test
    void receivesWhatCansendSendsAndOnlyStandardDataFrames() throws Exception {
        Vcan.run("cansend", iface, "351#1402C012C012C201");
        Vcan.run("cansend", iface, "305#");
        Vcan.run("cansend", iface, "12345678#00"); // extended id: not a Pylontech frame, filtered by the kernel
        Vcan.run("cansend", iface, "351#R"); // remote request: likewise
        Vcan.run("cansend", iface, "35E#50594C4F4E202020");

        assertThat(received.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "14 02 C0 12 C0 12 C2 01"));
        assertThat(received.poll(WAIT)).isEqualTo(new CanFrame(0x305, 0, 0));
        CanFrame pylon = received.poll(WAIT);
        assertThat(pylon).isEqualTo(CanFrame.ofHex(0x35E, "50594C4F4E202020"));
        assertThat(new String(pylon.data(), StandardCharsets.US_ASCII)).isEqualTo("PYLON   ");
        assertThat(received.size()).isZero();
        assertThat(can.counters().framesIn()).isEqualTo(3);
        assertThat(can.counters().droppedFrames()).isZero();
    }

    @Test
    void receivesEveryFrameCangenSendsInOrder() throws Exception {
        int n = 500;
        // fixed id and length, data an incrementing 64-bit little-endian counter; 1 ms apart, because a flood
        // outruns an emulated CPU (SocketCanThroughputIT measures that, and checks every lost frame is counted)
        Vcan.run("cangen", iface, "-n", String.valueOf(n), "-g", "1", "-I", "351", "-L", "8", "-D", "i");
        for (int i = 0; i < n; i++) {
            assertThat(received.poll(WAIT)).as("frame %d", i).isEqualTo(new CanFrame(0x351, 8, i));
        }
        assertThat(received.size()).isZero();
        assertThat(can.counters().framesIn()).isEqualTo(n);
        assertThat(can.counters().droppedFrames()).isZero();
    }

    @Test
    void receivesTheSharedCapturesThatCanplayerReplays(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<CanFrame> frames = Captures.allFrames();
        Path log = dir.resolve("captures.log");
        Files.writeString(log, Captures.candumpLog(frames, iface));

        Vcan.run("canplayer", "-I", log.toString());

        List<CanFrame> got = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            got.add(received.poll(WAIT));
        }
        assertThat(got).containsExactlyElementsOf(frames);
        assertThat(received.size()).isZero();
    }

    @Test
    void candumpRecordsExactlyWhatItSends() throws Exception {
        List<CanFrame> sent = List.of(
                CanFrame.ofHex(0x305, "0000000000000000"), // inverter keep-alive (Victron flavour)
                CanFrame.ofHex(0x307, "1234567856494300"),
                CanFrame.ofHex(0x35C, "C000"),
                CanFrame.ofHex(0x351, "1402C012C012C201"),
                new CanFrame(0x000, 0, 0));
        AtomicLong sentBefore = new AtomicLong(); // the probes that showed candump was ready count too
        List<CanLogEntry> record = recordWithCandump(() -> {
            sentBefore.set(can.counters().framesOut());
            sent.forEach(can::send);
        }, sent.size());

        assertThat(record).extracting(CanLogEntry::frame).containsExactlyElementsOf(sent);
        assertThat(record).extracting(CanLogEntry::interfaceName).containsOnly(iface);
        assertThat(can.counters().framesOut() - sentBefore.get()).isEqualTo(sent.size());
        // a transport does not hear itself
        assertThat(received.poll(Duration.ofMillis(300))).isNull();
    }

    @Test
    void installsKernelFiltersSoOnlyTheAskedIdsArrive() throws Exception {
        CanIdFilter filter = CanIdFilter.of(0x351, 0x355);
        can.setReceiveFilter(filter);
        assertThat(((SocketCanTransport) can).installedKernelFilters())
                .containsExactlyElementsOf(KernelFilters.translate(filter));

        for (String frame : List.of("350#01", "351#02", "356#03", "355#04", "7FF#05")) {
            Vcan.run("cansend", iface, frame);
        }
        assertThat(received.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "02"));
        assertThat(received.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x355, "04"));
        assertThat(received.poll(Duration.ofMillis(300))).isNull();

        can.setReceiveFilter(CanIdFilter.ALL);
        assertThat(((SocketCanTransport) can).installedKernelFilters())
                .containsExactlyElementsOf(KernelFilters.ALL_STANDARD_DATA_FRAMES);
        Vcan.run("cansend", iface, "7FF#06");
        assertThat(received.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x7FF, "06"));
    }

    @Test
    void reportsErrorFramesToItsListenerAndCountsThem() throws Exception {
        BlockingQueue<CanErrorFrame> errors = new LinkedBlockingQueue<>();
        ((SocketCanTransport) can).addErrorFrameListener((error, t) -> errors.add(error));

        // an error frame as a CAN driver would report "controller: RX error warning level reached"
        Vcan.run("cansend", iface, "20000004#0004000000000000");
        Vcan.run("cansend", iface, "20000040#0000000000000000"); // bus-off

        CanErrorFrame warning = errors.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(warning).isEqualTo(new CanErrorFrame(0x004, 0x0400L));
        assertThat(warning.kinds()).containsExactly(CanErrorFrame.Kind.CONTROLLER);
        assertThat(warning.controllerStatus()).isEqualTo(CanErrorFrame.CONTROLLER_RX_WARNING);
        assertThat(errors.poll(WAIT.toSeconds(), TimeUnit.SECONDS).kinds()).containsExactly(CanErrorFrame.Kind.BUS_OFF);
        assertThat(can.counters().errors()).isEqualTo(2);
        assertThat(received.poll(Duration.ofMillis(300))).isNull(); // not data frames
        assertThat(can.state()).isEqualTo(ConnectionState.CONNECTED); // reported, not a link fault
    }

    @Test
    void anInterfaceThatGoesDownOrVanishesIsReconnectedWhenItReturns() throws Exception {
        CanIdFilter filter = CanIdFilter.of(0x351);
        can.setReceiveFilter(filter);
        changes.clear();

        Vcan.run("ip", "link", "set", iface, "down");
        ConnectionStateChange down = Vcan.awaitState(changes, ConnectionState.WAITING_TO_RECONNECT, WAIT);
        assertThat(down.previous()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(down.cause()).hasMessageContaining("interface " + iface + " went down");
        // while it stays down, attempts fail with the reason
        ConnectionStateChange retry = Vcan.awaitState(changes, ConnectionState.WAITING_TO_RECONNECT, WAIT);
        assertThat(retry.cause()).hasMessageContaining(iface + " is down");

        Vcan.run("ip", "link", "set", iface, "up");
        Vcan.awaitState(changes, ConnectionState.CONNECTED, WAIT);
        Vcan.run("cansend", iface, "351#01");
        assertThat(received.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "01"));
        assertThat(can.counters().reconnects()).isEqualTo(1);

        Vcan.run("ip", "link", "del", iface);
        ConnectionStateChange gone = Vcan.awaitState(changes, ConnectionState.WAITING_TO_RECONNECT, WAIT);
        assertThat(gone.cause().getMessage()).containsAnyOf(iface + " went down", iface + " does not exist");
        retry = Vcan.awaitState(changes, ConnectionState.WAITING_TO_RECONNECT, WAIT);
        assertThat(retry.cause()).hasMessageContaining("no network interface " + iface);

        Vcan.run("ip", "link", "add", "dev", iface, "type", "vcan");
        Vcan.run("ip", "link", "set", iface, "up");
        Vcan.awaitState(changes, ConnectionState.CONNECTED, WAIT);
        assertThat(((SocketCanTransport) can).installedKernelFilters())
                .as("the filter is installed again on the new socket")
                .containsExactlyElementsOf(KernelFilters.translate(filter));
        Vcan.run("cansend", iface, "350#FF");
        Vcan.run("cansend", iface, "351#02");
        assertThat(received.poll(WAIT)).isEqualTo(CanFrame.ofHex(0x351, "02"));
        assertThat(can.counters().reconnects()).isEqualTo(2);
        can.send(CanFrame.ofHex(0x305, "00")); // and sending works again
    }

    @Test
    void asksForTheLargestReceiveQueueTheKernelAllows() throws Exception {
        // not Files.readString: for /proc files (size 0) JDK 17 returns only the first byte
        int rmemMax = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/core/rmem_max")).get(0).strip());
        assertThat(((SocketCanTransport) can).receiveBufferBytes()).isEqualTo(2 * rmemMax);
    }

    @Test
    void closeOnASilentBusIsQuickAndLeavesNoThread() throws Exception {
        long start = System.nanoTime();
        can.close();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(millis).as("close() took %d ms", millis).isLessThan(2 * SocketCanTransport.WAKE_INTERVAL_MILLIS + 500);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("it-socketcan-"));
        assertThat(can.state()).isEqualTo(ConnectionState.CLOSED);
    }

    /**
     * Starts {@code candump -L}, waits until it demonstrably listens (it has recorded a probe frame), runs
     * {@code action}, and returns the {@code expected} frames recorded after the probes.
     */
    private List<CanLogEntry> recordWithCandump(Runnable action, int expected) throws Exception {
        // stdbuf: candump writes to a pipe through stdio, which would hold its lines back until 4 KiB are full
        Process candump = new ProcessBuilder("stdbuf", "-oL", "candump", "-L", iface).redirectErrorStream(true).start();
        // the reader is never closed by this thread: BufferedReader.close() would wait for the lock that the
        // reading thread holds while blocked; ending candump ends the stream, and with it that thread
        BufferedReader out = new BufferedReader(new InputStreamReader(candump.getInputStream(), StandardCharsets.UTF_8));
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> out.lines().forEach(lines::add), "candump-reader");
            reader.setDaemon(true);
            reader.start();
            CanFrame probe = CanFrame.ofHex(0x7FF, "0BADCAFE");
            String line;
            long ready = System.nanoTime() + WAIT.toNanos();
            do { // candump gives no sign that it is ready other than recording what it hears
                can.send(probe);
                line = lines.poll(200, TimeUnit.MILLISECONDS);
                assertThat(candump.isAlive()).as("candump runs").isTrue();
                assertThat(System.nanoTime()).as("candump recorded a probe within %s", WAIT).isLessThan(ready);
            } while (line == null);
            action.run();
            List<CanLogEntry> record = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (record.size() < expected && System.nanoTime() < deadline) {
                String next = lines.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    CanLogEntry entry = CandumpFormat.parse(next);
                    if (!entry.frame().equals(probe)) {
                        record.add(entry);
                    }
                }
            }
            return record;
        } finally {
            candump.destroy();
            candump.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
