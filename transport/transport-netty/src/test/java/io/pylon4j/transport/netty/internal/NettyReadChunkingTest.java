package io.pylon4j.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.netty.NettyTransportProvider;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How {@code tcp:} reads a bank's replies from a real loopback peer: a reply the peer writes at once reaches the
 * listeners in one call, also after a long run of short replies (a bank's 0x92 replies, 38 bytes, between its
 * 0x42 replies of up to ~1.9 KB), where Netty's default read-size guess has shrunk to 64 bytes and would read the
 * long reply in many pieces (each one more read, pipeline pass and listener call); and a message longer than any
 * read buffer still arrives whole and in order.
 */
class NettyReadChunkingTest {

    private static final int SHORT_REPLY = 38;
    private static final int LONG_REPLY = 1_900;

    @Test
    void aLongReplyAfterManyShortOnesIsReadInOnePiece() throws Exception {
        try (Link link = Link.open("pylon4j-chunking")) {
            for (int i = 0; i < 80; i++) { // each short reply read on its own: the default guess falls to 64 bytes
                link.peerWrites(reply(SHORT_REPLY, i));
                link.awaitBytes(SHORT_REPLY);
            }

            byte[] longReply = reply(LONG_REPLY, 7);
            link.peerWrites(longReply);
            List<byte[]> pieces = link.awaitBytes(LONG_REPLY);

            assertThat(pieces.stream().map(piece -> piece.length).toList())
                    .as("bytes in each listener call for one %d-byte reply", LONG_REPLY).containsExactly(LONG_REPLY);
            assertThat(pieces.get(0)).isEqualTo(longReply);
        }
    }

    @Test
    void aMessageLargerThanTheReadBufferArrivesWholeAndInOrder() throws Exception {
        try (Link link = Link.open("pylon4j-chunking-big")) {
            byte[] big = reply(5 * NettyTransport.MIN_READ_BUFFER + 123, 3);
            link.peerWrites(big);

            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (byte[] piece : link.awaitBytes(big.length)) {
                joined.writeBytes(piece);
            }

            assertThat(joined.toByteArray()).isEqualTo(big);
        }
    }

    /** An ASCII RS485-like reply: '~', {@code length - 2} hex digits from {@code seed}, CR. */
    private static byte[] reply(int length, int seed) {
        byte[] b = new byte[length];
        b[0] = '~';
        for (int i = 1; i < length - 1; i++) {
            b[i] = (byte) "0123456789ABCDEF".charAt((i + seed) & 15);
        }
        b[length - 1] = '\r';
        return b;
    }

    /** A {@code tcp:} transport connected to a loopback socket of the test's, recording each listener call. */
    private record Link(ServerSocket server, ByteStreamTransport tcp, Socket peer, BlockingQueue<byte[]> calls)
            implements AutoCloseable {

        static Link open(String threadPrefix) throws Exception {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            ByteStreamTransport tcp = new NettyTransportProvider().createByteStream(
                    Endpoint.parse("tcp:127.0.0.1:" + server.getLocalPort()),
                    TransportOptions.defaults().withThreadNamePrefix(threadPrefix));
            BlockingQueue<byte[]> calls = new LinkedBlockingQueue<>();
            tcp.addByteListener((buffer, offset, length, at) ->
                    calls.add(Arrays.copyOfRange(buffer, offset, offset + length)));
            tcp.open();
            Socket peer = server.accept();
            tcp.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return new Link(server, tcp, peer, calls);
        }

        void peerWrites(byte[] data) throws Exception {
            OutputStream out = peer.getOutputStream();
            out.write(data); // one write: on loopback, one segment
            out.flush();
        }

        /** The listener calls that together carry the next {@code total} bytes. */
        List<byte[]> awaitBytes(int total) throws InterruptedException {
            List<byte[]> pieces = new ArrayList<>();
            int got = 0;
            while (got < total) {
                byte[] piece = calls.poll(10, TimeUnit.SECONDS);
                assertThat(piece).as("bytes %d of %d", got, total).isNotNull();
                pieces.add(piece);
                got += piece.length;
            }
            assertThat(got).as("no byte beyond the message").isEqualTo(total);
            return pieces;
        }

        @Override
        public void close() throws Exception {
            tcp.close();
            peer.close();
            server.close();
        }
    }
}
