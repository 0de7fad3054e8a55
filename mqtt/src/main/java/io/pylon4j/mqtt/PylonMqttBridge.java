package io.pylon4j.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.pylon4j.driver.PylonDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes what a set of {@link PylonDriver}s know to an MQTT broker ({@code docs/mqtt.md}): per bank the status and
 * events as the JSON of {@code docs/driver-events.md}, retained state, module details and availability, Home
 * Assistant discovery, and — only with {@link MqttBridgeOptions#allowCommands()} — capped-current commands with a
 * mandatory expiry. Embeddable: it takes the caller's {@link Mqtt5AsyncClient} ({@link Builder#client}) or makes its
 * own ({@link Builder#broker}, with a last will, TLS, credentials and reconnection with backoff), owns no global
 * state, and does not close the drivers.
 *
 * <p>Threads: one, {@code pylon4j-mqtt-SITE}, owned by the bridge, runs every decision (what is due, commands, cap
 * expiries); with its own client, one more for Netty's event loop ({@code pylon4j-mqtt-netty-SITE-N}). Both end at
 * {@link #close()}. Events are handed to the client from the driver's event executor. While the broker is away
 * nothing queues: events are dropped and counted ({@link #counters()}), and the newest retained state, availability,
 * discovery and cap state are published again once it is back.
 */
public final class PylonMqttBridge implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PylonMqttBridge.class.getName());
    /** A cap command is a few dozen bytes; MQTT 5 makes the broker drop anything larger for us. */
    private static final int MAX_INCOMING_PACKET_BYTES = 4096;

    private final MqttBridgeOptions options;
    private final Mqtt5AsyncClient client;
    private final Optional<MqttBroker> ownBroker;
    private final ScheduledExecutorService thread;
    private final Outbox outbox;
    private final Map<String, BankPublication> banks = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder connections = new LongAdder();
    private final CapCommands commands;
    private volatile String linkCause = "not connected yet";
    private boolean wasConnected; // the bridge thread's view
    private boolean subscribed;

    private PylonMqttBridge(Builder b) {
        this.options = b.options;
        this.ownBroker = Optional.ofNullable(b.broker);
        String name = "pylon4j-mqtt-" + options.site();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        this.client = b.client != null ? b.client
                : OwnClient.build(b.broker, options, thread, this::onDisconnected, this::onConnected);
        this.outbox = new Outbox(client, options);
        this.commands = new CapCommands(banks, options, thread);
    }

    /**
     * A builder with these options; give it {@link Builder#broker} or {@link Builder#client}.
     *
     * @param options the topic tree, cadences, discovery and command settings
     * @return the builder
     */
    public static Builder builder(MqttBridgeOptions options) {
        return new Builder(options);
    }

    /**
     * Adds a bank under {@code PREFIX/SITE/bankId}; its topics are published from the next tick (at once when the
     * bridge is connected). The driver is not started or closed by the bridge.
     *
     * @param bankId the bank's topic level: letters, digits, '_', '-', '.'
     * @param driver the driver reading the bank
     * @throws IllegalArgumentException if the id is not a valid topic level or is already in use
     * @throws IllegalStateException    if the bridge is closed
     */
    public void addBank(String bankId, PylonDriver driver) {
        Objects.requireNonNull(driver, "driver");
        if (closed.get()) {
            throw new IllegalStateException("the MQTT bridge is closed");
        }
        BankPublication p = new BankPublication(bankId, driver, options, outbox);
        if (banks.putIfAbsent(bankId, p) != null) {
            throw new IllegalArgumentException("bank id already in use: " + bankId);
        }
        p.listen();
    }

    /**
     * Removes a bank: its Home Assistant entities are removed (empty retained configs), its availability becomes
     * {@code offline}, and a cap it had is lifted. The driver stays open.
     *
     * @param bankId the id given to {@link #addBank}
     * @return a stage completed when that was handed to the broker (at once if the broker is away)
     */
    public CompletableFuture<Void> removeBank(String bankId) {
        BankPublication p = banks.remove(bankId);
        if (p == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(p::retract, thread);
    }

    /**
     * Starts publishing: connects the bridge's own client (reconnecting with backoff until {@link #close()}), and
     * starts the tick that publishes what is due. Idempotent.
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        long tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(50),
                Math.min(options.minInterval().toNanos(), TimeUnit.MILLISECONDS.toNanos(200)));
        thread.scheduleWithFixedDelay(this::tick, 0, tickNanos, TimeUnit.NANOSECONDS);
        if (ownBroker.isPresent()) {
            // the broker may send us only small packets, few at a time: a peer's command cannot grow our memory
            client.connectWith().cleanStart(true).noSessionExpiry().keepAlive(30)
                    .restrictions().maximumPacketSize(MAX_INCOMING_PACKET_BYTES).receiveMaximum(16)
                    .applyRestrictions().send()
                    .whenComplete((ack, failure) -> {
                        if (failure != null) {
                            onDisconnected(LinkCause.of(failure, ownBroker.get().username().isPresent()));
                        }
                    });
        }
    }

    private void tick() {
        try {
            boolean connected = outbox.connected();
            if (connected && !wasConnected) {
                onLinkUp();
            }
            wasConnected = connected;
            if (!connected) {
                return; // nothing queues while the broker is away; the newest state goes out after reconnection
            }
            long now = System.nanoTime();
            for (BankPublication p : banks.values()) {
                p.tick(now);
            }
        } catch (RuntimeException | LinkageError e) { // anything else would end the tick for good
            LOG.log(System.Logger.Level.WARNING, "MQTT bridge tick failed; retried at the next tick", e);
        }
    }

    private void onLinkUp() {
        linkCause = "";
        outbox.publish(options.bridgeAvailabilityTopic(), "online", true, Outbox.Kind.STATE);
        for (BankPublication p : banks.values()) {
            p.forgetPublished();
        }
        if (options.allowCommands() && !subscribed) {
            // resubscribed by the client itself after a reconnection without a session (its default); retain as
            // published, or a retained command sent while connected would arrive unflagged and be applied
            subscribed = true;
            client.subscribeWith().topicFilter(options.prefix() + "/" + options.site() + "/+/cap/set")
                    .qos(MqttQos.fromCode(options.qos())).retainAsPublished(true)
                    .callback(commands::onCommand).executor(thread).send();
        }
    }

    private void onConnected() {
        connections.increment();
        LOG.log(System.Logger.Level.INFO, "MQTT bridge connected to {0}", ownBroker.map(MqttBroker::address)
                .orElse("the broker"));
        thread.execute(this::tick);
    }

    private void onDisconnected(String cause) {
        if (!cause.equals(linkCause)) { // the disconnection of a clean close is expected: no warning
            LOG.log(closed.get() ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                    "MQTT bridge not connected to {0}: {1}",
                    ownBroker.map(MqttBroker::address).orElse("the broker"), cause);
        }
        linkCause = cause;
    }

    /**
     * What the bridge did and dropped.
     *
     * @return the counters now
     */
    public BridgeCounters counters() {
        return new BridgeCounters(outbox.published.sum(), outbox.failed.sum(), outbox.droppedEvents.sum(),
                outbox.droppedState.sum(), connections.sum(), commands.accepted.sum(), commands.rejected.sum(),
                commands.expired.sum());
    }

    /**
     * Whether the client is connected to the broker now.
     *
     * @return true while connected
     */
    public boolean isConnected() {
        return outbox.connected();
    }

    /**
     * Why the bridge is not connected, e.g. "Connection refused: /127.0.0.1:1883", or empty while connected (with
     * the caller's client, only "not connected" is known).
     *
     * @return the reason, or an empty string
     */
    public String linkCause() {
        return outbox.connected() ? "" : ownBroker.isPresent() ? linkCause : "not connected";
    }

    /** Publishes handed to the client and not yet acknowledged (the tests' view of the memory bound). */
    int inFlight() {
        return outbox.inFlight();
    }

    /**
     * The options this bridge publishes with.
     *
     * @return the options
     */
    public MqttBridgeOptions options() {
        return options;
    }

    /**
     * Publishes {@code offline} for every bank and the bridge (a clean close sends no last will), lifts any cap,
     * disconnects its own client, and ends its threads. Idempotent; waits at most 5 s for the broker; never throws.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<CompletableFuture<Boolean>> last = new ArrayList<>();
        try {
            thread.submit(() -> {
                for (BankPublication p : banks.values()) {
                    last.add(p.offline());
                }
                last.add(outbox.publish(options.bridgeAvailabilityTopic(), "offline", true, Outbox.Kind.STATE));
            }).get(5, TimeUnit.SECONDS);
            CompletableFuture.allOf(last.stream().filter(Objects::nonNull).toArray(CompletableFuture[]::new))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(System.Logger.Level.WARNING, "MQTT bridge: the offline messages were not confirmed: {0}",
                    OwnClient.describe(e));
        }
        if (ownBroker.isPresent()) {
            try {
                client.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        thread.shutdownNow();
    }

    /** Builds a {@link PylonMqttBridge}: with the caller's MQTT client, or its own for a broker address. */
    public static final class Builder {
        private final MqttBridgeOptions options;
        private MqttBroker broker;
        private Mqtt5AsyncClient client;

        private Builder(MqttBridgeOptions options) {
            this.options = Objects.requireNonNull(options, "options");
        }

        /**
         * The bridge makes its own client for this broker (last will, reconnection, TLS, credentials).
         *
         * @param value the broker
         * @return this builder
         */
        public Builder broker(MqttBroker value) {
            this.broker = Objects.requireNonNull(value, "broker");
            this.client = null;
            return this;
        }

        /**
         * The bridge publishes through the caller's client, which the caller connects, closes and gives a last will
         * ({@link MqttBridgeOptions#bridgeAvailabilityTopic()}, retained {@code offline}).
         *
         * @param value the caller's client
         * @return this builder
         */
        public Builder client(Mqtt5AsyncClient value) {
            this.client = Objects.requireNonNull(value, "client");
            this.broker = null;
            return this;
        }

        /**
         * The bridge, not yet started.
         *
         * @return the bridge
         * @throws IllegalStateException    if neither a broker nor a client was given
         * @throws IllegalArgumentException if the broker's CA file cannot be read or holds no certificate
         */
        public PylonMqttBridge build() {
            if (broker == null && client == null) {
                throw new IllegalStateException("give the bridge a broker address or an MQTT client");
            }
            return new PylonMqttBridge(this);
        }
    }
}
