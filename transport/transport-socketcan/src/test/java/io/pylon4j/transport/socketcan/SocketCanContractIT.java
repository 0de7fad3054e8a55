package io.pylon4j.transport.socketcan;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.contract.CanTransportContract;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import tel.schich.javacan.CanChannels;
import tel.schich.javacan.CanSocketOptions;
import tel.schich.javacan.JavaCAN;
import tel.schich.javacan.RawCanChannel;
import tel.schich.javacan.platform.linux.LinuxNativeOperationException;

/**
 * The contract every CAN transport keeps, on a real kernel's vcan: the far side is a second raw CAN socket on the
 * same interface (frames one socket sends reach the other sockets of the host), and dropping the link is
 * {@code ip link set vcan0 down} followed by {@code up}. Skipped outside the VM (see {@link Vcan#HOW_TO_RUN}).
 */
class SocketCanContractIT extends CanTransportContract {

    @Override
    protected boolean countsDataBytesOnly() {
        return true;
    }

    @Override
    protected CanLink newLink(TransportOptions options) throws Exception {
        String iface = Vcan.assumeInterface();
        CanTransport transport = Transports.fromServiceLoader().can("socketcan:" + iface, options);
        RawCanChannel peer = CanChannels.newRawChannel(iface);
        peer.setOption(CanSocketOptions.SO_RCVTIMEO, Duration.ofMillis(100));
        ByteBuffer rx = JavaCAN.allocateOrdered(RawCanChannel.MTU);
        ByteBuffer tx = JavaCAN.allocateOrdered(RawCanChannel.MTU);
        return new CanLink() {
            @Override
            public CanTransport transport() {
                return transport;
            }

            @Override
            public void sendFromPeer(CanFrame frame) throws IOException {
                tx.clear();
                tx.putLong(0, 0L);
                tx.putInt(0, frame.id());
                tx.put(4, (byte) frame.length());
                tx.order(ByteOrder.LITTLE_ENDIAN).putLong(8, frame.payload()).order(ByteOrder.nativeOrder());
                tx.limit(RawCanChannel.MTU);
                try {
                    peer.writeUnsafe(tx);
                } catch (LinuxNativeOperationException e) {
                    // the ENETDOWN that dropFromPeer left on this socket comes out of the next call, once
                    tx.position(0);
                    peer.writeUnsafe(tx);
                }
            }

            @Override
            public CanFrame receivedByPeer(Duration timeout) throws IOException {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (System.nanoTime() < deadline) {
                    rx.clear();
                    try {
                        peer.readUnsafe(rx);
                    } catch (LinuxNativeOperationException e) {
                        continue; // the receive timeout, or the ENETDOWN that dropFromPeer leaves behind
                    }
                    int length = rx.get(4);
                    long data = rx.order(ByteOrder.LITTLE_ENDIAN).getLong(8);
                    rx.order(ByteOrder.nativeOrder());
                    return new CanFrame(rx.getInt(0) & 0x7FF, length,
                            length == 8 ? data : data & ((1L << (8 * length)) - 1));
                }
                return null;
            }

            @Override
            public boolean dropFromPeer() {
                Vcan.run("ip", "link", "set", iface, "down");
                Vcan.run("ip", "link", "set", iface, "up");
                return true;
            }

            @Override
            public void close() throws IOException {
                peer.close();
                Vcan.restore(iface);
            }
        };
    }
}
