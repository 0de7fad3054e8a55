package io.pylon4j.transport.virtual;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameQueue;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.contract.CanTransportContract;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The CAN contract on a member of the in-memory bus; the far side is another member. */
class VirtualCanTransportContractTest extends CanTransportContract {

    @Override
    protected boolean countsDataBytesOnly() {
        return true;
    }

    @Override
    protected CanLink newLink(TransportOptions options) throws Exception {
        VirtualCanBus bus = new VirtualCanBus("contract");
        CanTransport transport = bus.newMember(options, VirtualCanBus.DEFAULT_QUEUE_CAPACITY);
        CanTransport peer = bus.newMember();
        CanFrameQueue peerReceived = new CanFrameQueue(1000);
        peer.addFrameListener(peerReceived);
        peer.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new CanLink() {
            @Override
            public CanTransport transport() {
                return transport;
            }

            @Override
            public void sendFromPeer(CanFrame frame) {
                peer.send(frame);
            }

            @Override
            public CanFrame receivedByPeer(Duration timeout) throws InterruptedException {
                return peerReceived.poll(timeout);
            }

            @Override
            public void close() {
                peer.close();
            }
        };
    }
}
