package io.pylon4j.benchmarks.scale;

import static io.pylon4j.benchmarks.scale.ReportFigures.daemon;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.reactivex.schedulers.Schedulers;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The MQTT scale benchmark's subscriber: a HiveMQ client in the measured JVM (so that its {@code nanoTime} compares
 * with the frames' arrival times) subscribed to {@code PREFIX/SITE/#}, counting every message and pairing each
 * {@code BANK/state} and {@code BANK/events} message with the newest reply arrival of its bank at or before its
 * receipt (frame → subscriber latency: the driver, the bridge — for states its tick and minimum interval —, the
 * client, Mosquitto and back). Its threads are named
 * {@code pylon4j-bench-subscriber-…}, so their CPU is reported apart from the bridge's and the drivers'.
 */
final class MqttSubscriber implements AutoCloseable {

    private final Mqtt5AsyncClient client;
    private final ExecutorService application;
    private final String statePrefix;
    private final Map<String, Integer> bankIndex;
    private final ScaleBenchmark.ArrivalRing arrivals;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LatencyHistogram eventLatency = new LatencyHistogram();
    private final LongAdder received = new LongAdder();
    private final LongAdder states = new LongAdder();
    private final AtomicLongArray statesPerBank;
    private volatile boolean measuring;
    private boolean closed; // the run's thread only

    /**
     * @param port      the broker's loopback port
     * @param topicBase {@code PREFIX/SITE}
     * @param bankIndex each bank id's index in {@code arrivals}
     * @param arrivals  the banks' reply arrival times
     */
    MqttSubscriber(int port, String topicBase, Map<String, Integer> bankIndex, ScaleBenchmark.ArrivalRing arrivals)
            throws Exception {
        this.statePrefix = topicBase + "/";
        this.bankIndex = Map.copyOf(bankIndex);
        this.arrivals = arrivals;
        this.statesPerBank = new AtomicLongArray(Math.max(1, bankIndex.size()));
        AtomicInteger threads = new AtomicInteger();
        application = Executors.newSingleThreadExecutor(r -> daemon(r, "pylon4j-bench-subscriber-app"));
        client = MqttClient.builder().useMqttVersion5().identifier("pylon4j-bench-subscriber")
                .serverHost("127.0.0.1").serverPort(port)
                .executorConfig().nettyThreads(1)
                .nettyExecutor(task -> daemon(task, "pylon4j-bench-subscriber-netty-" + threads.incrementAndGet())
                        .start())
                .applicationScheduler(Schedulers.from(this::runOnApplicationThread)).applyExecutorConfig()
                .buildAsync();
        client.connect().get(30, TimeUnit.SECONDS);
        // no executor given: the callback runs on the client's Netty thread, so the receipt time is taken at once
        client.subscribeWith().topicFilter(topicBase + "/#").qos(MqttQos.AT_LEAST_ONCE).callback(this::onMessage)
                .send().get(30, TimeUnit.SECONDS);
    }

    private void runOnApplicationThread(Runnable task) {
        try {
            application.execute(task);
        } catch (RejectedExecutionException closed) {
            // after close(): the client's last bookkeeping after its disconnect, nothing to deliver any more
        }
    }

    private void onMessage(Mqtt5Publish publish) {
        long now = System.nanoTime();
        if (!measuring) {
            return;
        }
        received.increment();
        String topic = publish.getTopic().toString();
        boolean state = topic.endsWith("/state");
        if (!(state || topic.endsWith("/events")) || !topic.startsWith(statePrefix)) {
            return;
        }
        Integer bank = bankIndex.get(topic.substring(statePrefix.length(), topic.lastIndexOf('/')));
        if (bank == null) {
            return; // another level's state (a cap's): not a bank's status
        }
        long arrival = arrivals.latestAtOrBefore(bank, now);
        long nanos = arrival == Long.MIN_VALUE ? -1 : now - arrival;
        if (!state) {
            eventLatency.record(nanos); // published at once from the driver's event thread: the pipeline alone
            return;
        }
        states.increment();
        statesPerBank.incrementAndGet(bank);
        latency.record(nanos); // published at the bridge's tick, at most every minInterval: the cadence included
    }

    /** Starts or stops counting (messages before the window, e.g. the retained ones at subscription, are skipped). */
    void measuring(boolean on) {
        measuring = on;
    }

    /** Messages received in the window, any topic under {@code PREFIX/SITE}. */
    long received() {
        return received.sum();
    }

    /** Bank state messages received in the window. */
    long states() {
        return states.sum();
    }

    /** Banks of which at least one state message was received in the window. */
    int banksSeen() {
        int seen = 0;
        for (int i = 0; i < bankIndex.size(); i++) {
            seen += statesPerBank.get(i) > 0 ? 1 : 0;
        }
        return seen;
    }

    /** Frame → subscriber latency of the event messages. */
    LatencyHistogram.Latency eventLatency() {
        return eventLatency.summary();
    }

    /** Frame → subscriber latency of the state messages. */
    LatencyHistogram.Latency latency() {
        return latency.summary();
    }

    /** Disconnects and ends the subscriber's threads; idempotent (a second disconnect would reach a stopped pool). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        application.shutdownNow();
    }
}
