/**
 * An MQTT bridge for {@link io.pylon4j.driver.PylonDriver} banks: status and events as the JSON of
 * {@code docs/driver-events.md}, availability with a last will, Home Assistant discovery and, only when switched on,
 * a capped charge/discharge current with a mandatory expiry ({@code docs/mqtt.md}). On the HiveMQ MQTT Client.
 */
module io.pylon4j.mqtt {
    requires transitive io.pylon4j.driver;
    // PylonMqttBridge.Builder#client takes the caller's Mqtt5AsyncClient
    requires transitive com.hivemq.client.mqtt;
    // the client's application scheduler is an RxJava 2 Scheduler over the bridge's own executor
    requires io.reactivex.rxjava2;

    exports io.pylon4j.mqtt;
}
