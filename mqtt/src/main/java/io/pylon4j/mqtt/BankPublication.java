package io.pylon4j.mqtt;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.BankEvent;
import io.pylon4j.driver.BankEventJson;
import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.BankStatusJson;
import io.pylon4j.driver.EventSubscription;
import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.PublishedLimits;
import io.pylon4j.driver.PylonDriver;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.SupervisionState;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the bridge publishes for one bank, and when: every event at once (not retained); the status JSON (retained)
 * when it changed and {@link MqttBridgeOptions#minInterval()} has passed, or unchanged after a heartbeat; the module
 * details on their slower cadence; availability when it flips; discovery when what it shows (model, firmware,
 * serial) changes. A publish the broker did not take is not marked done, so the next tick repeats it with the newest
 * values. {@link #tick} runs on the bridge's thread only; the event listener on the driver's event executor.
 */
final class BankPublication {

    /** The values a subscriber sees in the status JSON, without the ages that change every tick. */
    private record StateKey(Measurements measurements, double cvl, double ccl, double dcl, Object dvl,
                            Object sources, Set<ActiveAlarm> alarms, Optional<RequestFlags> flags,
                            OptionalInt moduleCount, SupervisionState supervision, Optional<BankInfo> info) {
        static StateKey of(BankStatus s) {
            PublishedLimits p = s.publishedLimits();
            return new StateKey(s.measurements(), p.chargeVoltageLimitVolts(), p.chargeCurrentLimitAmps(),
                    p.dischargeCurrentLimitAmps(), p.dischargeVoltageLimitVolts(),
                    java.util.List.of(p.chargeVoltageLimitProvenance().source(),
                            p.chargeCurrentLimitProvenance().source(), p.dischargeCurrentLimitProvenance().source(),
                            p.dischargeVoltageLimitProvenance().source()),
                    s.activeAlarms(), s.requestFlags(), s.moduleCount(), s.supervisionState(), s.bankInfo());
        }
    }

    final String bankId;
    final PylonDriver driver;
    final Topics topics;
    final CapControl caps;
    private final MqttBridgeOptions options;
    private final Outbox outbox;
    private EventSubscription subscription;

    // the bridge thread's bookkeeping: what the broker is known to have
    private StateKey lastState;
    private long lastStateNanos;
    private long lastDetailsNanos;
    private boolean detailsDone;
    private String lastAvailability;
    private HaDiscovery.Shape lastShape;
    private boolean capStateDone;

    BankPublication(String bankId, PylonDriver driver, MqttBridgeOptions options, Outbox outbox) {
        this.bankId = bankId;
        this.driver = driver;
        this.options = options;
        this.outbox = outbox;
        this.topics = Topics.of(options, bankId);
        this.caps = new CapControl(driver);
    }

    void listen() {
        subscription = driver.addListener(this::onEvent);
    }

    private void onEvent(BankEvent event) {
        outbox.publish(topics.events(), BankEventJson.toJson(event), false, Outbox.Kind.EVENT);
    }

    /** After a (re)connection: everything is published again, the broker may have lost its retained messages. */
    void forgetPublished() {
        lastState = null;
        detailsDone = false;
        lastAvailability = null;
        lastShape = null;
        capStateDone = false;
    }

    /** Publishes what is due at {@code nowNanos} (the bridge's monotonic clock). */
    void tick(long nowNanos) {
        BankStatus status = driver.status();
        if (options.haDiscovery()) {
            HaDiscovery.Shape shape = HaDiscovery.Shape.of(status);
            if (!shape.equals(lastShape) && publishAll(HaDiscovery.configs(options, bankId, topics, shape))) {
                lastShape = shape;
            }
        }
        String availability = available(status.supervisionState()) ? "online" : "offline";
        if (!availability.equals(lastAvailability)
                && retained(topics.availability(), availability) != null) {
            lastAvailability = availability;
        }
        publishState(status, nowNanos);
        if (!detailsDone || nowNanos - lastDetailsNanos >= options.detailsInterval().toNanos()) {
            if (publishModules(status)) {
                detailsDone = true;
                lastDetailsNanos = nowNanos;
            }
        }
        if (options.allowCommands() && !capStateDone && retained(topics.capState(), caps.current()) != null) {
            capStateDone = true;
        }
    }

    private void publishState(BankStatus status, long nowNanos) {
        StateKey key = StateKey.of(status);
        long since = nowNanos - lastStateNanos;
        boolean changed = !key.equals(lastState);
        boolean due = lastState == null || changed && since >= options.minInterval().toNanos()
                || since >= options.heartbeat().toNanos();
        if (!due) {
            return;
        }
        CompletableFuture<Boolean> sent = retained(topics.state(), BankStatusJson.toJson(status, driver.now()));
        if (sent != null) {
            lastState = key;
            lastStateNanos = nowNanos;
        }
    }

    private boolean publishModules(BankStatus status) {
        boolean all = true;
        for (ModuleDetails d : status.modules().values()) {
            FieldStamp stamp = status.moduleStamps().get(d.address());
            Source source = stamp == null ? Source.RS485 : stamp.source();
            String json = BankEventJson.toJson(new BankEvent.ModuleDetailsUpdated(bankId,
                    stamp == null ? status.at() : stamp.at(), source, d));
            all &= retained(topics.module(d.address()), json) != null;
        }
        return all;
    }

    /** Publishes a cap command's outcome (retained). */
    void publishCapState(String json) {
        capStateDone = retained(topics.capState(), json) != null;
    }

    /** Removes the bank from the broker: empty retained discovery configs, availability offline. */
    void retract() {
        if (subscription != null) {
            subscription.close();
        }
        caps.release();
        if (options.haDiscovery()) {
            for (String topic : HaDiscovery.allTopics(options, topics)) {
                retained(topic, "");
            }
        }
        retained(topics.availability(), "offline");
    }

    /** Availability offline at a clean close of the bridge (the bank is not removed). */
    CompletableFuture<Boolean> offline() {
        if (subscription != null) {
            subscription.close();
        }
        caps.release();
        return retained(topics.availability(), "offline");
    }

    private boolean publishAll(Map<String, String> retainedMessages) {
        boolean all = true;
        for (Map.Entry<String, String> e : retainedMessages.entrySet()) {
            all &= retained(e.getKey(), e.getValue()) != null;
        }
        return all;
    }

    private CompletableFuture<Boolean> retained(String topic, String payload) {
        return outbox.publish(topic, payload, true, Outbox.Kind.STATE);
    }

    /** A STALE, LOST or still CONNECTING bank is not shown as healthy. */
    static boolean available(SupervisionState state) {
        return state == SupervisionState.FRESH || state == SupervisionState.RECOVERED;
    }
}
