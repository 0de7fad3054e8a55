package io.pylon4j.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one command the bridge understands, and every way a command is refused with a reason. */
class CapCommandTest {

    private static final Duration MAX = Duration.ofHours(24);

    @Test
    void aCapWithAnExpiryIsAccepted() {
        CapCommand c = CapCommand.parse("{\"maxChargeCurrentAmps\": 50, \"maxDischargeCurrentAmps\": 80.5,"
                + " \"expiresInSeconds\": 600}", MAX);
        assertThat(c.maxChargeCurrentAmps().getAsDouble()).isEqualTo(50);
        assertThat(c.maxDischargeCurrentAmps().getAsDouble()).isEqualTo(80.5);
        assertThat(c.expiresIn()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.clear()).isFalse();
    }

    @Test
    void clearIsExactlyOneField() {
        assertThat(CapCommand.parse("{\"clear\": 1}", MAX).clear()).isTrue();
        assertThatThrownBy(() -> CapCommand.parse("{\"clear\": 1, \"expiresInSeconds\": 5}", MAX))
                .hasMessageContaining("exactly");
    }

    @Test
    void everyCapNeedsAnExpiryWithinTheBound() {
        assertThatThrownBy(() -> CapCommand.parse("{\"maxChargeCurrentAmps\": 50}", MAX))
                .hasMessageContaining("expiresInSeconds is mandatory");
        assertThatThrownBy(() -> CapCommand.parse("{\"maxChargeCurrentAmps\": 50, \"expiresInSeconds\": 0}", MAX))
                .hasMessageContaining("from 1 to 86400");
        assertThatThrownBy(() -> CapCommand.parse("{\"maxChargeCurrentAmps\": 50, \"expiresInSeconds\": 86401}",
                MAX)).hasMessageContaining("from 1 to 86400");
        assertThatThrownBy(() -> CapCommand.parse("{\"maxChargeCurrentAmps\": 50, \"expiresInSeconds\": 1.5}", MAX))
                .hasMessageContaining("whole number");
    }

    @Test
    void anythingButACurrentCapIsRefused() {
        // no voltage, no charge/discharge enable, no force charge: the bridge never commands the battery
        assertThatThrownBy(() -> CapCommand.parse("{\"maxChargeVoltageVolts\": 50, \"expiresInSeconds\": 5}", MAX))
                .hasMessageContaining("unknown field \"maxChargeVoltageVolts\"");
        assertThatThrownBy(() -> CapCommand.parse("{\"expiresInSeconds\": 5}", MAX))
                .hasMessageContaining("needs maxChargeCurrentAmps or maxDischargeCurrentAmps");
        assertThatThrownBy(() -> CapCommand.parse("{\"maxChargeCurrentAmps\": -1, \"expiresInSeconds\": 5}", MAX))
                .hasMessageContaining("from 0 to");
    }

    @Test
    void malformedJsonIsRefusedWithWhere() {
        assertThatThrownBy(() -> CapCommand.parse("{\"maxChargeCurrentAmps\": \"50\"}", MAX))
                .hasMessageContaining("expected a number at character 26");
        assertThatThrownBy(() -> CapCommand.parse("{\"maxChargeCurrentAmps\": 50", MAX))
                .hasMessageContaining("ends too early");
        assertThatThrownBy(() -> CapCommand.parse("{} x", MAX)).hasMessageContaining("the end of the object");
        assertThatThrownBy(() -> CapCommand.parse("{\"clear\": 1, \"clear\": 1}", MAX))
                .hasMessageContaining("given twice");
    }
}
