package io.pylon4j.transport.netty.internal;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.contract.ByteStreamTransportContract;
import io.pylon4j.transport.contract.CanTransportContract;
import io.pylon4j.transport.contract.LoopbackServer;
import io.pylon4j.transport.netty.NettyTransportProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Nested;

/** The transport contracts against the Netty transports, each talking to a server on 127.0.0.1. */
class NettyContractTest {

    /** {@code tcp:}: a raw TCP serial server. */
    @Nested
    class Tcp extends ByteStreamTransportContract {
        @Override
        protected ByteLink newLink(TransportOptions options) throws Exception {
            LoopbackServer server = new LoopbackServer();
            ByteStreamTransport transport = new NettyTransportProvider().createByteStream(
                    Endpoint.parse("tcp:" + server.hostPort()), options);
            return new ByteLink() {
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
                    server.dropPeer(Bridges.WAIT);
                    return true;
                }

                @Override
                public void close() throws Exception {
                    server.close();
                }
            };
        }
    }

    /** {@code socketcand:}: a socketcand server in raw mode. */
    @Nested
    class Socketcand extends CanTransportContract {
        @Override
        protected CanLink newLink(TransportOptions options) throws Exception {
            LoopbackServer server = new LoopbackServer(Bridges.socketcandHandshake("can0"));
            CanTransport transport = new NettyTransportProvider().createCan(
                    Endpoint.parse("socketcand:" + server.hostPort() + "/can0"), options);
            return new BridgeLink(server, transport) {
                @Override
                public void sendFromPeer(CanFrame frame) throws Exception {
                    server.send(SocketcandCodec.frame(frame, 1_700_000_000_000_000L)
                            .getBytes(StandardCharsets.US_ASCII));
                }

                @Override
                public CanFrame receivedByPeer(Duration timeout) throws Exception {
                    return Bridges.parseSend(server.readUntil('>', timeout));
                }
            };
        }
    }

    /** {@code canet:}: a CANET-type converter's 13-byte frames. */
    @Nested
    class Canet extends CanTransportContract {
        @Override
        protected CanLink newLink(TransportOptions options) throws Exception {
            LoopbackServer server = new LoopbackServer();
            CanTransport transport = new NettyTransportProvider().createCan(
                    Endpoint.parse("canet:" + server.hostPort()), options);
            return new BridgeLink(server, transport) {
                @Override
                public void sendFromPeer(CanFrame frame) throws Exception {
                    server.send(CanetCodec.encode(frame));
                }

                @Override
                public CanFrame receivedByPeer(Duration timeout) throws Exception {
                    byte[] bytes = server.read(CanetCodec.FRAME_LENGTH, timeout);
                    return CanetCodec.decode(bytes, 0);
                }
            };
        }
    }

    /** A CAN transport and the server it talks to; the link can be dropped from the server's side. */
    private abstract static class BridgeLink implements CanTransportContract.CanLink {
        final LoopbackServer server;
        final CanTransport transport;

        BridgeLink(LoopbackServer server, CanTransport transport) {
            this.server = server;
            this.transport = transport;
        }

        @Override
        public CanTransport transport() {
            return transport;
        }

        @Override
        public boolean dropFromPeer() throws Exception {
            server.dropPeer(Bridges.WAIT);
            return true;
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

}
