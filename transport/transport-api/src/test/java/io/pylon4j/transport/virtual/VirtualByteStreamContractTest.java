package io.pylon4j.transport.virtual;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.contract.ByteStreamTransportContract;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The byte-stream contract on a member of the in-memory byte bus; the far side is another member. */
class VirtualByteStreamContractTest extends ByteStreamTransportContract {

    @Override
    protected ByteLink newLink(TransportOptions options) throws Exception {
        VirtualByteBus bus = new VirtualByteBus("contract");
        ByteStreamTransport transport = bus.newMember(options, VirtualByteBus.DEFAULT_QUEUE_CAPACITY);
        ByteStreamTransport peer = bus.newMember();
        LinkedBlockingQueue<Byte> peerReceived = new LinkedBlockingQueue<>();
        peer.addByteListener((b, o, l, t) -> {
            for (int i = o; i < o + l; i++) {
                peerReceived.add(b[i]);
            }
        });
        peer.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new ByteLink() {
            @Override
            public ByteStreamTransport transport() {
                return transport;
            }

            @Override
            public void sendFromPeer(byte[] bytes) {
                peer.write(bytes);
            }

            @Override
            public byte[] receivedByPeer(int count, Duration timeout) throws InterruptedException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long deadline = System.nanoTime() + timeout.toNanos();
                while (out.size() < count) {
                    Byte b = peerReceived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (b == null) {
                        throw new AssertionError("peer got only " + Arrays.toString(out.toByteArray()));
                    }
                    out.write(b);
                }
                return out.toByteArray();
            }

            @Override
            public void close() {
                peer.close();
            }
        };
    }
}
