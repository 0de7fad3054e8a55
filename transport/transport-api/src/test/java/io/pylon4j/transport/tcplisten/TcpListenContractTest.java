package io.pylon4j.transport.tcplisten;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.contract.ByteStreamTransportContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The byte-stream contract on the server side, {@code tcp-listen:0}: the far side is a client socket, as an inverter
 * or {@code pylon monitor} connecting to {@code pylon simulate}. The client connects as soon as the port is bound and
 * waits in the listen backlog until the transport opens; dropping the link closes the client and connects another.
 */
class TcpListenContractTest extends ByteStreamTransportContract {

    @Override
    protected ByteLink newLink(TransportOptions options) throws Exception {
        TcpListenTransport transport = new TcpListenTransport(Endpoint.parse("tcp-listen:0"), options);
        int port = transport.localPort(); // binds now, so that the client below can connect before open()
        Socket[] client = {connect(port)};
        return new ByteLink() {
            @Override
            public ByteStreamTransport transport() {
                return transport;
            }

            @Override
            public void sendFromPeer(byte[] bytes) throws IOException {
                client[0].getOutputStream().write(bytes);
                client[0].getOutputStream().flush();
            }

            @Override
            public byte[] receivedByPeer(int count, Duration timeout) throws IOException {
                client[0].setSoTimeout((int) Math.max(1, timeout.toMillis()));
                InputStream in = client[0].getInputStream();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    while (out.size() < count) {
                        int b = in.read();
                        if (b < 0) {
                            throw new AssertionError("server closed after " + out.size() + " of " + count + " bytes");
                        }
                        out.write(b);
                    }
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("only " + out.size() + " of " + count + " bytes within " + timeout, e);
                }
                return out.toByteArray();
            }

            @Override
            public boolean dropFromPeer() throws IOException {
                client[0].close(); // the client leaves; the next one waits in the backlog until it is accepted
                client[0] = connect(port);
                return true;
            }

            @Override
            public void close() throws IOException {
                client[0].close();
            }
        };
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        return socket;
    }
}
