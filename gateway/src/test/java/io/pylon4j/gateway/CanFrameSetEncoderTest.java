package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.AlarmsAndWarnings;
import io.pylon4j.can.BatteryMeasurements;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanMessage;
import io.pylon4j.can.CanProfile;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.ChargeRequestFlags;
import io.pylon4j.can.ProtectionAndAlarmFlags;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.StateOfChargeAndHealth;
import io.pylon4j.can.captures.Us5000Capture;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.RequestFlags;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link CanFrameSetEncoder}: which ids each set holds, and what its values decode back to. */
class CanFrameSetEncoderTest {

    final PylonCanCodec codec = PylonCanCodec.standard();

    List<Integer> ids(FrameSet set, CanProfile profile) {
        return new CanFrameSetEncoder(set, profile).frames(Views.fresh()).stream().map(CanFrame::id).toList();
    }

    @Test
    void eachSetHoldsItsIdsEveryOneEleventBit() {
        assertThat(ids(FrameSet.PYLON_V12, CanProfile.PYLONTECH))
                .containsExactly(0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E);
        assertThat(ids(FrameSet.PYLON_V13, CanProfile.PYLONTECH))
                .containsExactly(0x351, 0x355, 0x356, 0x359, 0x35A, 0x35E, 0x35F);
        assertThat(ids(FrameSet.PYLON_V12_CAPACITY, CanProfile.PYLONTECH))
                .containsExactly(0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E, 0x379);
        assertThat(ids(FrameSet.VICTRON, CanProfile.VICTRON))
                .containsExactly(0x351, 0x355, 0x356, 0x359, 0x35A, 0x35C, 0x35E, 0x35F, 0x372, 0x379, 0x382)
                .allMatch(id -> id <= CanFrame.MAX_STANDARD_ID);
    }

    @Test
    void limitsAreRoundedTowardTheSafeSide() {
        BankView v = new BankView(SourceState.FRESH, "x",
                Optional.of(new Limits(53.29, 100.09, 150.05, OptionalDouble.of(47.01))),
                Measurements.of(59.6, 98, 52.345, -12.34, 21.46), RequestFlags.NORMAL, Set.of(), 4, 400);
        List<CanFrame> frames = new CanFrameSetEncoder(FrameSet.PYLON_V12, CanProfile.PYLONTECH).frames(v);

        ChargeDischargeLimits l = (ChargeDischargeLimits) codec.decode(frames.get(0));
        assertThat(l.chargeVoltageLimitDeciVolts()).isEqualTo(532);
        assertThat(l.chargeCurrentLimitDeciAmps()).isEqualTo(1000);
        assertThat(l.dischargeCurrentLimitDeciAmps()).isEqualTo(1500);
        assertThat(l.dischargeVoltageLimitDeciVolts()).isEqualTo(471);
        StateOfChargeAndHealth soc = (StateOfChargeAndHealth) codec.decode(frames.get(1));
        assertThat(soc.socPercent()).isEqualTo(60);
        assertThat(soc.sohPercent()).isEqualTo(98);
        BatteryMeasurements m = (BatteryMeasurements) codec.decode(frames.get(2));
        assertThat(m.voltageCentiVolts()).isEqualTo(5235);
        assertThat(m.currentDeciAmps()).isEqualTo(-123);
        assertThat(m.temperatureDeciCelsius()).isEqualTo(215);
    }

    /**
     * A real US5000 on V1.2 firmware (docs/protocol.md §1.2, docs/captures/can-setfirelabs-us5000-v12-vs-v13.txt): a
     * view of the values its frames carry, as a driver hands them over ({@code double}s: 49.86 V is 49.859999… V),
     * gives the captured frames back byte for byte.
     */
    @Test
    void aViewOfACapturedBanksValuesGivesItsV12FramesByteForByte() {
        BankView v = new BankView(SourceState.FRESH, "x", Optional.of(new Limits(53.2, 480, 480, OptionalDouble.of(45))),
                Measurements.of(88, 94, 49.86, -27.0, 36.3), RequestFlags.NORMAL, Set.of(), 6, 600);
        assertThat(new CanFrameSetEncoder(FrameSet.PYLON_V12, CanProfile.PYLONTECH).frames(v))
                .containsExactlyElementsOf(Us5000Capture.v12Second());
        List<CanFrame> v13 = new CanFrameSetEncoder(FrameSet.PYLON_V13, CanProfile.PYLONTECH).frames(v);
        assertThat(v13.get(1)).as("the SOC in 0.01 %% in bytes 4-5, not V1.3 firmware's 00 00")
                .isEqualTo(CanFrame.ofHex(0x355, "58 00 5E 00 60 22"));
        assertThat(v13.get(6)).as("0x35F as the V1.3 capture's, with this bank's 600 Ah")
                .isEqualTo(CanFrame.ofHex(0x35F, "4C 49 01 03 58 02 AA 00"));
    }

    @Test
    void unknownValuesAreLeftOutNotSentAsZero() {
        BankView v = new BankView(SourceState.FRESH, "x", Optional.of(Limits.of(53.2, 100, 100)),
                Measurements.builder().socPercent(60).voltageVolts(52).build(), RequestFlags.NORMAL, Set.of(), 4, 0);
        List<CanFrame> frames = new CanFrameSetEncoder(FrameSet.PYLON_V12, CanProfile.PYLONTECH).frames(v);

        assertThat(((ChargeDischargeLimits) codec.decode(frames.get(0))).dischargeVoltageLimitDeciVolts())
                .isEqualTo(CanMessage.NOT_SENT);
        assertThat(((StateOfChargeAndHealth) codec.decode(frames.get(1))).soh()).isEmpty();
        assertThat(((BatteryMeasurements) codec.decode(frames.get(2))).temperatureCelsius()).isEmpty();
    }

    @Test
    void theFailSafeFormClearsTheEnablesAndRaisesASystemErrorInEverySet() {
        BankView failSafe = Views.fresh().failSafe("stale");
        List<CanFrame> v12 = new CanFrameSetEncoder(FrameSet.PYLON_V12, CanProfile.PYLONTECH).frames(failSafe);
        ChargeDischargeLimits l = (ChargeDischargeLimits) codec.decode(v12.get(0));
        assertThat(l.chargeCurrentLimitDeciAmps()).isZero();
        assertThat(l.dischargeCurrentLimitDeciAmps()).isZero();
        ProtectionAndAlarmFlags flags = (ProtectionAndAlarmFlags) codec.decode(v12.get(3));
        assertThat(flags.isActive(ProtectionAndAlarmFlags.Flag.SYSTEM_ERROR_PROTECTION)).isTrue();
        ChargeRequestFlags requests = (ChargeRequestFlags) codec.decode(v12.get(4));
        assertThat(requests.chargeEnable()).isFalse();
        assertThat(requests.dischargeEnable()).isFalse();

        List<CanFrame> victron = new CanFrameSetEncoder(FrameSet.VICTRON, CanProfile.VICTRON).frames(failSafe);
        AlarmsAndWarnings pairs = (AlarmsAndWarnings) new PylonCanCodec(CanProfile.VICTRON).decode(victron.get(4));
        assertThat(pairs.hasAlarm(AlarmsAndWarnings.Item.BMS_INTERNAL)).isTrue();
    }

    @Test
    void everyPresetIsFoundByItsName() {
        for (GatewayProfile p : GatewayProfile.PRESETS) {
            assertThat(GatewayProfile.named(p.name().toUpperCase(java.util.Locale.ROOT))).isSameAs(p);
        }
        assertThat(GatewayProfile.named("deye")).isSameAs(GatewayProfile.PYLON_V12);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GatewayProfile.named("goodwe"))
                .hasMessageContaining("the presets are pylon");
    }
}
