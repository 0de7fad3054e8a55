package io.pylon4j.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A connected HiveMQ client on threads of its own ({@code test-client…}), for a test that drives the bridge's parts
 * (an {@link Outbox}, a {@link BankPublication}) without a bridge: RxJava's global pools would outlive the test.
 */
final class TestMqttClient implements AutoCloseable {

    final Mqtt5AsyncClient mqtt;
    private final ExecutorService callbacks;

    private TestMqttClient(Mqtt5AsyncClient mqtt, ExecutorService callbacks) {
        this.mqtt = mqtt;
        this.callbacks = callbacks;
    }

    /** Connects to {@code 127.0.0.1:port}, waiting at most 10 s. */
    static TestMqttClient connect(int port) throws Exception {
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-client"));
        Mqtt5AsyncClient c = MqttClient.builder().useMqttVersion5().identifier("test-client-" + System.nanoTime())
                .serverHost("127.0.0.1").serverPort(port)
                .executorConfig().nettyExecutor(t -> new Thread(t, "test-client-netty").start()).nettyThreads(1)
                .applicationScheduler(io.reactivex.schedulers.Schedulers.from(callbacks)).applyExecutorConfig()
                .buildAsync();
        try {
            c.connect().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            callbacks.shutdownNow();
            throw e;
        }
        return new TestMqttClient(c, callbacks);
    }

    @Override
    public void close() throws Exception {
        try {
            mqtt.disconnect().get(10, TimeUnit.SECONDS);
        } finally {
            callbacks.shutdownNow();
        }
    }
}
