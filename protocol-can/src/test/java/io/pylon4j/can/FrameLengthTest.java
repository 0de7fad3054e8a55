package io.pylon4j.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One negative test per length rule: for every id (under the profile that decodes it to each of its records), a frame
 * one byte shorter than the minimum throws {@link FrameTooShortException} naming the id, the DLC and the minimum, and
 * a frame of exactly the minimum decodes to the expected record.
 */
class FrameLengthTest {

    /** The minimum DLC of each id under a profile, written out here independently of the code under test. */
    static int minimumLength(int id, CanProfile profile) {
        boolean ascii = profile.frames370And371() == CanProfile.Frames370And371.ASCII_NAME;
        boolean sma = profile.inverterFrames() == CanProfile.InverterFrames.SMA;
        switch (id) {
            case 0x351: return 6;
            case 0x355: return 2;
            case 0x356: return 4;
            case 0x359: return 4;
            case 0x35A: return 1;
            case 0x35C: return 1;
            case 0x35E: return 1;
            case 0x35F: return 2;
            case 0x370: case 0x371: return ascii ? 1 : 2;
            case 0x372: return 2;
            case 0x373: return 2;
            case 0x374: case 0x375: case 0x376: case 0x377: return 1;
            case 0x378: return 4;
            case 0x379: return 2;
            case 0x380: case 0x381: case 0x382: return 1;
            case 0x305: return sma ? 8 : 0;
            case 0x306: return sma ? 8 : 0;
            case 0x307: return sma ? 2 : 0;
            default: return 0; // 0x35B, 0x00F and unknown ids take any DLC
        }
    }

    static Stream<Arguments> lengthRules() {
        return Stream.of(
                rule(0x351, CanProfile.PYLONTECH, "ChargeDischargeLimits"),
                rule(0x355, CanProfile.PYLONTECH, "StateOfChargeAndHealth"),
                rule(0x356, CanProfile.PYLONTECH, "BatteryMeasurements"),
                rule(0x356, CanProfile.SOL_ARK, "BatteryMeasurements"),
                rule(0x359, CanProfile.PYLONTECH, "ProtectionAndAlarmFlags"),
                rule(0x35A, CanProfile.PYLONTECH, "AlarmsAndWarnings"),
                rule(0x35C, CanProfile.PYLONTECH, "ChargeRequestFlags"),
                rule(0x35E, CanProfile.PYLONTECH, "ManufacturerName"),
                rule(0x35F, CanProfile.PYLONTECH, "BatteryInfo"),
                rule(0x370, CanProfile.PYLONTECH, "PylonPlusCellExtremes"),
                rule(0x371, CanProfile.PYLONTECH, "PylonPlusCellExtremeIds"),
                rule(0x370, CanProfile.VICTRON, "BmsNamePart1"),
                rule(0x371, CanProfile.VICTRON, "BmsNamePart2"),
                rule(0x372, CanProfile.PYLONTECH, "ModuleCounts"),
                rule(0x373, CanProfile.PYLONTECH, "CellExtremes"),
                rule(0x374, CanProfile.PYLONTECH, "MinCellVoltageId"),
                rule(0x375, CanProfile.PYLONTECH, "MaxCellVoltageId"),
                rule(0x376, CanProfile.PYLONTECH, "MinCellTemperatureId"),
                rule(0x377, CanProfile.PYLONTECH, "MaxCellTemperatureId"),
                rule(0x378, CanProfile.PYLONTECH, "EnergyCounters"),
                rule(0x379, CanProfile.PYLONTECH, "InstalledCapacity"),
                rule(0x380, CanProfile.PYLONTECH, "SerialNumberPart1"),
                rule(0x381, CanProfile.PYLONTECH, "SerialNumberPart2"),
                rule(0x382, CanProfile.PYLONTECH, "ProductIdentification"),
                rule(0x305, CanProfile.SMA, "SmaMeasurements"),
                rule(0x306, CanProfile.SMA, "SmaStatus"),
                rule(0x307, CanProfile.SMA, "SmaRelayState"));
    }

    private static Arguments rule(int id, CanProfile profile, String type) {
        return Arguments.of(String.format("0x%03X", id), id, profile, type);
    }

    @ParameterizedTest(name = "{0} as {3}: DLC one below the minimum is rejected")
    @MethodSource("lengthRules")
    void oneByteShortIsRejectedWithIdDlcAndMinimum(String label, int id, CanProfile profile, String type) {
        int minimum = minimumLength(id, profile);
        CanFrame shortFrame = new CanFrame(id, minimum - 1, 0);

        FrameTooShortException e = catchThrowableOfType(FrameTooShortException.class,
                () -> new PylonCanCodec(profile).decode(shortFrame));

        assertThat(e).as("decoding %s with DLC %d", label, minimum - 1).isNotNull();
        assertThat(e.canId()).isEqualTo(id);
        assertThat(e.dlc()).isEqualTo(minimum - 1);
        assertThat(e.minimumDlc()).isEqualTo(minimum);
        assertThat(e).hasMessage("CAN frame %s (%s) has DLC %d; it needs at least %d data bytes",
                label, type, minimum - 1, minimum);
    }

    @ParameterizedTest(name = "{0} as {3}: the minimum DLC decodes")
    @MethodSource("lengthRules")
    void theMinimumDecodes(String label, int id, CanProfile profile, String type) {
        int minimum = minimumLength(id, profile);
        CanMessage message = new PylonCanCodec(profile).decode(new CanFrame(id, minimum, 0));
        assertThat(message.getClass().getSimpleName()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0} as {3}: every longer DLC decodes")
    @MethodSource("lengthRules")
    void everyLongerDlcDecodes(String label, int id, CanProfile profile, String type) {
        PylonCanCodec codec = new PylonCanCodec(profile);
        for (int n = minimumLength(id, profile); n <= 8; n++) {
            CanFrame frame = new CanFrame(id, n, n == 8 ? -1L : (1L << (8 * n)) - 1);
            assertThat(codec.decode(frame).getClass().getSimpleName()).as("DLC %d", n).isEqualTo(type);
        }
    }

    @ParameterizedTest(name = "0x{0}: any DLC, 0 included")
    @MethodSource("idsWithoutAMinimum")
    void idsWithoutAMinimumTakeAnEmptyFrame(String label, int id, CanProfile profile, String type) {
        assertThat(new PylonCanCodec(profile).decode(new CanFrame(id, 0, 0)).getClass().getSimpleName())
                .isEqualTo(type);
    }

    static Stream<Arguments> idsWithoutAMinimum() {
        return Stream.of(rule(0x305, CanProfile.PYLONTECH, "InverterKeepAlive"),
                rule(0x306, CanProfile.PYLONTECH, "VictronKeepAlive"),
                rule(0x307, CanProfile.PYLONTECH, "VictronIdentity"),
                rule(0x35B, CanProfile.PYLONTECH, "BatteryEvents"),
                rule(0x00F, CanProfile.SMA, "SmaQuickStop"),
                rule(0x360, CanProfile.PYLONTECH, "UnknownCanMessage"));
    }
}
