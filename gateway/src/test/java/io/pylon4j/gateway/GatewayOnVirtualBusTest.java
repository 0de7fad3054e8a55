package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.BankStatus;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.RequestFlags;
import io.pylon4j.driver.SupervisionState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The gateway rule by rule between the real simulator (read by a real driver) and a second real driver standing in
 * for the inverter, on in-memory CAN buses and manual time ({@link GatewayRig}).
 */
class GatewayOnVirtualBusTest {

    private static final GatewayProfile PROFILE = GatewayProfile.PYLON_V12
            .withSilenceAfter(Optional.of(Duration.ofSeconds(5)));

    @Test
    void nothingIsSentBeforeTheFirstCompletePlausibleData() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, PROFILE, true)) {
            rig.seconds(5);

            assertThat(rig.tapped).isEmpty();
            assertThat(rig.gateway.state()).isEqualTo(GatewayState.WAITING_FOR_DATA);
            assertThat(rig.gateway.counters().cyclesWithheld()).isEqualTo(rig.gateway.counters().cycles());

            rig.banks.get(0).updateFaults(f -> f.withCommunicationLost(false));
            rig.seconds(2);

            assertThat(rig.gateway.state()).isEqualTo(GatewayState.FORWARDING);
            assertThat(rig.tapped(ChargeDischargeLimits.ID)).isNotEmpty();
        }
    }

    @Test
    void theInverterReadsTheSourcesPublishedLimitsAndValues() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, PROFILE, false)) {
            rig.seconds(3);

            BankStatus source = rig.sources.get(0).status();
            BankStatus ears = rig.ears.status();
            assertThat(source.supervisionState()).isEqualTo(SupervisionState.FRESH);
            assertThat(ears.supervisionState()).isEqualTo(SupervisionState.FRESH);
            Limits sent = source.publishedLimits().asLimits();
            Limits read = ears.batteryLimits().orElseThrow();
            assertThat(read.chargeVoltageLimitVolts()).isEqualTo(sent.chargeVoltageLimitVolts());
            assertThat(read.chargeCurrentLimitAmps()).isEqualTo(sent.chargeCurrentLimitAmps()).isPositive();
            assertThat(read.dischargeCurrentLimitAmps()).isEqualTo(sent.dischargeCurrentLimitAmps()).isPositive();
            assertThat(ears.measurements().socPercent()).isEqualTo(source.measurements().socPercent());
            assertThat(ears.requestFlags()).contains(RequestFlags.NORMAL);
            assertThat(ears.moduleCount()).hasValue(4);
        }
    }

    @Test
    void aStaleSourceGivesZeroCurrentsClearedEnablesAndAProtectionThenSilence() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, PROFILE, false)) {
            rig.seconds(3);
            double soc = rig.ears.status().measurements().socPercent().orElseThrow();
            rig.banks.get(0).updateFaults(f -> f.withCommunicationLost(true));

            rig.seconds(5); // the source driver's stale timeout is 3 s
            assertThat(rig.sources.get(0).status().supervisionState()).isEqualTo(SupervisionState.STALE);
            assertThat(rig.gateway.state()).isEqualTo(GatewayState.FAIL_SAFE);
            BankStatus ears = rig.ears.status();
            Limits read = ears.batteryLimits().orElseThrow();
            assertThat(read.chargeCurrentLimitAmps()).isZero();
            assertThat(read.dischargeCurrentLimitAmps()).isZero();
            assertThat(read.chargeVoltageLimitVolts()).isGreaterThan(50); // the last good CVL, not an invented 0
            assertThat(ears.requestFlags()).contains(new RequestFlags(false, false, false, false, false));
            assertThat(ears.activeAlarms()).contains(ActiveAlarm.of(Alarm.SYSTEM_ERROR, Alarm.Level.PROTECTION));
            assertThat(ears.measurements().socPercent()).hasValue(soc); // a Deye beeps at 0 %
            assertThat(rig.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                    GatewayEvent.StateChanged.class, s -> assertThat(s.to()).isEqualTo(GatewayState.FAIL_SAFE)));

            rig.seconds(6); // silenceAfter 5 s
            assertThat(rig.gateway.state()).isEqualTo(GatewayState.SILENT);
            int heard = rig.tapped.size();
            rig.seconds(3);
            assertThat(rig.tapped).hasSize(heard);

            rig.banks.get(0).updateFaults(f -> f.withCommunicationLost(false));
            rig.seconds(3);
            assertThat(rig.gateway.state()).isEqualTo(GatewayState.FORWARDING);
            assertThat(rig.ears.status().batteryLimits().orElseThrow().chargeCurrentLimitAmps()).isPositive();
        }
    }

    @Test
    void theInvertersKeepAliveIsSupervisedAndItsLossIsAnEvent() throws Exception {
        try (GatewayRig rig = new GatewayRig(1, PROFILE, false)) {
            rig.seconds(3);
            assertThat(rig.gateway.keepAliveState()).isEqualTo(KeepAliveState.ALIVE);

            rig.closeEars();
            rig.seconds(9);
            assertThat(rig.gateway.keepAliveState()).isEqualTo(KeepAliveState.ALIVE);
            rig.seconds(2); // the pylon profile's timeout is 10 s

            assertThat(rig.gateway.keepAliveState()).isEqualTo(KeepAliveState.LOST);
            assertThat(rig.gateway.counters().keepAliveLosses()).isEqualTo(1);
            assertThat(rig.events).filteredOn(GatewayEvent.KeepAliveChanged.class::isInstance)
                    .map(e -> ((GatewayEvent.KeepAliveChanged) e).to())
                    .containsExactly(KeepAliveState.ALIVE, KeepAliveState.LOST);
        }
    }

    @Test
    void twoBanksCombinedAndOneDropsOutTheLimitsFallAtOnce() throws Exception {
        try (GatewayRig rig = new GatewayRig(2, PROFILE, false)) {
            rig.seconds(3);
            double cclA = rig.sources.get(0).status().publishedLimits().chargeCurrentLimitAmps();
            double cclB = rig.sources.get(1).status().publishedLimits().chargeCurrentLimitAmps();
            assertThat(rig.ears.status().batteryLimits().orElseThrow().chargeCurrentLimitAmps())
                    .isEqualTo(cclA + cclB, org.assertj.core.data.Offset.offset(0.1));
            assertThat(rig.ears.status().moduleCount()).hasValue(8);

            rig.banks.get(1).updateFaults(f -> f.withCommunicationLost(true));
            rig.seconds(5);

            assertThat(rig.sources.get(1).status().supervisionState()).isEqualTo(SupervisionState.STALE);
            assertThat(rig.gateway.state()).isEqualTo(GatewayState.FORWARDING);
            BankStatus ears = rig.ears.status();
            assertThat(ears.batteryLimits().orElseThrow().chargeCurrentLimitAmps())
                    .isEqualTo(rig.sources.get(0).status().publishedLimits().chargeCurrentLimitAmps(),
                            org.assertj.core.data.Offset.offset(0.1));
            assertThat(ears.moduleCount()).hasValue(4);
            assertThat(ears.activeAlarms()).contains(ActiveAlarm.of(Alarm.INTERNAL_COMMUNICATION, Alarm.Level.ALARM));
        }
    }
}
