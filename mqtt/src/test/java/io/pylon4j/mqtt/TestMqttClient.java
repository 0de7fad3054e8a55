package io.pylon4j.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A connected HiveMQ client on threads of its own, named, so that a test can tell them from the bridge's (RxJava's
 * global pools would also outlive the test): for a test that drives the bridge's parts (an {@link Outbox}, a
 * {@link BankPublication}) without a bridge, and under {@link MqttRecorder}. Its callbacks run on one thread, which
 * discards what comes after close (the client ends its session a moment after the disconnect).
 */
final class TestMqttClient implements AutoCloseable {

    final Mqtt5AsyncClient mqtt;
    private final ExecutorService callbacks;

    private TestMqttClient(Mqtt5AsyncClient mqtt, ExecutorService callbacks) {
        this.mqtt = mqtt;
        this.callbacks = callbacks;
    }

    /** Connects to {@code 127.0.0.1:port} on threads named {@code test-client…}, waiting at most 10 s. */
    static TestMqttClient connect(int port) throws Exception {
        return connect(port, "test-client");
    }

    /** Connects to {@code 127.0.0.1:port} on threads named {@code name} and {@code name-netty}, waiting at most 10 s. */
    static TestMqttClient connect(int port, String name) throws Exception {
        ExecutorService callbacks = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                t -> new Thread(t, name), new ThreadPoolExecutor.DiscardPolicy());
        Mqtt5AsyncClient c = MqttClient.builder().useMqttVersion5().identifier(name + "-" + System.nanoTime())
                .serverHost("127.0.0.1").serverPort(port)
                .executorConfig().nettyExecutor(t -> new Thread(t, name + "-netty").start()).nettyThreads(1)
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
