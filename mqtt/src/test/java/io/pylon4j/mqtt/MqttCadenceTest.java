package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16's corners against a real Mosquitto and the real driver on a simulated bank: the module details on their
 * own slower cadence, the in-flight bound while the broker hangs, and QoS 2 honoured end to end.
 */
class MqttCadenceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BASE = "pylon4j/test/bank1";

    @RegisterExtension
    final BridgeRig rig = new BridgeRig();

    private PylonMqttBridge bridge(MqttBridgeOptions options) {
        return rig.bridge(options);
    }

    private static long count(MqttRecorder r, String topic) {
        return r.messages().stream().filter(m -> m.topic().equals(topic)).count();
    }

    @Test
    void moduleDetailsFollowTheirOwnSlowerCadenceNotEveryStatusChange() throws Exception {
        // state at most every 100 ms with a 1 s heartbeat; details every 2 s
        bridge(MqttBridgeOptions.defaults().withSite("test").withHaDiscovery(false)
                .withIntervals(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2)));
        try (MqttRecorder r = rig.subscribe(BASE + "/#")) {
            r.awaitPrefix(BASE + "/module/", WAIT);
            long from = System.nanoTime();
            int before = r.messages().size();
            Thread.sleep(5000);
            double seconds = (System.nanoTime() - from) / 1e9;
            List<MqttRecorder.Message> window = r.messages().subList(before, r.messages().size());
            long states = window.stream().filter(m -> m.topic().equals(BASE + "/state")).count();
            List<String> moduleTopics = window.stream().map(MqttRecorder.Message::topic)
                    .filter(t -> t.startsWith(BASE + "/module/")).distinct().toList();
            assertThat(moduleTopics).as("both modules' details").hasSize(2);
            for (String topic : moduleTopics) {
                long details = window.stream().filter(m -> m.topic().equals(topic)).count();
                // one per 2 s (one may slip past the window's end on a loaded machine); every tick's worth would be ~50
                assertThat(details).as("%s over %.1f s at one per 2 s", topic, seconds).isBetween(1L, 3L);
            }
            // the state went out at least with every 1 s heartbeat, more often than the details: they are not tied
            assertThat(states).as("state publishes over %.1f s", seconds).isGreaterThanOrEqualTo(3L);
            assertThat(count(r, BASE + "/module/1")).isLessThan(states);
        }
    }

    @Test
    void whileTheBrokerHangsTheInFlightCapDropsAndCountsAndTheNewestStateArrivesAfter() throws Exception {
        int cap = 8;
        bridge(MqttBridgeOptions.defaults().withSite("test").withHaDiscovery(false).withMaxInFlight(cap)
                .withIntervals(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        try (MqttRecorder r = rig.subscribe(BASE + "/state")) {
            r.await(BASE + "/state", s -> true, WAIT);
        }
        long eventsBefore = rig.bridge().counters().droppedEvents();
        long stateBefore = rig.bridge().counters().droppedState();
        // connected, but nothing is acknowledged: without the cap the client would queue everything
        rig.broker().pause();
        try {
            int most = 0;
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < until) {
                most = Math.max(most, rig.bridge().inFlight());
                assertThat(rig.bridge().inFlight()).isLessThanOrEqualTo(cap);
                Thread.sleep(20);
            }
            rig.bank().bank.setStateOfCharge(21);
            Thread.sleep(2000); // the driver sees it; the bridge cannot hand it over
            assertThat(rig.bridge().isConnected()).as("a hung broker still looks connected").isTrue();
            assertThat(most).as("the cap was reached").isEqualTo(cap);
            assertThat(rig.bridge().counters().droppedEvents()).as("dropped measurement events")
                    .isGreaterThan(eventsBefore);
            assertThat(rig.bridge().counters().droppedState()).as("dropped state publishes").isGreaterThan(stateBefore);
        } finally {
            rig.broker().resume();
        }
        try (MqttRecorder r = rig.subscribe(BASE + "/#")) {
            // the simulated bank discharges at 20 A from 21 %: near 21, not the 62 % from before the hang
            String state = r.await(BASE + "/state", s -> MiniJson.at(MiniJson.object(s), "measurements.socPercent")
                    instanceof Double soc && Math.abs(soc - 21) < 0.5, WAIT);
            var limits = rig.bank().driver.status().publishedLimits();
            assertThat(MiniJson.at(MiniJson.object(state), "published.chargeCurrentLimitAmps"))
                    .isEqualTo(limits.chargeCurrentLimitAmps());
            assertThat(MiniJson.at(MiniJson.object(state), "published.chargeVoltageLimitVolts"))
                    .isEqualTo(limits.chargeVoltageLimitVolts());
            r.await(BASE + "/availability", "online"::equals, WAIT);
        }
        assertThat(rig.bridge().counters().connections()).as("the same connection throughout").isEqualTo(1);
    }

    @Test
    void qos2PublishesArriveWithQos2() throws Exception {
        bridge(MqttBridgeOptions.defaults().withSite("test").withQos(2)
                .withIntervals(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        try (MqttRecorder r = rig.subscribe("#", 2)) {
            r.await(BASE + "/state", s -> true, WAIT);
            r.await(BASE + "/events", s -> true, WAIT);
            r.awaitPrefix(BASE + "/module/", WAIT);
            r.awaitPrefix("homeassistant/", WAIT);
            assertThat(r.messages()).isNotEmpty().allSatisfy(m -> assertThat(m.qos()).as(m.topic()).isEqualTo(2));
        }
    }
}
