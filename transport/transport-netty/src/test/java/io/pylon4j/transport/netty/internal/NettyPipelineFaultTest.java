package io.pylon4j.transport.netty.internal;

import static io.pylon4j.transport.netty.internal.Bridges.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.ReconnectPolicy;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.contract.LoopbackServer;
import io.pylon4j.transport.contract.StateRecorder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A connection whose pipeline cannot be built (a handler's class missing from a hand-made class or module path) is
 * reported with that cause, not as "the link was closed by the other end", which sends a maintainer to the network.
 */
class NettyPipelineFaultTest {

    private static final TransportOptions OPTIONS = TransportOptions.defaults()
            .withReconnectPolicy(new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(50), 1.0, 0.0, 0))
            .withThreadNamePrefix("pipeline-fault");

    /** A TCP transport whose protocol handler's class "is missing", as a partial Netty on the path makes it. */
    private static final class MissingHandlerTransport extends NettyTransport {
        MissingHandlerTransport(Endpoint endpoint, SharedEventLoopGroup group) {
            super(endpoint, endpoint.hostPort(), OPTIONS, group);
        }

        @Override
        protected void initPipeline(Channel channel, ChannelPipeline pipeline) {
            throw new NoClassDefFoundError("io/netty/handler/codec/LineBasedFrameDecoder");
        }
    }

    @Test
    void aPipelineThatCannotBeBuiltNamesItsCauseNotThePeer() throws Exception {
        SharedEventLoopGroup group = new SharedEventLoopGroup();
        try (LoopbackServer server = new LoopbackServer();
             MissingHandlerTransport tcp = new MissingHandlerTransport(Endpoint.parse("tcp:" + server.hostPort()), group)) {
            StateRecorder states = new StateRecorder();
            tcp.addStateListener(states);
            tcp.open();
            ConnectionStateChange waiting = states.await(ConnectionState.WAITING_TO_RECONNECT, WAIT);
            assertThat(waiting.cause()).isInstanceOf(TransportIoException.class)
                    .hasMessageContaining("cannot set up the connection")
                    .hasMessageContaining("NoClassDefFoundError: io/netty/handler/codec/LineBasedFrameDecoder")
                    .hasMessageNotContaining("closed by the other end");
            assertThat(waiting.cause().getCause()).isInstanceOf(NoClassDefFoundError.class);
        }
    }
}
