package io.pylon4j.transport.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateChange;
import io.pylon4j.transport.contract.StateRecorder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What caller-supplied streams add to the contract: they end, they cannot be reopened, they are closed. */
class StreamTransportsTest {

    @Test
    void theEndOfCallerStreamsIsFinalSinceTheyCannotBeReopened() throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        StateRecorder states = new StateRecorder();
        try (ByteStreamTransport t = StreamTransports.of(new ByteArrayInputStream(new byte[] {1, 2, 3}),
                OutputStream.nullOutputStream(), "bytes")) {
            t.addByteListener((b, o, l, n) -> received.write(b, o, l));
            t.addStateListener(states);
            t.open();
            ConnectionStateChange failed = states.await(ConnectionState.FAILED, Duration.ofSeconds(10));
            assertThat(failed.cause()).hasMessageContaining("closed by the other end");
            assertThat(received.toByteArray()).containsExactly(1, 2, 3);
            assertThat(t.endpoint()).isEqualTo("stream:bytes");
            assertThat(states.states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                    ConnectionState.FAILED);
        }
    }

    @Test
    void closingTheTransportClosesTheCallersStreamsEvenIfNeverOpened() {
        AtomicBoolean inClosed = new AtomicBoolean();
        AtomicBoolean outClosed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                inClosed.set(true);
            }
        };
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                outClosed.set(true);
            }
        };
        StreamTransports.of(in, out, "unused").close();
        assertThat(inClosed).isTrue();
        assertThat(outClosed).isTrue();
    }

    @Test
    void aConnectorThatFailsIsRetriedByThePolicy() throws Exception {
        StateRecorder states = new StateRecorder();
        int[] calls = {0};
        Pipe pipe = Pipe.open();
        StreamConnector connector = () -> {
            if (++calls[0] < 3) {
                throw new IOException("port busy");
            }
            return StreamConnection.of(pipe.source(), pipe.sink());
        };
        try (ByteStreamTransport t = StreamTransports.reconnecting("port", connector,
                io.pylon4j.transport.TransportOptions.defaults().withReconnectPolicy(
                        new io.pylon4j.transport.ReconnectPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 1, 0, 0)))) {
            t.addStateListener(states);
            t.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(states.changes()).filteredOn(c -> c.current() == ConnectionState.WAITING_TO_RECONNECT)
                    .hasSize(2).allSatisfy(c -> assertThat(c.cause()).hasMessage("port busy"));
            assertThat(calls[0]).isEqualTo(3);
        }
        assertThat(pipe.source().isOpen()).isFalse();
        assertThat(pipe.sink().isOpen()).isFalse();
    }

    @Test
    void nonBlockingChannelsAreRefused() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.source().configureBlocking(false);
        assertThatThrownBy(() -> StreamTransports.of(pipe.source(), pipe.sink(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-blocking");
        pipe.source().close();
        pipe.sink().close();
    }
}
