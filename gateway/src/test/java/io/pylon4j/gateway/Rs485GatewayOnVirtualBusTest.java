package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.RequestFlags;
import java.time.Duration;
import java.util.List;
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
            // every command the driver polls is answered, 0x44 included
            assertThat(rig.gateway.counters().refused()).isZero();
        }
    }

    @Test
    void theInverterReadsEachModulesAlarmBlockAsTheSourceBankSentIt() throws Exception {
        try (Rs485GatewayRig rig = new Rs485GatewayRig(PROFILE, false)) {
            rig.bank.bank.forceProtection(io.pylon4j.simulator.ModuleId.of(0, 3),
                    io.pylon4j.simulator.Protection.CELL_OR_MODULE_UNDER_VOLTAGE);
            rig.seconds(3);

            BankStatus source = rig.bank.driver.status();
            BankStatus inverter = rig.inverter.status();
            assertThat(source.moduleAlarms()).containsOnlyKeys(2, 3, 4, 5);
            assertThat(inverter.moduleAlarms()).containsOnlyKeys(2, 3, 4, 5);
            for (int address = 2; address <= 5; address++) {
                ModuleAlarmStates s = source.moduleAlarms().get(address);
                ModuleAlarmStates r = inverter.moduleAlarms().get(address);
                assertThat(r.cellStates()).as("module %d", address).isEqualTo(s.cellStates());
                assertThat(r.temperatureStates()).isEqualTo(s.temperatureStates());
                assertThat(List.of(r.chargeCurrentState(), r.moduleVoltageState(), r.dischargeCurrentState(),
                        r.status1(), r.status2(), r.status3(), r.status4(), r.status5()))
                        .as("module %d", address)
                        .containsExactly(s.chargeCurrentState(), s.moduleVoltageState(), s.dischargeCurrentState(),
                                s.status1(), s.status2(), s.status3(), s.status4(), s.status5());
            }
            assertThat(inverter.moduleAlarms().get(5).status1()).as("the forced under-voltage").isNotZero();
            assertThat(inverter.activeAlarms()).isEqualTo(source.activeAlarms()).isNotEmpty();
        }
    }

    @Test
    void aStaleSourcesAlarmBlocksAreRefusedNotRepeated() throws Exception {
        try (Rs485GatewayRig rig = new Rs485GatewayRig(PROFILE, false)) {
            rig.seconds(3);
            long refused = rig.gateway.counters().refused();

            rig.bank.bank.updateFaults(f -> f.withCommunicationLost(true));
            for (int i = 0; i < 10 && rig.gateway.state() == GatewayState.FORWARDING; i++) {
                rig.second();
            }
            assertThat(rig.gateway.state()).isEqualTo(GatewayState.FAIL_SAFE);
            long before = rig.gateway.counters().refused();
            rig.second();

            // the fail-safe answers (zero currents, above) go on; each cycle's 0x44 is refused, RTN 0x91
            assertThat(rig.gateway.counters().refused()).isGreaterThan(before).isGreaterThan(refused);
            assertThat(rig.inverter.counters().rs485Rejections()).isPositive();
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
