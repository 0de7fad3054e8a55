package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.BankInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The discovery configs against Home Assistant's rules ({@link HaRules}), without a broker. */
class HaDiscoveryTest {

    private static final MqttBridgeOptions OPTIONS = MqttBridgeOptions.defaults().withSite("home");
    private static final Topics TOPICS = Topics.of(OPTIONS, "bank1");
    private static final BankInfo INFO = new BankInfo(Optional.of("US3000C"), Optional.of("Pylon---------------"),
            Optional.of("2.3"), Optional.empty());

    @Test
    void everyConfigIsOneHomeAssistantAccepts() {
        Map<String, String> configs = HaDiscovery.configs(OPTIONS, "bank1", TOPICS,
                new HaDiscovery.Shape(Optional.of(INFO), Optional.of("PPTAP0123"), true));
        assertThat(configs).hasSize(HaEntity.values().length);
        Set<Object> uniqueIds = new HashSet<>();
        configs.forEach((topic, payload) -> {
            HaRules.check(topic, payload);
            assertThat(uniqueIds.add(MiniJson.object(payload).get("unique_id"))).as("unique ids").isTrue();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneDevicePerBankNamedByWhatTheBankSays() {
        String soc = HaDiscovery.configs(OPTIONS, "bank1", TOPICS,
                new HaDiscovery.Shape(Optional.of(INFO), Optional.of("PPTAP0123"), true))
                .get("homeassistant/sensor/pylon4j_home_bank1/soc/config");
        Map<String, Object> device = (Map<String, Object>) MiniJson.object(soc).get("device");
        assertThat(device).containsEntry("identifiers", List.of("pylon4j_home_bank1"))
                .containsEntry("manufacturer", "Pylon").containsEntry("model", "US3000C")
                .containsEntry("sw_version", "2.3").containsEntry("serial_number", "PPTAP0123");
        Map<String, Object> c = MiniJson.object(soc);
        assertThat(c).containsEntry("device_class", "battery").containsEntry("unit_of_measurement", "%")
                .containsEntry("state_topic", "pylon4j/home/bank1/state")
                .containsEntry("availability_mode", "all");
        assertThat((List<Object>) c.get("availability")).containsExactly(
                Map.of("topic", "pylon4j/home/bridge/availability"), Map.of("topic", "pylon4j/home/bank1/availability"));
    }

    @Test
    void aBankWithoutCapacityFiguresGetsNoMadeUpEnergyEntity() {
        Map<String, String> configs = HaDiscovery.configs(OPTIONS, "bank1", TOPICS,
                new HaDiscovery.Shape(Optional.empty(), Optional.empty(), false));
        assertThat(configs.get("homeassistant/sensor/pylon4j_home_bank1/stored_energy/config")).isEmpty();
        assertThat(MiniJson.object(configs.get("homeassistant/sensor/pylon4j_home_bank1/soc/config")).get("device"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("manufacturer",
                        "Pylontech").doesNotContainKey("model");
    }

    @Test
    void topicLevelsRefuseWildcardsAndSeparators() {
        for (String bad : List.of("a/b", "a+", "#", "", "bank 1")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Topics.of(OPTIONS, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic level");
        }
    }
}
