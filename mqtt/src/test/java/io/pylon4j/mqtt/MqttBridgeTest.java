package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.BankStatusJson;
import io.pylon4j.driver.LimitSource;
import io.pylon4j.driver.SupervisionState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bridge against a real Mosquitto, fed by a simulated bank through the real driver: what a late subscriber gets,
 * availability under supervision, a broker restart, a broker away for a while, and the cap command.
 */
class MqttBridgeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BASE = "pylon4j/test/bank1";

    @RegisterExtension
    final BridgeRig rig = new BridgeRig();

    private PylonMqttBridge bridge(MqttBridgeOptions options) {
        return rig.bridge(options);
    }

    private static MqttBridgeOptions fast() {
        return MqttBridgeOptions.defaults().withSite("test")
                .withIntervals(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    private static double number(String json, String path) {
        Object v = MiniJson.at(MiniJson.object(json), path);
        return v == null ? Double.NaN : (Double) v;
    }

    @Test
    void aLateSubscriberGetsTheRetainedStateAndItFollowsTheSimulatedBank() throws Exception {
        bridge(fast());
        try (MqttRecorder early = rig.subscribe("pylon4j/#")) {
            early.await(BASE + "/availability", "online"::equals, WAIT);
            early.await(BASE + "/events", e -> e.contains("\"type\":\"MEASUREMENTS_UPDATED\""), WAIT);
        }
        try (MqttRecorder late = rig.subscribe("pylon4j/#")) {
            String state = late.await(BASE + "/state",
                    s -> Math.round(number(s, "measurements.socPercent")) == 62, WAIT);
            assertThat(MiniJson.at(MiniJson.object(state), "bankId")).isEqualTo("bank1");
            assertThat(late.messages()).filteredOn(m -> m.topic().equals(BASE + "/state"))
                    .first().extracting(MqttRecorder.Message::retained).isEqualTo(true);
            assertThat(late.latest("pylon4j/test/bridge/availability")).isEqualTo("online");
            String module = late.awaitPrefix(BASE + "/module/", WAIT);
            assertThat((java.util.List<?>) MiniJson.object(module).get("cellVoltagesVolts")).hasSize(15);

            rig.bank().bank.setStateOfCharge(35);
            late.await(BASE + "/state", s -> Math.round(number(s, "measurements.socPercent")) == 35, WAIT);
        }
    }

    @Test
    void discoveryConfigsAreRetainedValidAndRemovedWithTheBank() throws Exception {
        bridge(fast());
        String prefix = "homeassistant/sensor/pylon4j_test_bank1/";
        try (MqttRecorder early = rig.subscribe("homeassistant/#")) {
            // the energy entity appears once the RS485 modules have reported their capacity
            early.await(prefix + "stored_energy/config", c -> !c.isEmpty(), WAIT);
        }
        try (MqttRecorder late = rig.subscribe("homeassistant/#")) {
            String soc = late.await(prefix + "soc/config", c -> !c.isEmpty(), WAIT);
            Thread.sleep(500); // the rest of the retained configs
            assertThat(late.latest()).hasSize(HaEntity.values().length);
            // what a subscriber gets on joining is retained (a live update may follow when the bank says more)
            java.util.Map<String, Boolean> firstRetained = new java.util.HashMap<>();
            late.messages().forEach(m -> firstRetained.putIfAbsent(m.topic(), m.retained()));
            assertThat(firstRetained).doesNotContainValue(false);
            late.latest().forEach(HaRules::check);
            assertThat(MiniJson.at(MiniJson.object(soc), "device.model")).isNotNull();

            rig.bridge().removeBank("bank1").get();
            for (String topic : late.latest().keySet()) {
                late.await(topic, String::isEmpty, WAIT);
            }
        }
        try (MqttRecorder after = rig.subscribe("homeassistant/#")) {
            Thread.sleep(500);
            assertThat(after.latest()).as("no retained config is left").isEmpty();
        }
    }

    @Test
    void anUnchangedStateIsPublishedOnlyWithTheHeartbeat() throws Exception {
        // Counted on the bridge's own clock, with a status that cannot change. Before, a wall-clock window of sleeps
        // over the rig's CAN + RS485 bank: a loaded machine stretches the window and lands a subscriber's backlog in
        // it, and that "unchanged" state is not: each link's newest report replaces the other's (53.2 V CVL over
        // CAN, 53.25 V over RS485; SOC 62 and 61.996 %), so the count hung on how the two cycles fell between ticks.
        // Here the publication is ticked by hand every 100 ms of bridge time, through the real client and broker,
        // for a frozen bank read over RS485 by a driver whose time stands still: nothing it reports can age or flap.
        MqttBridgeOptions options = fast().withHaDiscovery(false);
        try (SimBank held = SimBank.rs485OnStoppedTime("held", 2);
             MqttRecorder r = rig.subscribe("pylon4j/test/held/state");
             TestMqttClient client = TestMqttClient.connect(rig.broker().port())) {
            held.bank.freezeValues();
            String settled = awaitSettled(held);
            BankPublication publication = new BankPublication("held", held.driver, options,
                    new Outbox(client.mqtt, options));
            long tick = Duration.ofMillis(100).toNanos();
            for (int i = 0; i <= 40; i++) { // 4 s of bridge time, a tick every 100 ms
                publication.tick(i * tick);
            }
            assertThat(BankStatusJson.toJson(held.driver.status(), held.driver.now()))
                    .as("what the bridge saw did not change while it ticked").isEqualTo(settled);
            // MQTT keeps one client's messages on one topic in order: once the marker is in, every state is
            new Outbox(client.mqtt, options).publish("pylon4j/test/held/state", "end", false, Outbox.Kind.STATE);
            r.await("pylon4j/test/held/state", "end"::equals, WAIT);
            List<String> states = r.messages().stream().map(MqttRecorder.Message::payload)
                    .takeWhile(p -> !p.equals("end")).toList();
            assertThat(states.size()).as("41 ticks over 4 s of unchanged state: the first, then one per 1 s heartbeat")
                    .isEqualTo(5);
            assertThat(states.stream().distinct().count()).as("every one of them the settled status").isEqualTo(1);
            assertThat(states.get(0)).isEqualTo(settled);
        }
    }

    /** Waits until the held driver's status JSON has stayed the same for a second (all of RS485's first reads in). */
    private static String awaitSettled(SimBank held) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        long sameSince = System.nanoTime();
        while (System.nanoTime() - deadline < 0) {
            String now = BankStatusJson.toJson(held.driver.status(), held.driver.now());
            if (!now.equals(last)) {
                if (!last.isEmpty()) {
                    int a = 0;
                    while (a < Math.min(last.length(), now.length()) && last.charAt(a) == now.charAt(a)) {
                        a++;
                    }
                    System.err.println("DIFF at " + a + ": " + last.substring(Math.max(0, a - 150), Math.min(last.length(), a + 60)) + "  -->  " + now.substring(Math.max(0, a - 150), Math.min(now.length(), a + 60)));
                }
                last = now;
                sameSince = System.nanoTime();
            } else if (System.nanoTime() - sameSince >= Duration.ofSeconds(1).toNanos()
                    && held.driver.status().moduleCount().isPresent() && held.driver.status().modules().size() == 2) {
                return now;
            }
            Thread.sleep(50);
        }
        return Assertions.fail("the held driver's status never settled; newest: " + last);
    }

    @Test
    void aCommandTooLargeForACapNeverReachesTheBridge() throws Exception {
        bridge(fast().withAllowCommands(true));
        try (MqttRecorder r = rig.subscribe("pylon4j/#")) {
            r.await(BASE + "/cap/state", s -> s.contains("\"outcome\":\"none\""), WAIT);
            r.publish(BASE + "/cap/set", "{\"maxChargeCurrentAmps\": 10, \"expiresInSeconds\": 60"
                    + " ".repeat(100_000) + "}");
            r.publish(BASE + "/cap/set", "{\"maxChargeCurrentAmps\": 11, \"expiresInSeconds\": 60}");
            String applied = r.await(BASE + "/cap/state", s -> s.contains("applied"), WAIT);
            assertThat(MiniJson.at(MiniJson.object(applied), "maxChargeCurrentAmps")).isEqualTo(11.0);
            assertThat(rig.bridge().counters().commandsAccepted()).isEqualTo(1);
            assertThat(rig.bridge().counters().commandsRejected()).isZero();
        }
    }

    @Test
    void aStaleBankIsNotShownAsAvailableAndComesBack() throws Exception {
        bridge(fast());
        try (MqttRecorder r = rig.subscribe("pylon4j/#")) {
            r.await(BASE + "/availability", "online"::equals, WAIT);
            rig.bank().bank.updateFaults(f -> f.withCommunicationLost(true));
            r.await(BASE + "/availability", "offline"::equals, WAIT);
            // the state may follow the availability by a tick (its minimum interval): wait for it
            r.await(BASE + "/state", s -> java.util.List.of("STALE", "LOST")
                    .contains(MiniJson.at(MiniJson.object(s), "supervision.state")), WAIT);
            rig.bank().bank.updateFaults(f -> f.withCommunicationLost(false));
            r.await(BASE + "/availability", "online"::equals, WAIT);
        }
    }

    @Test
    void aBrokerRestartIsSurvivedAndTheRetainedTopicsArePublishedAgain() throws Exception {
        bridge(fast());
        try (MqttRecorder r = rig.subscribe("#")) {
            r.await(BASE + "/state", s -> true, WAIT);
        }
        rig.broker().restart(); // no persistence: every retained message is gone
        try (MqttRecorder r = rig.subscribe("#")) {
            r.await("pylon4j/test/bridge/availability", "online"::equals, WAIT);
            r.await(BASE + "/availability", "online"::equals, WAIT);
            r.await(BASE + "/state", s -> Math.round(number(s, "measurements.socPercent")) == 62, WAIT);
            r.await("homeassistant/sensor/pylon4j_test_bank1/soc/config", c -> c.contains("battery"), WAIT);
        }
        assertThat(rig.bridge().counters().connections()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void whileTheBrokerIsAwayEventsAreDroppedAndCountedAndTheNewestStateFollowsAfter() throws Exception {
        bridge(fast());
        try (MqttRecorder r = rig.subscribe("pylon4j/#")) {
            r.await(BASE + "/state", s -> true, WAIT);
        }
        long droppedBefore = rig.bridge().counters().droppedEvents();
        rig.broker().stop();
        Thread.sleep(1000); // the client notices
        // handed over just before the broker went: they stay until it is back
        int inFlightWhenDown = rig.bridge().inFlight();
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < until) { // the bank keeps sending: events pile up nowhere
            assertThat(rig.bridge().inFlight()).isLessThanOrEqualTo(inFlightWhenDown);
            Thread.sleep(100);
        }
        rig.bank().bank.setStateOfCharge(21);
        Thread.sleep(2500); // the driver sees it while the broker is still away
        assertThat(rig.bridge().isConnected()).isFalse();
        assertThat(rig.bridge().linkCause()).isNotEmpty();
        assertThat(rig.bridge().counters().droppedEvents()).isGreaterThan(droppedBefore);
        assertThat(rig.bridge().inFlight()).isLessThanOrEqualTo(inFlightWhenDown); // nothing more was handed over

        rig.broker().restart();
        try (MqttRecorder r = rig.subscribe("pylon4j/#")) {
            r.await(BASE + "/state", s -> Math.round(number(s, "measurements.socPercent")) == 21, WAIT);
            r.await(BASE + "/availability", "online"::equals, WAIT);
        }
    }

    @Test
    void aCapCommandIsAcknowledgedAppliedAndLapsesAtItsExpiry() throws Exception {
        bridge(fast().withAllowCommands(true));
        try (MqttRecorder r = rig.subscribe("pylon4j/#")) {
            r.await(BASE + "/cap/state", s -> s.contains("\"outcome\":\"none\""), WAIT);
            r.await(BASE + "/availability", "online"::equals, WAIT);
            double battery = rig.bank().driver.status().publishedLimits().chargeCurrentLimitAmps();
            assertThat(battery).isGreaterThan(10);

            r.publish(BASE + "/cap/set", "{\"maxChargeCurrentAmps\": 10}");
            String rejected = r.await(BASE + "/cap/state", s -> s.contains("rejected"), WAIT);
            assertThat(rejected).contains("expiresInSeconds is mandatory");
            assertThat(rig.bank().driver.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(battery);

            r.publish(BASE + "/cap/set", "{\"maxChargeCurrentAmps\": 10, \"expiresInSeconds\": 3}");
            String applied = r.await(BASE + "/cap/state", s -> s.contains("\"outcome\":\"applied\""), WAIT);
            Map<String, Object> ack = MiniJson.object(applied);
            assertThat(MiniJson.at(ack, "published.chargeCurrentLimitAmps")).isEqualTo(10.0);
            assertThat(MiniJson.at(ack, "published.chargeCurrentLimitSource")).isEqualTo("USER_CAP");
            assertThat(ack.get("expiresAt")).isNotNull();
            assertThat(rig.bank().driver.status().publishedLimits().chargeCurrentLimitProvenance().source())
                    .isEqualTo(LimitSource.USER_CAP);

            r.await(BASE + "/cap/state", s -> s.contains("\"outcome\":\"expired\""), WAIT);
            assertThat(rig.bank().driver.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(battery);
            assertThat(rig.bridge().counters().commandsAccepted()).isEqualTo(1);
            assertThat(rig.bridge().counters().commandsRejected()).isEqualTo(1);
            assertThat(rig.bridge().counters().capsExpired()).isEqualTo(1);
        }
    }

    @Test
    void aRetainedCommandIsRefusedWhenItArrivesAndAfterARestartOfTheBridge() throws Exception {
        bridge(fast().withAllowCommands(true));
        double battery;
        try (MqttRecorder r = rig.subscribe("pylon4j/#")) {
            r.await(BASE + "/cap/state", s -> s.contains("\"outcome\":\"none\""), WAIT);
            r.await(BASE + "/availability", "online"::equals, WAIT);
            battery = rig.bank().driver.status().publishedLimits().chargeCurrentLimitAmps();
            // while the bridge is subscribed: the broker forwards it live, with the retain flag only if asked to
            r.publish(BASE + "/cap/set", "{\"maxChargeCurrentAmps\": 10, \"expiresInSeconds\": 600}", true);
            String refused = r.await(BASE + "/cap/state", s -> !s.contains("\"outcome\":\"none\""), WAIT);
            assertThat(refused).contains("\"outcome\":\"rejected\"").contains("retained commands are refused");
            assertThat(rig.bank().driver.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(battery);
        }
        // a bridge started later gets it from the broker as a retained message: refused again, never applied
        rig.bridge().close();
        PylonMqttBridge restarted = bridge(fast().withAllowCommands(true));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (restarted.counters().commandsRejected() == 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        assertThat(restarted.counters().commandsRejected()).isEqualTo(1);
        assertThat(restarted.counters().commandsAccepted()).isZero();
        assertThat(rig.bank().driver.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(battery);
    }

    @Test
    void commandsAreNotListenedToUnlessSwitchedOn() throws Exception {
        bridge(fast());
        try (MqttRecorder r = rig.subscribe("pylon4j/#")) {
            r.await(BASE + "/availability", "online"::equals, WAIT);
            double battery = rig.bank().driver.status().publishedLimits().chargeCurrentLimitAmps();
            r.publish(BASE + "/cap/set", "{\"maxChargeCurrentAmps\": 10, \"expiresInSeconds\": 60}");
            Thread.sleep(1500);
            assertThat(rig.bank().driver.status().publishedLimits().chargeCurrentLimitAmps()).isEqualTo(battery);
            assertThat(r.latest(BASE + "/cap/state")).isNull();
            BridgeCounters counters = rig.bridge().counters();
            assertThat(counters.commandsAccepted() + counters.commandsRejected()).isZero();
        }
    }

    @Test
    void aCleanCloseLeavesEverythingOfflineAndEndsTheBridgesThreads() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        bridge(fast());
        try (MqttRecorder r = rig.subscribe("pylon4j/#")) {
            r.await(BASE + "/availability", "online"::equals, WAIT);
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .noneMatch(n -> n.startsWith("RxComputation") || n.startsWith("com.hivemq"));
            rig.bridge().close();
            r.await("pylon4j/test/bridge/availability", "offline"::equals, WAIT);
            r.await(BASE + "/availability", "offline"::equals, WAIT);
        }
        // Netty's event loop ends after its graceful shutdown's quiet period (2 s)
        java.util.function.Supplier<java.util.List<String>> ours = () -> Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().startsWith("pylon4j-mqtt")).map(Thread::getName)
                .toList();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!ours.get().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ours.get()).isEmpty();
        assertThat(rig.bank().driver.status().supervisionState()).isNotEqualTo(SupervisionState.CONNECTING);
    }
}
