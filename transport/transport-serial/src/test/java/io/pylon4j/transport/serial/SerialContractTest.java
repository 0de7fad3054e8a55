package io.pylon4j.transport.serial;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.contract.ByteStreamTransportContract;
import io.pylon4j.transport.contract.CanTransportContract;
import io.pylon4j.transport.contract.StateRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;

/**
 * The transport contracts against {@code serial:}, {@code slcan:} and {@code rfc2217:}, each on one end of a real
 * socat pseudo-terminal pair: a plain file-I/O peer (the battery) for {@code serial:} and {@code rfc2217:} (through
 * {@code ser2net} serving the other pty), {@link FakeSlcanAdapter} (Lawicel style) for {@code slcan:}. For
 * {@code serial:} and {@code slcan:}, dropping the link kills socat, as unplugging a USB converter does, waits until
 * the transport has noticed, and brings the pair back under the same names; for {@code rfc2217:} it restarts
 * ser2net.
 */
class SerialContractTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** {@code serial:} at its default 115200 8N1. */
    @Nested
    class Serial extends ByteStreamTransportContract {
        @Override
        protected ByteLink newLink(TransportOptions options) throws Exception {
            PtyLink pty = new PtyLink();
            ByteStreamTransport transport = Transports.fromServiceLoader().byteStream("serial:" + pty.ptys.a(),
                    options);
            pty.watch(transport);
            ByteInbox battery = new ByteInbox();
            PtyPeer[] peer = {PtyPeer.open(pty.ptys.b(), battery)};
            return new ByteLink() {
                @Override
                public ByteStreamTransport transport() {
                    return transport;
                }

                @Override
                public void sendFromPeer(byte[] bytes) throws IOException {
                    peer[0].write(bytes);
                }

                @Override
                public byte[] receivedByPeer(int count, Duration timeout) throws InterruptedException {
                    return battery.take(count, timeout);
                }

                @Override
                public boolean dropFromPeer() throws Exception {
                    peer[0].close();
                    pty.unplugAndReplug();
                    peer[0] = PtyPeer.open(pty.ptys.b(), battery);
                    return true;
                }

                @Override
                public void close() throws Exception {
                    peer[0].close();
                    pty.close();
                }
            };
        }
    }

    /** {@code slcan:} at 500 kbit/s, against an adapter that answers like a Lawicel CANUSB. */
    @Nested
    class Slcan extends CanTransportContract {
        @Override
        protected CanLink newLink(TransportOptions options) throws Exception {
            PtyLink pty = new PtyLink();
            CanTransport transport = Transports.fromServiceLoader().can("slcan:" + pty.ptys.a() + "?bitrate=500000",
                    options);
            pty.watch(transport);
            FakeSlcanAdapter[] adapter = {FakeSlcanAdapter.on(pty.ptys.b())};
            return new CanLink() {
                @Override
                public CanTransport transport() {
                    return transport;
                }

                @Override
                public void sendFromPeer(CanFrame frame) throws IOException {
                    // Lawicel: t, 3 hex digits of id, DLC, data
                    adapter[0].inject(String.format("t%03X%d%s", frame.id(), frame.length(), frame.dataHex()));
                }

                @Override
                public CanFrame receivedByPeer(Duration timeout) throws InterruptedException {
                    long deadline = System.nanoTime() + timeout.toNanos();
                    while (true) { // skip the open sequence (C, S6, V, N, O) and anything else that is not a frame
                        String command = adapter[0].pollCommand(Duration.ofNanos(
                                Math.max(0, deadline - System.nanoTime())));
                        if (command == null) {
                            return null;
                        }
                        if (command.startsWith("t") && command.length() >= 5) {
                            int id = Integer.parseInt(command.substring(1, 4), 16);
                            byte[] data = HexFormat.of().parseHex(command.substring(5));
                            if (data.length != command.charAt(4) - '0') {
                                throw new AssertionError("DLC does not match the data in '" + command + "'");
                            }
                            return CanFrame.of(id, data);
                        }
                    }
                }

                @Override
                public boolean dropFromPeer() throws Exception {
                    adapter[0].close();
                    pty.unplugAndReplug();
                    adapter[0] = FakeSlcanAdapter.on(pty.ptys.b());
                    return true;
                }

                @Override
                public void close() throws Exception {
                    adapter[0].close();
                    pty.close();
                }
            };
        }
    }

    /**
     * {@code rfc2217:} through Debian's {@code ser2net} serving one end of a socat pty pair, the battery on the other
     * end. Dropping the link restarts ser2net.
     */
    @Nested
    class Rfc2217 extends ByteStreamTransportContract {
        @Override
        protected ByteLink newLink(TransportOptions options) throws Exception {
            PtyLink pty = new PtyLink();
            Ser2net server = Ser2net.serve(pty.ptys.a(), "telnet(rfc2217),tcp", pty.dir);
            String endpoint = "rfc2217:127.0.0.1:" + server.port();
            // ser2net gives no sign that it listens: a first transport, retrying until it connects, waits for it,
            // so that the one under test connects at its first attempt (the contract checks its states)
            TransportOptions warmOptions = TransportOptions.defaults().withReconnectPolicy(FAST)
                    .withThreadNamePrefix("warm-" + threadPrefix);
            try (ByteStreamTransport warm = Transports.fromServiceLoader().byteStream(endpoint, warmOptions)) {
                warm.open().toCompletableFuture().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            }
            ByteStreamTransport transport = Transports.fromServiceLoader().byteStream(endpoint, options);
            ByteInbox battery = new ByteInbox();
            PtyPeer peer = PtyPeer.open(pty.ptys.b(), battery);
            return new ByteLink() {
                @Override
                public ByteStreamTransport transport() {
                    return transport;
                }

                @Override
                public void sendFromPeer(byte[] bytes) throws IOException {
                    peer.write(bytes);
                }

                @Override
                public byte[] receivedByPeer(int count, Duration timeout) throws InterruptedException {
                    return battery.take(count, timeout);
                }

                @Override
                public boolean dropFromPeer() throws Exception {
                    server.stop(); // the transport sees its connection end and retries until ser2net is back
                    server.start();
                    return true;
                }

                @Override
                public void close() throws Exception {
                    peer.close();
                    server.close();
                    pty.close();
                }
            };
        }
    }

    /** A socat pty pair in a directory of its own, and what the transport on its end said about its state. */
    private static final class PtyLink implements AutoCloseable {
        final Path dir;
        final SocatPtyPair ptys;
        final StateRecorder states = new StateRecorder();

        PtyLink() throws IOException, InterruptedException {
            dir = Files.createTempDirectory("pylon4j-serial-contract");
            ptys = SocatPtyPair.start(dir);
        }

        void watch(Transport transport) {
            transport.addStateListener(states);
        }

        /** Kills socat (both ptys vanish), waits until the transport noticed, and starts the pair again. */
        void unplugAndReplug() throws IOException, InterruptedException {
            ptys.kill();
            states.await(ConnectionState.WAITING_TO_RECONNECT, WAIT);
            ptys.start();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            ptys.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
