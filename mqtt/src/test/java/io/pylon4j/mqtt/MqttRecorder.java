package io.pylon4j.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;

/**
 * A subscriber on a real broker, as Home Assistant or {@code mosquitto_sub} would be: it keeps the newest payload of
 * every topic under a filter (retained ones included) and every message in order, and waits for a condition.
 */
public final class MqttRecorder implements AutoCloseable {

    /** One message as received, with the QoS it was delivered at (the lower of the publisher's and the subscription's). */
    public record Message(String topic, String payload, boolean retained, int qos) {
    }

    private final TestMqttClient connection;
    private final Mqtt5AsyncClient client;
    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final List<Message> all = new CopyOnWriteArrayList<>();

    private MqttRecorder(TestMqttClient connection) {
        this.connection = connection;
        this.client = connection.mqtt;
    }

    /**
     * Connects to {@code 127.0.0.1:port} and subscribes to {@code filter}.
     *
     * @param port   the broker's port
     * @param filter the topic filter, e.g. {@code pylon4j/#}
     * @return the recorder, subscribed
     */
    public static MqttRecorder subscribe(int port, String filter) throws Exception {
        return subscribe(port, filter, 1);
    }

    /**
     * Connects to {@code 127.0.0.1:port} and subscribes to {@code filter} at {@code qos}: a message arrives at the
     * lower of its publisher's QoS and this one.
     *
     * @param port   the broker's port
     * @param filter the topic filter, e.g. {@code pylon4j/#}
     * @param qos    the subscription's QoS, 0 to 2
     * @return the recorder, subscribed
     */
    public static MqttRecorder subscribe(int port, String filter, int qos) throws Exception {
        MqttRecorder r = new MqttRecorder(TestMqttClient.connect(port, "test-recorder"));
        r.client.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).callback(p -> {
            String payload = new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
            r.latest.put(p.getTopic().toString(), payload);
            r.all.add(new Message(p.getTopic().toString(), payload, p.isRetain(), p.getQos().getCode()));
        }).send().get(10, TimeUnit.SECONDS);
        return r;
    }

    /** The newest payload of {@code topic}, or null. */
    public String latest(String topic) {
        return latest.get(topic);
    }

    /** The newest payloads by topic. */
    public Map<String, String> latest() {
        return Map.copyOf(latest);
    }

    /** Every message so far, in arrival order. */
    public List<Message> messages() {
        return List.copyOf(all);
    }

    /** Publishes {@code payload} to {@code topic} (QoS 1, not retained). */
    public void publish(String topic, String payload) throws Exception {
        publish(topic, payload, false);
    }

    /** Publishes {@code payload} to {@code topic} at QoS 1, retained or not. */
    public void publish(String topic, String payload, boolean retain) throws Exception {
        client.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).retain(retain).send().get(10, TimeUnit.SECONDS);
    }

    /** Waits until the newest payload of {@code topic} satisfies {@code condition}; fails after {@code timeout}. */
    public String await(String topic, Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String v = latest.get(topic);
            if (v != null && condition.test(v)) {
                return v;
            }
            if (System.nanoTime() - deadline > 0) {
                return Assertions.fail("no matching message on " + topic + " within " + timeout + "; newest: " + v
                        + "; topics: " + latest.keySet());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }

    /** The newest payload of the first topic starting with {@code prefix}, waiting for one. */
    public String awaitPrefix(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            for (Map.Entry<String, String> e : latest.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    return e.getValue();
                }
            }
            Thread.sleep(20);
        }
        return Assertions.fail("no message on " + prefix + "… within " + timeout + "; topics: " + latest.keySet());
    }
}
