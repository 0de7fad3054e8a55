package io.pylon4j.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hands publishes to the MQTT client, never more than {@link MqttBridgeOptions#maxInFlight()} at once, and none while
 * the client is not connected: the HiveMQ client would otherwise queue them without bound while it reconnects.
 * What it cannot hand over is counted (by kind) and the caller learns it from the return value; the bridge then
 * publishes the newest state again later instead of keeping the old one. Thread-safe.
 */
final class Outbox {

    /** Whether a dropped publish is repeated later with newer values (state) or gone (event). */
    enum Kind { EVENT, STATE }

    private final Mqtt5AsyncClient client;
    private final MqttQos qos;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    final LongAdder published = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder droppedEvents = new LongAdder();
    final LongAdder droppedState = new LongAdder();

    Outbox(Mqtt5AsyncClient client, MqttBridgeOptions options) {
        this.client = client;
        this.qos = MqttQos.fromCode(options.qos());
        this.maxInFlight = options.maxInFlight();
    }

    boolean connected() {
        return client.getState().isConnected();
    }

    /** Publishes in flight now (handed to the client, not yet acknowledged). */
    int inFlight() {
        return inFlight.get();
    }

    /**
     * Hands one publish to the client, or counts it as dropped.
     *
     * @return the publish's completion (true when the broker took it), or null when it was dropped at once
     */
    CompletableFuture<Boolean> publish(String topic, String payload, boolean retain, Kind kind) {
        if (!connected()) {
            return drop(kind);
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return drop(kind);
        }
        return client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(qos)
                .retain(retain).send().handle((result, failure) -> {
                    inFlight.decrementAndGet();
                    boolean ok = failure == null && result.getError().isEmpty();
                    (ok ? published : failed).increment();
                    return ok;
                });
    }

    private CompletableFuture<Boolean> drop(Kind kind) {
        (kind == Kind.EVENT ? droppedEvents : droppedState).increment();
        return null;
    }
}
