package io.pylon4j.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.captures.Us5000Capture;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The one bank-values-to-frames mapping against a real capture: the Setfire Labs page shows two US5000 stacks, one
 * on V1.2 firmware and one on V1.3 (docs/protocol.md §1.2, §1.7, {@code docs/captures/can-setfirelabs-us5000-v12-vs-v13.txt}).
 * Every value of those frames is known (the capture file decodes each), so the values put back in must give the
 * capture's bytes exactly; then each rounding rule on values between two wire steps.
 */
class BankFrameEncoderTest {

    private static final PylonCanCodec CODEC = PylonCanCodec.standard();

    /** The V1.2 stack: 53.2 V, 480 A, 480 A, 45.0 V; 88 %, 94 %; 49.86 V, -27.0 A, 36.3 °C; 6 modules; C0. */
    private static final BankFrameValues OLD = new BankFrameValues(53.2, 480, 480, OptionalDouble.of(45.0), 88,
            OptionalDouble.of(94), 49.86, -27.0, OptionalDouble.of(36.3), 0, 6, 0xC0, 600);
    /** The V1.3 stack: 52.8 V, 480 A, 480 A, 45.0 V; 84 %, 96 %; 49.87 V, -27.9 A, 36.3 °C; 572 Ah in 0x35F. */
    private static final BankFrameValues NEW = new BankFrameValues(52.8, 480, 480, OptionalDouble.of(45.0), 84.4,
            OptionalDouble.of(96), 49.87, -27.9, OptionalDouble.of(36.3), 0, 6, 0xC0, 572);

    private static List<CanFrame> frames(List<CanMessage> messages) {
        return messages.stream().map(CODEC::encode).toList();
    }

    @Test
    void theV12SetIsTheRealV12FirmwaresFramesByteForByte() {
        assertThat(frames(BankFrameEncoder.pylonV12(OLD))).containsExactlyElementsOf(Us5000Capture.v12Second());
    }

    @Test
    void theV13SetIsTheRealV13FirmwaresFramesByteForByteWith0x355sLastTwoBytesZero() {
        // SOC 84.4 % on purpose: the V1.3 firmware sends 00 00 in bytes 4-5, not the SOC in 0.01 % (8440)
        assertThat(frames(BankFrameEncoder.pylonV13(NEW))).containsExactlyElementsOf(Us5000Capture.v13Second());
    }

    @Test
    void limitsRoundTowardTheSafeSideAndMeasurementsToTheNearestStep() {
        BankFrameValues v = new BankFrameValues(53.29, 100.09, 99.99, OptionalDouble.of(44.91), 49.5,
                OptionalDouble.of(99.4), 49.866, -12.34, OptionalDouble.of(25.06), 0, 2, 0xC0, 199.9);
        ChargeDischargeLimits l = BankFrameEncoder.limits(v);
        assertThat(l.chargeVoltageLimitDeciVolts()).isEqualTo(532);
        assertThat(l.chargeCurrentLimitDeciAmps()).isEqualTo(1000);
        assertThat(l.dischargeCurrentLimitDeciAmps()).isEqualTo(999);
        assertThat(l.dischargeVoltageLimitDeciVolts()).isEqualTo(450);
        BatteryMeasurements m = BankFrameEncoder.measurements(v);
        assertThat(m.voltageCentiVolts()).isEqualTo(4987);
        assertThat(m.currentDeciAmps()).isEqualTo(-123);
        assertThat(m.temperatureDeciCelsius()).isEqualTo(251);
        assertThat(BankFrameEncoder.stateOfCharge(v).socPercent()).isEqualTo(50);
        assertThat(BankFrameEncoder.stateOfCharge(v).sohPercent()).isEqualTo(99);
        assertThat(BankFrameEncoder.stateOfChargeHighResolution(v).highResolutionSocCentiPercent()).isEqualTo(4950);
        assertThat(BankFrameEncoder.batteryInfo(v).capacityAh()).isEqualTo(199);
        assertThat(BankFrameEncoder.installedCapacity(v).installedCapacityAh()).isEqualTo(199);
    }

    @Test
    void unknownFieldsAreLeftOutAndLargeValuesSaturate() {
        BankFrameValues v = new BankFrameValues(53.2, 7680, 7680, OptionalDouble.empty(), 50, OptionalDouble.empty(),
                52.0, -4000, OptionalDouble.empty(), 0, 300, 0xC0, 100_000);
        assertThat(CODEC.encode(BankFrameEncoder.limits(v))).isEqualTo(CanFrame.ofHex(0x351, "14 02 FF 7F FF 7F"));
        assertThat(CODEC.encode(BankFrameEncoder.stateOfCharge(v)).length()).isEqualTo(2);
        assertThat(CODEC.encode(BankFrameEncoder.stateOfChargeHighResolution(v)).length()).isEqualTo(2);
        assertThat(CODEC.encode(BankFrameEncoder.pylonV13(v).get(1)).length()).isEqualTo(2);
        assertThat(CODEC.encode(BankFrameEncoder.measurements(v))).isEqualTo(CanFrame.ofHex(0x356, "50 14 00 80"));
        assertThat(BankFrameEncoder.protectionAndAlarmFlags(v).moduleCount()).isEqualTo(255);
        assertThat(BankFrameEncoder.installedCapacity(v).installedCapacityAh()).isEqualTo(0xFFFF);
    }

    @Test
    void aValueThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> new BankFrameValues(Double.NaN, 0, 0, OptionalDouble.empty(), 50,
                OptionalDouble.empty(), 52, 0, OptionalDouble.empty(), 0, 1, 0, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chargeVoltageLimitVolts");
    }
}
