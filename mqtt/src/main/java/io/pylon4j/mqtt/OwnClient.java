package io.pylon4j.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import io.reactivex.schedulers.Schedulers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The MQTT client the bridge makes when the caller gives none: MQTT 5, automatic reconnection with backoff (0.5 s
 * doubling to 30 s), a retained {@code offline} last will on the bridge's availability topic, TLS and credentials from
 * the {@link MqttBroker}, and its threads the bridge's: Netty's event loop on a thread named
 * {@code pylon4j-mqtt-netty-N}, the client's callbacks on the bridge's own executor (not RxJava's global pools).
 */
final class OwnClient {

    private OwnClient() {
    }

    static Mqtt5AsyncClient build(MqttBroker broker, MqttBridgeOptions options, ScheduledExecutorService bridgeThread,
                                  Consumer<String> onDisconnect, Runnable onConnect) {
        AtomicInteger threads = new AtomicInteger();
        String site = options.site();
        // one thread per event loop, ended when the client releases the loop (HiveMQ shuts its loops down itself)
        Executor netty = task -> {
            Thread t = new Thread(task, "pylon4j-mqtt-netty-" + site + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            t.start();
        };
        Mqtt5ClientBuilder b = MqttClient.builder().useMqttVersion5()
                .identifier("pylon4j-" + site + "-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(broker.host()).serverPort(broker.port())
                .executorConfig().nettyExecutor(netty).nettyThreads(1)
                .applicationScheduler(Schedulers.from(bridgeThread)).applyExecutorConfig()
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(30, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> onConnect.run())
                .addDisconnectedListener(ctx -> onDisconnect.accept(
                        LinkCause.of(ctx.getCause(), broker.username().isPresent())))
                .willPublish().topic(options.bridgeAvailabilityTopic())
                .payload("offline".getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .applyWillPublish();
        if (broker.tls()) { // HiveMQ checks the host name against the certificate (HTTPS endpoint identification)
            b = broker.caFile().isEmpty() ? b.sslWithDefaultConfig()
                    : b.sslConfig().trustManagerFactory(TlsTrust.fromPem(broker.caFile().get())).applySslConfig();
        }
        if (broker.username().isPresent()) {
            b = b.simpleAuth().username(broker.username().get())
                    .password(broker.password().orElse("").getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        return b.buildAsync();
    }

    /** One phrase for a failure: the innermost cause's message, else its type. */
    static String describe(Throwable cause) {
        return LinkCause.innermost(cause);
    }
}
