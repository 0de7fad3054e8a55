package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Broker addresses as users write them, and credentials that never reach a log. */
class MqttBrokerTest {

    @Test
    void schemesPortsAndDefaults() {
        assertThat(MqttBroker.parse("tcp://10.0.0.2:1884")).satisfies(b -> {
            assertThat(b.host()).isEqualTo("10.0.0.2");
            assertThat(b.port()).isEqualTo(1884);
            assertThat(b.tls()).isFalse();
        });
        assertThat(MqttBroker.parse("tcp://broker").port()).isEqualTo(1883);
        assertThat(MqttBroker.parse("ssl://broker").port()).isEqualTo(8883);
        assertThat(MqttBroker.parse("mqtts://broker").tls()).isTrue();
        assertThatThrownBy(() -> MqttBroker.parse("http://broker")).hasMessageContaining("tcp:// or ssl://");
        assertThatThrownBy(() -> MqttBroker.parse("tcp://:1883")).hasMessageContaining("no host");
    }

    @Test
    void thePasswordIsNeverPrinted() {
        MqttBroker b = MqttBroker.parse("ssl://broker:8883").withCredentials("site7", "s3cret");
        assertThat(b.toString()).isEqualTo("ssl://broker:8883 as site7").doesNotContain("s3cret");
    }

    @Test
    void aCaFileIsOnlyForTlsAndKeptThroughTheCredentials() {
        assertThatThrownBy(() -> MqttBroker.parse("tcp://broker").withCaFile(java.nio.file.Path.of("ca.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TLS broker (ssl://");
        MqttBroker b = MqttBroker.parse("ssl://broker").withCaFile(java.nio.file.Path.of("ca.pem"))
                .withCredentials("site7", "s3cret");
        assertThat(b.caFile()).contains(java.nio.file.Path.of("ca.pem"));
        assertThat(b.toString()).isEqualTo("ssl://broker:8883 as site7 trusting ca.pem");
    }
}
