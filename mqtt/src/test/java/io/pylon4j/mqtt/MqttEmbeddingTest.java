package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bridge embedded in an application that already has its MQTT connection (issue 16, point 1): it publishes
 * through the caller's client, under the caller's prefix and QoS, and its close leaves that client connected.
 */
class MqttEmbeddingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final MosquittoExtension mosquitto = new MosquittoExtension();
    private SimBank bank;
    private Mqtt5AsyncClient callers;
    private final java.util.concurrent.ExecutorService callbacks =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "test-application"));

    @BeforeEach
    void start() throws Exception {
        bank = new SimBank("bank1", 1);
        callers = MqttClient.builder().useMqttVersion5().identifier("the-application")
                .serverHost("127.0.0.1").serverPort(mosquitto.port())
                // the application's own threads: RxJava's computation pool would outlive this test (MqttBridgeTest)
                .executorConfig().nettyExecutor(t -> new Thread(t, "test-application-netty").start()).nettyThreads(1)
                .applicationScheduler(io.reactivex.schedulers.Schedulers.from(callbacks)).applyExecutorConfig()
                .buildAsync();
        callers.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        callers.disconnect().get(10, TimeUnit.SECONDS);
        callbacks.shutdownNow();
        bank.close();
    }

    @Test
    void publishesThroughTheCallersClientWithItsPrefixAndQosAndLeavesItConnected() throws Exception {
        MqttBridgeOptions options = MqttBridgeOptions.defaults().withPrefix("fleet").withSite("north").withQos(0)
                .withIntervals(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (MqttRecorder r = MqttRecorder.subscribe(mosquitto.port(), "#")) {
            PylonMqttBridge bridge = PylonMqttBridge.builder(options).client(callers).build();
            bridge.addBank("bank1", bank.driver);
            bridge.start();
            r.await("fleet/north/bank1/state", s -> s.contains("\"bankId\""), WAIT);
            r.await("fleet/north/bridge/availability", "online"::equals, WAIT);
            assertThat(r.messages()).filteredOn(m -> m.topic().startsWith("fleet/north/"))
                    .extracting(MqttRecorder.Message::qos).containsOnly(0);
            assertThat(r.latest().keySet()).noneMatch(t -> t.startsWith("pylon4j/"));

            bridge.close();
            r.await("fleet/north/bank1/availability", "offline"::equals, WAIT);
            assertThat(callers.getState().isConnected()).as("the caller's client is the caller's to close").isTrue();
        }
    }
}
