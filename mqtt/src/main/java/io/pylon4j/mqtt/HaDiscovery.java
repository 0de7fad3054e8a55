package io.pylon4j.mqtt;

import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.ModuleDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The retained Home Assistant discovery configs of one bank (https://www.home-assistant.io/integrations/mqtt/#mqtt-discovery):
 * one config per {@link HaEntity}, all naming one device per bank with the manufacturer, model and software version
 * the bank reports (RS485 0x51, {@link BankInfo}) and the first module's serial number; availability from both the
 * bridge (its last will) and the bank (FRESH/RECOVERED), {@code availability_mode: all}; {@code expire_after} three
 * heartbeats. Pure: the bridge publishes what it returns.
 */
final class HaDiscovery {

    /** What the configs depend on beyond the topics: when it changes, the configs are published again. */
    record Shape(Optional<BankInfo> info, Optional<String> serial, boolean storedEnergy) {
        static Shape of(BankStatus status) {
            Optional<String> serial = status.modules().values().stream().map(ModuleDetails::serialNumber)
                    .flatMap(Optional::stream).findFirst();
            boolean energy = status.modules().values().stream()
                    .anyMatch(m -> m.remainingCapacityAh().isPresent());
            return new Shape(status.bankInfo(), serial, energy);
        }
    }

    private HaDiscovery() {
    }

    /** Config topic → payload for every entity of the bank; an entity the bank cannot feed gets an empty payload. */
    static Map<String, String> configs(MqttBridgeOptions options, String bankId, Topics topics, Shape shape) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Object> device = device(bankId, topics, shape);
        for (HaEntity e : HaEntity.values()) {
            String topic = topics.discovery(options.discoveryPrefix(), e.component, e.objectId());
            if (e == HaEntity.STORED_ENERGY && !shape.storedEnergy()) {
                out.put(topic, "");
                continue;
            }
            out.put(topic, Json.write(config(options, topics, e, device)));
        }
        return out;
    }

    /** Config topic → empty payload for every entity: Home Assistant removes them (the bank was removed). */
    static List<String> allTopics(MqttBridgeOptions options, Topics topics) {
        List<String> out = new ArrayList<>();
        for (HaEntity e : HaEntity.values()) {
            out.add(topics.discovery(options.discoveryPrefix(), e.component, e.objectId()));
        }
        return out;
    }

    private static Map<String, Object> config(MqttBridgeOptions options, Topics topics, HaEntity e,
                                              Map<String, Object> device) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", e.displayName);
        c.put("unique_id", topics.nodeId() + "_" + e.objectId());
        c.put("state_topic", topics.state());
        c.put("value_template", e.valueTemplate);
        if (e.deviceClass != null) {
            c.put("device_class", e.deviceClass);
        }
        if (e.unit != null) {
            c.put("unit_of_measurement", e.unit);
        }
        if (e.measurement()) {
            c.put("state_class", "measurement");
        }
        if ("enum".equals(e.deviceClass)) {
            c.put("options", HaEntity.SUPERVISION_STATES);
        }
        List<Object> availability = new ArrayList<>();
        availability.add(Map.of("topic", options.bridgeAvailabilityTopic()));
        if (e != HaEntity.SUPERVISION) {
            availability.add(Map.of("topic", topics.availability()));
        }
        c.put("availability", availability);
        c.put("availability_mode", "all");
        c.put("expire_after", options.expireAfterSeconds());
        c.put("qos", options.qos());
        c.put("device", device);
        c.put("origin", Map.of("name", "pylon4j", "support_url", "https://github.com/pylon4j/pylon4j"));
        return c;
    }

    private static Map<String, Object> device(String bankId, Topics topics, Shape shape) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("identifiers", List.of(topics.nodeId()));
        d.put("name", "Pylontech bank " + bankId);
        String manufacturer = shape.info().flatMap(BankInfo::manufacturerName)
                .map(m -> m.replaceAll("-+$", "").strip()).filter(m -> !m.isEmpty()).orElse("Pylontech");
        d.put("manufacturer", manufacturer);
        shape.info().flatMap(BankInfo::deviceName).ifPresent(m -> d.put("model", m));
        shape.serial().ifPresent(s -> d.put("serial_number", s));
        shape.info().flatMap(BankInfo::softwareVersion).ifPresent(v -> d.put("sw_version", v));
        return d;
    }
}
