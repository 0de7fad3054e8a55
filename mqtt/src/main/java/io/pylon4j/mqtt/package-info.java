/**
 * The MQTT bridge: {@link io.pylon4j.mqtt.PylonMqttBridge} publishes what a set of drivers know, with the topic tree,
 * payloads and Home Assistant discovery of {@code docs/mqtt.md}; {@link io.pylon4j.mqtt.MqttBridgeOptions} and
 * {@link io.pylon4j.mqtt.MqttBroker} configure it, {@link io.pylon4j.mqtt.BridgeCounters} counts what it did and
 * dropped.
 */
package io.pylon4j.mqtt;
