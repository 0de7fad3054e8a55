package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.rs485.Rs485Codec;
import io.pylon4j.rs485.Rs485Frame;
import io.pylon4j.rs485.SystemAnalog;
import io.pylon4j.rs485.SystemAnalog.Extreme;
import io.pylon4j.rs485.SystemAnalogRequest;
import io.pylon4j.testing.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 0x61 system analog from an application's own source ({@link PushedBankSource}) that supplies
 * {@link SystemAnalogExtras}: the reply read back with protocol-rs485's codec, field by field, and each refusal.
 */
class SystemAnalogRepliesTest {

    private static final SystemAnalogRequest REQUEST = new SystemAnalogRequest(2);
    private static final SystemAnalogExtras EXTRAS = new SystemAnalogExtras(97, 95,
            30.0, new SystemAnalogExtras.Sensor(31.5, 1, 1), new SystemAnalogExtras.Sensor(28.5, 2, 1),
            25.5, new SystemAnalogExtras.Sensor(26.0, 2, 1), new SystemAnalogExtras.Sensor(25.0, 1, 1));

    private final ManualScheduler time = new ManualScheduler();
    private final PushedBankSource source = new PushedBankSource(time.timeSource(), Duration.ofSeconds(5));
    private final Rs485ViewResponder responder = new Rs485ViewResponder();

    /** The master: board 25 °C, cell groups 20–23 °C, then a MOSFET sensor (left to the extras). */
    private static ModuleDetails.Builder master() {
        return ModuleDetails.builder(2).cellVoltagesVolts(List.of(3.301, 3.350, 3.290))
                .temperaturesCelsius(List.of(25.0, 20.0, 21.0, 22.0, 23.0, 30.0)).currentAmps(10.5).voltageVolts(52.0)
                .remainingCapacityAh(40).totalCapacityAh(50).cycles(100);
    }

    private static ModuleDetails.Builder slave() {
        return ModuleDetails.builder(3).cellVoltagesVolts(List.of(3.310, 3.280, 3.360))
                .temperaturesCelsius(List.of(26.0, 19.5, 24.0, 22.0, 21.0)).currentAmps(-2.25).voltageVolts(52.1)
                .remainingCapacityAh(45).totalCapacityAh(50).cycles(120);
    }

    private static BankView view(int modulesOnline, ModuleDetails... modules) {
        Map<Integer, ModuleDetails> byAddress = new java.util.TreeMap<>();
        Map<Integer, Duration> ages = new java.util.TreeMap<>();
        for (ModuleDetails m : modules) {
            byAddress.put(m.address(), m);
            ages.put(m.address(), Duration.ofMillis(300));
        }
        return new BankView(SourceState.FRESH, "pushed", Optional.of(new Limits(53.2, 50, 60, OptionalDouble.of(47))),
                Measurements.of(85, 97, 52.05, 8.25, 22.0), RequestFlags.NORMAL, Set.of(), modulesOnline, 100)
                .withDetails(new BankDetails(byAddress, ages, Optional.empty()));
    }

    private static BankView withExtras(BankView v) {
        return v.withDetails(v.details().withSystemAnalog(EXTRAS));
    }

    private Rs485Frame reply() {
        return responder.respond(REQUEST.toFrame(), source.view()).orElseThrow();
    }

    @Test
    void aPushedSourceWithExtrasIsAnswered0x61FieldByField() {
        source.push(withExtras(view(2, master().build(), slave().build())));

        SystemAnalog r = (SystemAnalog) Rs485Codec.decodeResponse(REQUEST, reply());

        assertThat(r.address()).isEqualTo(2);
        assertThat(r.voltageMilliVolts()).as("the modules' average, in parallel").isEqualTo(52_050);
        assertThat(r.currentCentiAmps()).as("10.5 A − 2.25 A in 10 mA").isEqualTo(825);
        assertThat(r.stateOfChargePercent()).as("85 Ah of 100 Ah").isEqualTo(85);
        assertThat(r.averageCycles()).isEqualTo(110);
        assertThat(r.maximumCycles()).isEqualTo(120);
        assertThat(r.averageStateOfHealthPercent()).isEqualTo(97);
        assertThat(r.minimumStateOfHealthPercent()).isEqualTo(95);
        assertThat(r.maximumCellVoltage()).as("module 2 (ADR 3), cell 3").isEqualTo(new Extreme(3360, 2, 3));
        assertThat(r.minimumCellVoltage()).isEqualTo(new Extreme(3280, 2, 2));
        // cell groups only (0x42's sensors 2–5), in 0.1 K: the board's 25/26 °C and the MOSFET's 30 °C left out
        assertThat(r.averageCellTemperatureDeciKelvin()).as("23573 / 8 rounded").isEqualTo(2947);
        assertThat(r.maximumCellTemperature()).isEqualTo(new Extreme(2971, 2, 2));
        assertThat(r.minimumCellTemperature()).isEqualTo(new Extreme(2926, 2, 1));
        assertThat(r.averageMosfetTemperatureDeciKelvin()).isEqualTo(3031);
        assertThat(r.maximumMosfetTemperature()).isEqualTo(new Extreme(3046, 1, 1));
        assertThat(r.minimumMosfetTemperature()).isEqualTo(new Extreme(3016, 2, 1));
        assertThat(r.averageBmsTemperatureDeciKelvin()).isEqualTo(2986);
        assertThat(r.maximumBmsTemperature()).isEqualTo(new Extreme(2991, 2, 1));
        assertThat(r.minimumBmsTemperature()).isEqualTo(new Extreme(2981, 1, 1));
        assertThat(reply().info()).hasSize(49);
    }

    @Test
    void aStaleViewIsRefusedWith91NotRepeated() {
        source.push(withExtras(view(2, master().build(), slave().build())));
        time.advance(Duration.ofSeconds(5));

        assertThat(source.view().state()).isEqualTo(SourceState.STALE);
        assertThat(reply().cid2OrRtn()).isEqualTo(0x91);
        assertThat(responder.respond(REQUEST.toFrame(), source.view().failSafe("stale")).orElseThrow().cid2OrRtn())
                .as("the fail-safe view the gate answers from").isEqualTo(0x91);
    }

    @Test
    void aMissingDerivedFieldIsRefusedWith91() {
        ModuleDetails noCycles = ModuleDetails.builder(3).cellVoltagesVolts(List.of(3.3))
                .temperaturesCelsius(List.of(26.0, 19.5, 24.0, 22.0, 21.0)).currentAmps(0).voltageVolts(52.1)
                .remainingCapacityAh(45).totalCapacityAh(50).build();
        source.push(withExtras(view(2, master().build(), noCycles)));
        assertThat(reply().cid2OrRtn()).as("no cycles").isEqualTo(0x91);

        source.push(withExtras(view(2, master().build(),
                slave().temperaturesCelsius(List.of(26.0, 19.5, 24.0)).build())));
        assertThat(reply().cid2OrRtn()).as("two cell groups unknown").isEqualTo(0x91);

        source.push(withExtras(view(3, master().build(), slave().build())));
        assertThat(reply().cid2OrRtn()).as("a module online without details").isEqualTo(0x91);

        source.push(withExtras(view(2, master().build(), slave().currentAmps(400).build())));
        assertThat(reply().cid2OrRtn()).as("410.5 A does not fit s16 in 10 mA: not clamped").isEqualTo(0x91);
    }

    @Test
    void aSourceWithoutExtrasIsRefusedWith04AsNeverOffered() {
        source.push(view(2, master().build(), slave().build()));
        assertThat(reply().cid2OrRtn()).isEqualTo(0x04);
    }

    @Test
    void extrasOutsideTheirRangesAreRejected() {
        SystemAnalogExtras.Sensor s = new SystemAnalogExtras.Sensor(30, 1, 1);
        assertThatThrownBy(() -> new SystemAnalogExtras(95, 97, 30, s, s, 30, s, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOH");
        assertThatThrownBy(() -> new SystemAnalogExtras(97, 95, 31, s, s, 30, s, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MOSFET");
        assertThatThrownBy(() -> new SystemAnalogExtras.Sensor(-300, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SystemAnalogExtras.Sensor(20, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
