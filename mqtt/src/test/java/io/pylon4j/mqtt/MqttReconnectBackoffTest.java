package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.lifecycle.MqttClientAutoReconnect;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientReconnector;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The bridge's own client reconnects with backoff, 0.5 s doubling to 30 s (docs/mqtt.md "The broker goes away"). The
 * client adds up to ±25 % of jitter to each delay, so every bound here takes it into account; and no assertion is on
 * speed: the schedule is read from the client's own reconnect step on a made-up attempt count (manual time), and the
 * real attempts against a broker that stays away are bounded from below only (a slow machine only spaces them more).
 */
class MqttReconnectBackoffTest {

    private static final double JITTER = 0.25;

    @Test
    void theDelayDoublesFromHalfASecondAndStopsAtThirtySeconds() throws Exception {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "pylon4j-mqtt-test-backoff"));
        try {
            Mqtt5AsyncClient client = OwnClient.build(MqttBroker.parse("tcp://127.0.0.1:1"),
                    MqttBridgeOptions.defaults().withSite("backoff"), thread, cause -> { }, () -> { });
            MqttClientAutoReconnect reconnect = client.getConfig().getAutomaticReconnect().orElseThrow();
            assertThat(reconnect.getInitialDelay(TimeUnit.MILLISECONDS)).isEqualTo(500);
            assertThat(reconnect.getMaxDelay(TimeUnit.SECONDS)).isEqualTo(30);
            double[] nominalSeconds = {0.5, 1, 2, 4, 8, 16, 30, 30, 30, 30};
            for (int attempts = 0; attempts < nominalSeconds.length; attempts++) {
                // ±25 % keeps neighbours apart: 0.5 s is at most 0.625 s, 1 s at least 0.75 s; 64 s uncapped at
                // least 48 s, 30 s at most 37.5 s
                for (int sample = 0; sample < 20; sample++) {
                    double seconds = delayAfter(reconnect, attempts) / 1e9;
                    assertThat(seconds).as("the delay after %d failed attempts", attempts)
                            .isBetween(nominalSeconds[attempts] * (1 - JITTER), nominalSeconds[attempts] * (1 + JITTER));
                }
            }
            // a clean close by the bridge (the user's disconnect) is never followed by a reconnection
            assertThat(delayAfter(reconnect, MqttDisconnectSource.USER, 0)).isEqualTo(-1);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aBrokerThatStaysAwayIsTriedAgainNoSoonerThanTheSchedule() throws Exception {
        List<Long> acceptedNanos = new CopyOnWriteArrayList<>();
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "pylon4j-mqtt-test-backoff"));
        // a "broker" that accepts each connection and closes it at once, before any CONNACK: every attempt fails
        try (ServerSocket away = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!away.isClosed()) {
                    try (Socket s = away.accept()) {
                        acceptedNanos.add(System.nanoTime());
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            }, "pylon4j-mqtt-test-away");
            acceptor.start();
            Mqtt5AsyncClient client = OwnClient.build(MqttBroker.parse("tcp://127.0.0.1:" + away.getLocalPort()),
                    MqttBridgeOptions.defaults().withSite("away"), thread, cause -> { }, () -> { });
            client.connect(); // fails; the automatic reconnection takes over
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acceptedNanos.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            client.disconnect(); // ends the reconnection
            assertThat(acceptedNanos).as("the first attempt and two reconnections").hasSizeGreaterThanOrEqualTo(3);
            // a connection attempt that fails counts as a failed attempt (HiveMQ's attempts + 1), so after a first
            // connect that never got a CONNACK the delays are 1 and 2 s nominal (after a connection that was up and
            // dropped: 0.5 s, then 1 s), each at least 75 % of it; 250 ms doubling would be at most 0.625 s first
            double[] minimumGapSeconds = {0.75, 1.5};
            for (int i = 0; i < minimumGapSeconds.length; i++) {
                double gapSeconds = (acceptedNanos.get(i + 1) - acceptedNanos.get(i)) / 1e9;
                assertThat(gapSeconds).as("the gap before attempt %d", i + 2).isGreaterThanOrEqualTo(
                        minimumGapSeconds[i]);
            }
        } finally {
            thread.shutdownNow();
        }
    }

    private static long delayAfter(MqttClientAutoReconnect reconnect, int attempts) {
        return delayAfter(reconnect, MqttDisconnectSource.CLIENT, attempts);
    }

    /** The delay the client's reconnect step sets after that many failed attempts, or -1 if it sets none. */
    private static long delayAfter(MqttClientAutoReconnect reconnect, MqttDisconnectSource source, int attempts) {
        AtomicLong delayNanos = new AtomicLong(-1);
        Object[] reconnector = new Object[1];
        reconnector[0] = Proxy.newProxyInstance(MqttReconnectBackoffTest.class.getClassLoader(),
                new Class<?>[] {MqttClientReconnector.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttempts" -> attempts;
                    case "delay" -> {
                        delayNanos.set(((TimeUnit) args[1]).toNanos((Long) args[0]));
                        yield proxy;
                    }
                    case "reconnect" -> proxy;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        MqttClientDisconnectedContext context = (MqttClientDisconnectedContext) Proxy.newProxyInstance(
                MqttReconnectBackoffTest.class.getClassLoader(), new Class<?>[] {MqttClientDisconnectedContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSource" -> source;
                    case "getReconnector" -> reconnector[0];
                    case "getCause" -> new java.io.IOException("made up");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        reconnect.onDisconnected(context);
        return delayNanos.get();
    }
}
