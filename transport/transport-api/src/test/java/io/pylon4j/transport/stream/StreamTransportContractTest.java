package io.pylon4j.transport.stream;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.contract.ByteStreamTransportContract;
import io.pylon4j.transport.contract.LoopbackServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Nested;

/**
 * The byte-stream contract on caller-supplied streams and channels: a real loopback socket, as an application
 * that owns its link would hand it over. The {@link StreamConnector} variant also reconnects.
 */
class StreamTransportContractTest {

    /** Over a connected socket's streams, as {@link StreamTransports#of(java.io.InputStream, java.io.OutputStream, String)}. */
    @Nested
    class Streams extends ByteStreamTransportContract {
        @Override
        protected ByteLink newLink(TransportOptions options) throws Exception {
            LoopbackServer server = new LoopbackServer();
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
            return link(StreamTransports.of(socket.getInputStream(), socket.getOutputStream(), "socket", options),
                    server, false);
        }
    }

    /** Over a connected socket channel, as {@link StreamTransports#of(java.nio.channels.ReadableByteChannel, java.nio.channels.WritableByteChannel, String)}. */
    @Nested
    class Channels extends ByteStreamTransportContract {
        @Override
        protected ByteLink newLink(TransportOptions options) throws Exception {
            LoopbackServer server = new LoopbackServer();
            java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            return link(StreamTransports.of(channel, channel, "channel", options), server, false);
        }
    }

    /** Through a connector that opens a new socket on every attempt, so the link can be dropped and reopened. */
    @Nested
    class Reconnecting extends ByteStreamTransportContract {
        @Override
        protected ByteLink newLink(TransportOptions options) throws Exception {
            LoopbackServer server = new LoopbackServer();
            StreamConnector connector = () -> {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()),
                        (int) options.connectTimeout().toMillis());
                return new StreamConnection(socket.getInputStream(), socket.getOutputStream(), socket);
            };
            return link(StreamTransports.reconnecting("reconnecting", connector, options), server, true);
        }
    }

    static ByteStreamTransportContract.ByteLink link(ByteStreamTransport transport, LoopbackServer server,
                                                     boolean canDrop) {
        return new ByteStreamTransportContract.ByteLink() {
            @Override
            public ByteStreamTransport transport() {
                return transport;
            }

            @Override
            public void sendFromPeer(byte[] bytes) throws Exception {
                server.send(bytes);
            }

            @Override
            public byte[] receivedByPeer(int count, Duration timeout) throws Exception {
                return server.read(count, timeout);
            }

            @Override
            public boolean dropFromPeer() throws Exception {
                if (canDrop) {
                    server.dropPeer(Duration.ofSeconds(10));
                }
                return canDrop;
            }

            @Override
            public void close() throws Exception {
                server.close();
            }
        };
    }
}
