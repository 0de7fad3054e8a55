package io.pylon4j.driver.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.ConnectionState;
import io.pylon4j.transport.ConnectionStateListener;
import io.pylon4j.transport.Transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Test helper: waiting for a link that someone else opened (the simulator server does not wait for its own). */
final class Links {

    private Links() {
    }

    /** Waits (at most 10 s) until {@code transport} is connected. */
    static void awaitConnected(Transport transport) throws Exception {
        CompletableFuture<Void> up = new CompletableFuture<>();
        ConnectionStateListener l = change -> {
            if (change.current() == ConnectionState.CONNECTED) {
                up.complete(null);
            }
        };
        transport.addStateListener(l);
        try {
            if (transport.state() == ConnectionState.CONNECTED) {
                up.complete(null);
            }
            up.get(10, TimeUnit.SECONDS);
        } finally {
            transport.removeStateListener(l);
        }
        assertThat(transport.state()).isEqualTo(ConnectionState.CONNECTED);
    }
}
