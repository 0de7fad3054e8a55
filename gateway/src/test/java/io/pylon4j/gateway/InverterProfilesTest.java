package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.AlarmsAndWarnings;
import io.pylon4j.can.CanFrame;
import io.pylon4j.can.CanProfile;
import io.pylon4j.can.ChargeDischargeLimits;
import io.pylon4j.can.PylonCanCodec;
import io.pylon4j.can.StateOfChargeAndHealth;
import io.pylon4j.driver.Limits;
import io.pylon4j.driver.Measurements;
import io.pylon4j.driver.RequestFlags;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Sol-Ark and SMA Sunny Island profiles: their frame sets, Sol-Ark's eight bytes, SMA's cadence. */
class InverterProfilesTest {

    final CanFrameSetEncoder solArk = new CanFrameSetEncoder(GatewayProfile.SOL_ARK.frameSet(),
            GatewayProfile.SOL_ARK.canProfile());
    final CanFrameSetEncoder sma = new CanFrameSetEncoder(GatewayProfile.SMA.frameSet(),
            GatewayProfile.SMA.canProfile());

    static CanFrame frame(List<CanFrame> frames, int id) {
        return frames.stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    @Test
    void solArkGetsTheV12SetPlus0x379EveryFrameEightBytesWithReservedBytesZero() {
        List<CanFrame> frames = solArk.frames(Views.fresh());

        assertThat(frames).map(CanFrame::id).containsExactly(0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E, 0x379);
        assertThat(frames).allSatisfy(f -> assertThat(f.length()).isEqualTo(8));
        CanFrame measurements = frame(frames, 0x356);
        assertThat(measurements.u16(0)).isEqualTo(520); // 52.0 V in Sol-Ark's 0.1 V, not 5200
        assertThat(measurements.u16(6)).isZero();
        assertThat(frame(frames, 0x359).u8(7)).isZero();
        assertThat(frame(frames, 0x379).u16(0)).isEqualTo(400);
        ChargeDischargeLimits l = (ChargeDischargeLimits) new PylonCanCodec(CanProfile.SOL_ARK)
                .decode(frame(frames, 0x351));
        assertThat(l.chargeVoltageLimitDeciVolts()).isEqualTo(532);
        assertThat(l.dischargeVoltageLimitDeciVolts()).isEqualTo(470);
    }

    @Test
    void solArkIsNotSentAPaddedZeroWhereAFieldIsUnknownTheFrameIsLeftOut() {
        BankView v = new BankView(SourceState.FRESH, "x", Optional.of(Limits.of(53.2, 100, 100)),
                Measurements.builder().socPercent(60).voltageVolts(52).build(), RequestFlags.NORMAL, Set.of(), 4, 400);

        List<CanFrame> frames = solArk.frames(v); // no discharge voltage limit, SOH or temperature

        assertThat(frames).map(CanFrame::id).containsExactly(0x359, 0x35C, 0x35E, 0x379);
        assertThat(frames).allSatisfy(f -> assertThat(f.length()).isEqualTo(8));
    }

    @Test
    void smaGetsItsOwnSetWithHighResolutionSocAndNo0x359Or0x35C() {
        List<CanFrame> frames = sma.frames(Views.fresh());

        assertThat(frames).map(CanFrame::id).containsExactly(0x351, 0x355, 0x356, 0x35A, 0x35E, 0x35F);
        StateOfChargeAndHealth soc = (StateOfChargeAndHealth) new PylonCanCodec(CanProfile.SMA)
                .decode(frame(frames, 0x355));
        assertThat(frame(frames, 0x355).length()).isEqualTo(6);
        assertThat(frame(frames, 0x355).u16(4)).isEqualTo(6000);
        assertThat(soc.socPercent()).isEqualTo(60);
        assertThat(frame(frames, 0x356).u16(0)).isEqualTo(5200); // SMA keeps 0.01 V
    }

    @Test
    void smaInTheFailSafeGetsZeroCurrentsAndTheBmsInternalAlarmIn0x35A() {
        List<CanFrame> frames = sma.frames(Views.fresh().failSafe("stale"));
        PylonCanCodec codec = new PylonCanCodec(CanProfile.SMA);

        ChargeDischargeLimits l = (ChargeDischargeLimits) codec.decode(frame(frames, 0x351));
        assertThat(l.chargeCurrentLimitDeciAmps()).isZero();
        assertThat(l.dischargeCurrentLimitDeciAmps()).isZero();
        assertThat(((AlarmsAndWarnings) codec.decode(frame(frames, 0x35A)))
                .hasAlarm(AlarmsAndWarnings.Item.BMS_INTERNAL)).isTrue();
    }

    @Test
    void smaIsSentEvery500MsNeverFasterThanItsInhibitTimeOf200Ms() {
        assertThat(GatewayProfile.SMA.cycle()).isEqualTo(Duration.ofMillis(500))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(GatewayProfile.SMA.silenceAfter()).contains(Duration.ofSeconds(60));
    }

    @Test
    void bothAreFoundByTheirNames() {
        assertThat(GatewayProfile.named("Sol-Ark")).isSameAs(GatewayProfile.SOL_ARK);
        assertThat(GatewayProfile.named("sunny-island")).isSameAs(GatewayProfile.SMA);
        assertThat(GatewayProfile.PRESETS).contains(GatewayProfile.SOL_ARK, GatewayProfile.SMA);
    }
}
