package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Home Assistant's rules for an MQTT discovery config, written down from its documentation independently of the
 * code under test: the discovery topic format (https://www.home-assistant.io/integrations/mqtt/#discovery-topic), the
 * units each sensor device class accepts and the classes that take no state class
 * (https://developers.home-assistant.io/docs/core/entity/sensor/#available-device-classes), the binary sensor device
 * classes (https://www.home-assistant.io/integrations/binary_sensor/#device-class), and the MQTT sensor options used
 * (https://www.home-assistant.io/integrations/sensor.mqtt/).
 */
final class HaRules {

    private static final Pattern TOPIC = Pattern.compile(
            "homeassistant/(sensor|binary_sensor)/[a-zA-Z0-9_-]+/[a-zA-Z0-9_-]+/config");
    private static final Map<String, Set<String>> SENSOR_UNITS = Map.of(
            "battery", Set.of("%"),
            "voltage", Set.of("V", "mV", "µV", "kV", "MV"),
            "current", Set.of("A", "mA"),
            "temperature", Set.of("°C", "°F", "K"),
            "energy_storage", Set.of("J", "kJ", "MJ", "GJ", "mWh", "Wh", "kWh", "MWh", "GWh", "TWh", "cal", "kcal",
                    "Mcal", "Gcal"));
    private static final Set<String> BINARY_CLASSES = Set.of("battery", "battery_charging", "problem", "power",
            "running", "safety", "connectivity");
    private static final Set<String> STATE_CLASSES = Set.of("measurement", "total", "total_increasing");

    private HaRules() {
    }

    /** Asserts that {@code payload} on {@code topic} is a config Home Assistant accepts. */
    @SuppressWarnings("unchecked")
    static void check(String topic, String payload) {
        assertThat(topic).matches(TOPIC);
        String component = topic.split("/")[1];
        Map<String, Object> c = MiniJson.object(payload);
        assertThat(c).containsKeys("name", "unique_id", "state_topic", "device", "availability");
        assertThat((String) c.get("state_topic")).doesNotContain("+").doesNotContain("#");
        String deviceClass = (String) c.get("device_class");
        String unit = (String) c.get("unit_of_measurement");
        String stateClass = (String) c.get("state_class");
        if (component.equals("sensor")) {
            if ("enum".equals(deviceClass)) {
                assertThat(unit).as("enum has no unit").isNull();
                assertThat(stateClass).as("enum has no state class").isNull();
                assertThat((List<Object>) c.get("options")).isNotEmpty();
            } else if (deviceClass != null) {
                assertThat(SENSOR_UNITS).containsKey(deviceClass);
                assertThat(SENSOR_UNITS.get(deviceClass)).as(topic + " unit").contains(unit);
            }
            if (stateClass != null) {
                assertThat(STATE_CLASSES).contains(stateClass);
                if ("energy_storage".equals(deviceClass) || "battery".equals(deviceClass)) {
                    assertThat(stateClass).isEqualTo("measurement");
                }
            }
        } else {
            assertThat(unit).as("a binary sensor has no unit").isNull();
            assertThat(stateClass).as("a binary sensor has no state class").isNull();
            if (deviceClass != null) {
                assertThat(BINARY_CLASSES).contains(deviceClass);
            }
        }
        Map<String, Object> device = (Map<String, Object>) c.get("device");
        assertThat((List<Object>) device.get("identifiers")).isNotEmpty();
        for (Object a : (List<Object>) c.get("availability")) {
            assertThat((Map<String, Object>) a).containsKey("topic");
        }
        assertThat(c.get("availability_mode")).isIn("all", "any", "latest");
        assertThat((Double) c.get("expire_after")).isPositive();
    }
}
