package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.RequestFlags;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The RS485 responder rule by rule, with a real pylon4j RS485 driver polling it as the inverter, on an in-memory byte
 * bus and manual time ({@link Rs485GatewayRig}); the source is the real simulator read by a real RS485 driver.
 */
class Rs485GatewayOnVirtualBusTest {

    static final GatewayProfile PROFILE = GatewayProfile.PYLON_V12
            .withSilenceAfter(Optional.of(Duration.ofSeconds(5)));

    @Test
    void nothingIsAnsweredBeforeTheFirstCompleteData() throws Exception {
        try (Rs485GatewayRig rig = new Rs485GatewayRig(PROFILE, true)) {
            rig.seconds(4);

            assertThat(rig.gateway.state()).isEqualTo(GatewayState.WAITING_FOR_DATA);
            assertThat(rig.inverter.counters().rs485Requests()).isPositive();
            assertThat(rig.inverter.counters().rs485Replies()).isZero();
            assertThat(rig.gateway.counters().withheld()).isEqualTo(rig.gateway.counters().requests());

            rig.bank.bank.updateFaults(f -> f.withCommunicationLost(false));
            rig.seconds(3);

            assertThat(rig.gateway.state()).isEqualTo(GatewayState.FORWARDING);
            assertThat(rig.inverter.status().isFresh()).isTrue();
        }
    }

    @Test
    void theInverterReadsTheSourcesLimitsModulesAndBankInfo() throws Exception {
        try (Rs485GatewayRig rig = new Rs485GatewayRig(PROFILE, false)) {
            rig.seconds(3);

            BankStatus source = rig.bank.driver.status();
            BankStatus inverter = rig.inverter.status();
            assertThat(inverter.isFresh()).as("the inverter's driver is %s", inverter.supervisionState()).isTrue();
            Limits sent = source.publishedLimits().asLimits();
            Limits read = inverter.batteryLimits().orElseThrow();
            assertThat(read.chargeVoltageLimitVolts()).isEqualTo(sent.chargeVoltageLimitVolts());
            assertThat(read.dischargeVoltageLimitVolts()).isEqualTo(sent.dischargeVoltageLimitVolts());
            assertThat(read.chargeCurrentLimitAmps()).isEqualTo(sent.chargeCurrentLimitAmps()).isPositive();
            assertThat(read.dischargeCurrentLimitAmps()).isEqualTo(sent.dischargeCurrentLimitAmps()).isPositive();
            assertThat(inverter.requestFlags()).contains(RequestFlags.NORMAL);
            assertThat(inverter.moduleCount()).hasValue(4);
            assertThat(inverter.modules()).containsOnlyKeys(2, 3, 4, 5);
            for (int address = 2; address <= 5; address++) {
                ModuleDetails s = source.modules().get(address);
                ModuleDetails r = inverter.modules().get(address);
                assertThat(r.cellVoltagesVolts()).as("module %d", address).isEqualTo(s.cellVoltagesVolts());
                assertThat(r.temperaturesCelsius()).isEqualTo(s.temperaturesCelsius());
                assertThat(r.currentAmps()).isEqualTo(s.currentAmps());
                assertThat(r.voltageVolts()).isEqualTo(s.voltageVolts());
                assertThat(r.totalCapacityAh()).isEqualTo(s.totalCapacityAh());
                assertThat(r.cycles()).isEqualTo(s.cycles());
                assertThat(r.serialNumber()).isEqualTo(s.serialNumber());
                assertThat(r.manufacturerVersion()).isEqualTo(s.manufacturerVersion());
                assertThat(r.mainlineVersion()).isEqualTo(s.mainlineVersion());
            }
            assertThat(inverter.bankInfo()).isEqualTo(source.bankInfo());
            assertThat(inverter.measurements().socPercent()).isEqualTo(source.measurements().socPercent());
            // 0x44 is refused (no per-module alarm states in the driver's values), never answered with made-up ones
            assertThat(rig.gateway.counters().refused()).isPositive();
        }
    }

    @Test
    void aStaleSourceGivesZeroCurrentsAndClearedEnablesThenSilence() throws Exception {
        try (Rs485GatewayRig rig = new Rs485GatewayRig(PROFILE, false)) {
            rig.seconds(3);
            Limits good = rig.inverter.status().batteryLimits().orElseThrow();

            rig.bank.bank.updateFaults(f -> f.withCommunicationLost(true));
            for (int i = 0; i < 10 && rig.gateway.state() == GatewayState.FORWARDING; i++) {
                rig.second();
            }

            assertThat(rig.gateway.state()).isEqualTo(GatewayState.FAIL_SAFE);
            rig.second();
            Limits failSafe = rig.inverter.status().batteryLimits().orElseThrow();
            assertThat(failSafe.chargeCurrentLimitAmps()).isZero();
            assertThat(failSafe.dischargeCurrentLimitAmps()).isZero();
            assertThat(failSafe.chargeVoltageLimitVolts()).isEqualTo(good.chargeVoltageLimitVolts());
            RequestFlags flags = rig.inverter.status().requestFlags().orElseThrow();
            assertThat(flags.chargeEnable()).isFalse();
            assertThat(flags.dischargeEnable()).isFalse();

            for (int i = 0; i < 6; i++) {
                rig.second();
            }

            assertThat(rig.gateway.state()).isEqualTo(GatewayState.SILENT);
            long replies = rig.inverter.counters().rs485Replies();
            rig.seconds(3);
            assertThat(rig.inverter.counters().rs485Replies()).isEqualTo(replies);
            assertThat(rig.events).filteredOn(e -> e instanceof GatewayEvent.StateChanged).extracting(
                    e -> ((GatewayEvent.StateChanged) e).to()).containsSubsequence(GatewayState.FORWARDING,
                    GatewayState.FAIL_SAFE, GatewayState.SILENT);

            rig.bank.bank.updateFaults(f -> f.withCommunicationLost(false));
            rig.seconds(3);
            assertThat(rig.gateway.state()).isEqualTo(GatewayState.FORWARDING);
        }
    }
}
