package io.pylon4j.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.can.AlarmsAndWarnings.Item;
import io.pylon4j.can.AlarmsAndWarnings.PairState;
import io.pylon4j.can.ChargeRequestFlags.Request;
import io.pylon4j.can.ProtectionAndAlarmFlags.Flag;
import io.pylon4j.can.ProtectionAndAlarmFlags.Level;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the records promise beyond the round trips: validation, convenience constructors and accessors. */
class MessageRecordsTest {

    private static final PylonCanCodec CODEC = PylonCanCodec.standard();

    @Test
    void theReadmeExampleWorksAsWritten() {
        CanMessage message = PylonCanCodec.standard().decode(CanFrame.ofHex(0x351, "14 02 C0 12 C0 12 C2 01"));
        assertThat(message).isInstanceOf(ChargeDischargeLimits.class);
        ChargeDischargeLimits limits = (ChargeDischargeLimits) message;
        assertThat(limits.chargeVoltageLimitVolts()).isEqualTo(53.2);
        assertThat(limits.chargeCurrentLimitAmps()).isEqualTo(480.0);
    }

    @Nested
    class ChargeDischargeLimitsRecord {

        @Test
        void theShortConstructorPicksTheDlcFromTheDischargeVoltage() {
            assertThat(CODEC.encode(new ChargeDischargeLimits(532, 4800, 4800, 450)))
                    .isEqualTo(CanFrame.ofHex(0x351, "1402C012C012C201"));
            assertThat(CODEC.encode(new ChargeDischargeLimits(532, 4800, 4800, CanMessage.NOT_SENT)))
                    .isEqualTo(CanFrame.ofHex(0x351, "1402C012C012"));
        }

        @Test
        void rejectsValuesTheWireCannotCarry() {
            assertThatThrownBy(() -> new ChargeDischargeLimits(65536, 0, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ChargeDischargeLimits.chargeVoltageLimitDeciVolts must be 0 to 65535 (u16 on the "
                            + "wire), was 65536");
            assertThatThrownBy(() -> new ChargeDischargeLimits(0, 32768, 0, 0))
                    .hasMessageContaining("chargeCurrentLimitDeciAmps must be -32768 to 32767");
            assertThatThrownBy(() -> new ChargeDischargeLimits(0, 0, -32769, 0))
                    .hasMessageContaining("dischargeCurrentLimitDeciAmps");
            assertThatThrownBy(() -> new ChargeDischargeLimits(0, 0, 0, -2))
                    .hasMessageContaining("dischargeVoltageLimitDeciVolts must be 0 to 65535");
        }

        @Test
        void rejectsAnOptionalFieldThatDisagreesWithTheLength() {
            assertThatThrownBy(() -> new ChargeDischargeLimits(532, 0, 0, 450, 6, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dischargeVoltageLimitDeciVolts must be NOT_SENT when length is below 8");
            assertThatThrownBy(() -> new ChargeDischargeLimits(532, 0, 0, CanMessage.NOT_SENT, 8, 0))
                    .hasMessageContaining(
                            "dischargeVoltageLimitDeciVolts is NOT_SENT, but a length of 8 or more carries it");
            assertThatThrownBy(() -> new ChargeDischargeLimits(532, 0, 0, CanMessage.NOT_SENT, 5, 0))
                    .hasMessage("ChargeDischargeLimits.length must be 6 to 8 data bytes, was 5");
        }

        @Test
        void rejectsReservedBitsOutsideTheUndefinedBytes() {
            assertThatThrownBy(() -> new ChargeDischargeLimits(532, 0, 0, CanMessage.NOT_SENT, 7, 0xFFL))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bits outside data bytes 6..6");
            assertThatThrownBy(() -> new ChargeDischargeLimits(532, 0, 0, 450, 8, 1L << 56))
                    .hasMessageContaining("reserved");
        }

        @Test
        void theDischargeVoltageIsOptional() {
            ChargeDischargeLimits without = new ChargeDischargeLimits(532, 4800, 4800, CanMessage.NOT_SENT);
            assertThat(without.hasDischargeVoltageLimit()).isFalse();
            assertThat(without.dischargeVoltageLimitVolts()).isEmpty();
            assertThat(new ChargeDischargeLimits(532, 4800, 4800, 450).dischargeVoltageLimitVolts()).hasValue(45.0);
        }
    }

    @Nested
    class OptionalFields {

        @Test
        void fieldsNotSentShortenTheFrame() {
            assertThat(CODEC.encode(new StateOfChargeAndHealth(88, 94))).isEqualTo(CanFrame.ofHex(0x355, "58005E00"));
            assertThat(CODEC.encode(new StateOfChargeAndHealth(88, CanMessage.NOT_SENT)))
                    .isEqualTo(CanFrame.ofHex(0x355, "5800"));
            assertThat(CODEC.encode(new StateOfChargeAndHealth(88, 94, 8825)))
                    .isEqualTo(CanFrame.ofHex(0x355, "58005E007922"));
            assertThat(CODEC.encode(new ModuleCounts(4, CanMessage.NOT_SENT, CanMessage.NOT_SENT,
                    CanMessage.NOT_SENT))).isEqualTo(CanFrame.ofHex(0x372, "0400"));
            assertThat(CODEC.encode(new ModuleCounts(2, 0, 0, 0))).isEqualTo(CanFrame.ofHex(0x372, "0200000000000000"));
        }

        @Test
        void aFieldCannotFollowOneNotSent() {
            assertThatThrownBy(() -> new StateOfChargeAndHealth(88, CanMessage.NOT_SENT, 8825))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("StateOfChargeAndHealth.sohPercent is NOT_SENT, but a length of 4 or more carries it "
                            + "(bytes 2-3): give a value, or a shorter length");
            assertThatThrownBy(() -> new ModuleCounts(2, CanMessage.NOT_SENT, 1, CanMessage.NOT_SENT))
                    .hasMessageContaining("modulesBlockingCharge is NOT_SENT, but a length of 4 or more carries it");
        }

        @Test
        void optionalAccessorsAreEmptyWhenNotSent() {
            StateOfChargeAndHealth soc = new StateOfChargeAndHealth(88, CanMessage.NOT_SENT);
            assertThat(soc.soh()).isEmpty();
            assertThat(soc.highResolutionSocPercent()).isEmpty();
            ModuleCounts counts = new ModuleCounts(4, 1, CanMessage.NOT_SENT, CanMessage.NOT_SENT);
            assertThat(counts.blockingCharge()).hasValue(1);
            assertThat(counts.blockingDischarge()).isEmpty();
            assertThat(counts.offline()).isEmpty();
        }
    }

    @Nested
    class UnitsChosenByTheProfile {

        private final PylonCanCodec solArk = new PylonCanCodec(CanProfile.SOL_ARK);
        private final PylonCanCodec tenWattHours = new PylonCanCodec(
                CanProfile.builder().energyResolution(CanProfile.EnergyResolution.TEN_WATT_HOURS).build());

        @Test
        void aDecivoltProfileRoundsTheVoltageHalfUp() {
            assertThat(solArk.encode(new BatteryMeasurements(5324, 0, 0)).u16(0)).isEqualTo(532);
            assertThat(solArk.encode(new BatteryMeasurements(5325, 0, 0)).u16(0)).isEqualTo(533);
            assertThat(solArk.encode(new BatteryMeasurements(-5325, 0, 0)).s16(0)).isEqualTo(-532);
            assertThat(solArk.encode(new BatteryMeasurements(-5326, 0, 0)).s16(0)).isEqualTo(-533);
        }

        @Test
        void aCentivoltProfileRejectsAVoltageOnlyADecivoltOneCarries() {
            BatteryMeasurements high = new BatteryMeasurements(40000, 0, 0);
            assertThat(solArk.encode(high).u16(0)).isEqualTo(4000);
            assertThatThrownBy(() -> CODEC.encode(high)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not fit 0x356 at 0.01 V");
            assertThatThrownBy(() -> new BatteryMeasurements(327680, 0, 0))
                    .hasMessageContaining("voltageCentiVolts must be -327680 to 327670");
        }

        @Test
        void theEnergyIsHeldInWattHoursAndRoundedToTheWireUnit() {
            assertThat(CODEC.encode(new EnergyCounters(211_249, 50)).u32(0)).isEqualTo(2112);
            assertThat(CODEC.encode(new EnergyCounters(211_250, 50)).u32(0)).isEqualTo(2113);
            assertThat(CODEC.encode(new EnergyCounters(211_250, 50)).u32(4)).isEqualTo(1);
            assertThat(tenWattHours.encode(new EnergyCounters(211_255, 0)).u32(0)).isEqualTo(21126);
            assertThatThrownBy(() -> tenWattHours.encode(new EnergyCounters(EnergyCounters.MAX_WATT_HOURS, 0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit 0x378 at 0.01 kWh");
            assertThatThrownBy(() -> new EnergyCounters(-1, 0)).hasMessageContaining("chargedEnergyWattHours");
        }
    }

    @Nested
    class ProtectionAndAlarmFlagsRecord {

        @Test
        void everyBitOfTheCan12TableAndTheVendorVariantsIsAConstant() {
            assertThat(Flag.values()).extracting(f -> f.byteIndex() + "." + f.bit()).containsExactly(
                    "0.1", "0.2", "0.3", "0.4", "0.7", "1.0", "1.3", "1.7",
                    "2.1", "2.2", "2.3", "2.4", "2.7", "3.0", "3.3", "3.4", "3.7");
            for (Flag flag : Flag.values()) {
                assertThat(flag.level()).as(flag.name())
                        .isEqualTo(flag.byteIndex() < 2 ? Level.PROTECTION : Level.ALARM);
                assertThat(flag.name()).endsWith(flag.level().name());
                assertThat(flag.mask()).isEqualTo(1 << (8 * flag.byteIndex() + flag.bit()));
                assertThat(flag.description()).isNotBlank();
            }
            assertThat(Flag.SYSTEM_ERROR_BIT7_PROTECTION.source()).contains("[ARMIN]").contains("[BE-LVCAN]");
            assertThat(Flag.CELL_FAILURE_ALARM.source()).isEqualTo("[SEPLOS]");
            assertThat(Flag.SYSTEM_WARNING_ALARM.source()).isEqualTo("[ARMIN]");
        }

        @Test
        void ofBuildsTheFrameAPylontechSends() {
            ProtectionAndAlarmFlags flags = ProtectionAndAlarmFlags.of(6, Flag.CELL_OVER_VOLTAGE_PROTECTION,
                    Flag.DISCHARGE_HIGH_CURRENT_ALARM);
            assertThat(CODEC.encode(flags)).isEqualTo(CanFrame.ofHex(0x359, "02008000 06 504E"));
            assertThat(flags.activeFlags()).containsExactly(Flag.CELL_OVER_VOLTAGE_PROTECTION,
                    Flag.DISCHARGE_HIGH_CURRENT_ALARM);
            assertThat(flags.isActive(Flag.SYSTEM_ERROR_PROTECTION)).isFalse();
        }

        @Test
        void rejectsAModuleCountBeyondAByte() {
            assertThatThrownBy(() -> ProtectionAndAlarmFlags.of(256)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("moduleCount must be 0 to 255");
            assertThatThrownBy(() -> new ProtectionAndAlarmFlags(0, 1, 0, 256)).hasMessageContaining("onlineModules");
        }
    }

    @Nested
    class ChargeRequestFlagsRecord {

        @Test
        void ofBuildsTheFrameAPylontechSends() {
            assertThat(CODEC.encode(ChargeRequestFlags.of(Request.CHARGE_ENABLE, Request.DISCHARGE_ENABLE)))
                    .isEqualTo(CanFrame.ofHex(0x35C, "C000"));
            assertThat(CODEC.encode(ChargeRequestFlags.of(Request.FULL_CHARGE, Request.FORCE_CHARGE_II)))
                    .isEqualTo(CanFrame.ofHex(0x35C, "1800"));
        }

        @Test
        void requestBitsAreThoseOfCan12() {
            assertThat(Arrays.stream(Request.values()).mapToInt(Request::bit)).containsExactly(7, 6, 5, 4, 3);
        }
    }

    @Nested
    class AlarmsAndWarningsRecord {

        @Test
        void pairStatesFollowSma() {
            assertThat(PairState.of(0b01)).isEqualTo(PairState.RAISED);
            assertThat(PairState.of(0b10)).isEqualTo(PairState.CLEARED);
            assertThat(PairState.of(0b00)).isEqualTo(PairState.NOT_SET);
            assertThat(PairState.of(0b11)).isEqualTo(PairState.INVALID);
        }

        @Test
        void everyItemHasItsOwnPair() {
            Set<String> positions = new HashSet<>();
            for (Item item : Item.values()) {
                positions.add(item.byteIndex() + "." + item.pair());
            }
            assertThat(positions).hasSize(16);
        }

        @Test
        void withSetsOnePairAndLeavesTheOthers() {
            AlarmsAndWarnings message = AlarmsAndWarnings.ALL_CLEARED
                    .withAlarm(Item.HIGH_TEMPERATURE, PairState.RAISED)
                    .withWarning(Item.CELL_IMBALANCE, PairState.RAISED);
            assertThat(CODEC.encode(message)).isEqualTo(CanFrame.ofHex(0x35A, "6AAAAAAAAAAAAAA9"));
            assertThat(message.raisedAlarms()).containsExactly(Item.HIGH_TEMPERATURE);
            assertThat(message.raisedWarnings()).containsExactly(Item.CELL_IMBALANCE);
            assertThat(message.alarm(Item.GENERAL)).isEqualTo(PairState.CLEARED);
        }

        @Test
        void theReversedProfileSwapsEveryPairOnTheWire() {
            PylonCanCodec reversed = new PylonCanCodec(
                    CanProfile.builder().alarmPairPolarity(CanProfile.AlarmPairPolarity.REVERSED).build());
            AlarmsAndWarnings raised = AlarmsAndWarnings.NOTHING_SET.withAlarm(Item.GENERAL, PairState.RAISED);
            assertThat(reversed.encode(raised)).isEqualTo(CanFrame.ofHex(0x35A, "0200000000000000"));
            assertThat(CODEC.encode(raised)).isEqualTo(CanFrame.ofHex(0x35A, "0100000000000000"));
        }
    }

    @Nested
    class TextRecords {

        @Test
        void ofKeepsExactlyTheCharactersGiven() {
            assertThat(CODEC.encode(ManufacturerName.PYLON)).isEqualTo(CanFrame.ofHex(0x35E, "50594C4F4E202020"));
            assertThat(CODEC.encode(ManufacturerName.of("PYTES"))).isEqualTo(CanFrame.ofHex(0x35E, "5059544553"));
            assertThat(ManufacturerName.of("BYD\0\0\0\0\0").text()).isEqualTo("BYD");
        }

        @Test
        void textDropsOnlyTrailingSpacesAndNuls() {
            assertThat(BmsNamePart2.of(" AES\0 \0").text()).isEqualTo(" AES");
            assertThat(BmsNamePart2.of(" AES\0 \0").rawText()).isEqualTo(" AES\0 \0");
            assertThat(ManufacturerName.of("\0\0").text()).isEmpty();
            assertThat(ManufacturerName.of("A\0B").text()).isEqualTo("A\0B");
        }

        @Test
        void everyByteIsOneCharacter() {
            ManufacturerName latin = ManufacturerName.of("Ä\u00FF");
            assertThat(CODEC.encode(latin)).isEqualTo(CanFrame.ofHex(0x35E, "C4FF"));
            assertThat(CODEC.decode(CanFrame.ofHex(0x35E, "C4FF"))).isEqualTo(latin);
        }

        @Test
        void rejectsTextThatIsNotOneToEightBytes() {
            assertThatThrownBy(() -> ManufacturerName.of("")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 to 8 characters");
            assertThatThrownBy(() -> ManufacturerName.of("PYLONTECH")).hasMessageContaining("was 9");
            assertThatThrownBy(() -> ManufacturerName.of("\u20AC")).hasMessageContaining("U+20AC");
            assertThatThrownBy(() -> new ManufacturerName(2, 0x10000L)).hasMessageContaining("bits outside");
        }
    }

    @Nested
    class InverterRecords {

        @Test
        void victronIdentityRecognisesTheSignatureOnly() {
            assertThat(VictronIdentity.VICTRON.isVictron()).isTrue();
            assertThat(CODEC.encode(VictronIdentity.VICTRON)).isEqualTo(CanFrame.ofHex(0x307, "1234567856494300"));
            assertThat(new VictronIdentity(8, 0).isVictron()).isFalse();
            assertThat(new VictronIdentity(6, 0x4956_7856_3412L).isVictron()).isFalse();
            assertThat(CODEC.decode(CanFrame.ofHex(0x307, "12345678564943FF"))).isInstanceOfSatisfying(
                    VictronIdentity.class, identity -> assertThat(identity.isVictron()).isTrue());
        }

        @Test
        void theKeepAlivesAndTheQuickStopHaveTheirUsualFrames() {
            assertThat(CODEC.encode(InverterKeepAlive.ZEROS)).isEqualTo(CanFrame.ofHex(0x305, "0000000000000000"));
            assertThat(CODEC.encode(VictronKeepAlive.ZEROS)).isEqualTo(CanFrame.ofHex(0x306, "0000000000000000"));
            assertThat(CODEC.encode(SmaQuickStop.INSTANCE)).isEqualTo(new CanFrame(0x00F, 0, 0));
        }

        @Test
        void smaRelayBitsAreReadOneByOne() {
            SmaRelayState state = new SmaRelayState(0x8001, 2, 0);
            assertThat(state.isSet(0)).isTrue();
            assertThat(state.isSet(1)).isFalse();
            assertThat(state.isSet(15)).isTrue();
            assertThatThrownBy(() -> state.isSet(16)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class UnknownIds {

        @Test
        void anUnknownIdDecodesToItsFrameAndEncodesBack() {
            CanFrame frame = CanFrame.ofHex(0x360, "FF");
            CanMessage message = CODEC.decode(frame);
            assertThat(message).isEqualTo(new UnknownCanMessage(frame));
            assertThat(message.canId()).isEqualTo(0x360);
            assertThat(CODEC.encode(message)).isSameAs(frame);
        }

        @Test
        void anUnknownMessageCannotWrapAKnownId() {
            assertThatThrownBy(() -> new UnknownCanMessage(CanFrame.ofHex(0x351, "00")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x351 is a known id");
            assertThatThrownBy(() -> new UnknownCanMessage(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Profiles {

        @Test
        void presetsDifferOnlyWhereTheirSourcesDo() {
            assertThat(CanProfile.PYLONTECH).isEqualTo(new CanProfile(CanProfile.Frames370And371.PYLON_PLUS_NUMERIC,
                    CanProfile.AlarmPairPolarity.SMA, CanProfile.VoltageResolution.CENTIVOLT,
                    CanProfile.EnergyResolution.HUNDRED_WATT_HOURS, CanProfile.InverterFrames.GENERIC));
            assertThat(CanProfile.VICTRON).isEqualTo(CanProfile.PYLONTECH.toBuilder()
                    .frames370And371(CanProfile.Frames370And371.ASCII_NAME).build());
            assertThat(CanProfile.SMA).isEqualTo(CanProfile.VICTRON.toBuilder()
                    .inverterFrames(CanProfile.InverterFrames.SMA).build());
            assertThat(CanProfile.SOL_ARK).isEqualTo(CanProfile.PYLONTECH.toBuilder()
                    .batteryVoltageResolution(CanProfile.VoltageResolution.DECIVOLT).build());
            assertThat(PylonCanCodec.standard().profile()).isSameAs(CanProfile.PYLONTECH);
        }

        @Test
        void presetsAreFoundByName() {
            assertThat(CanProfile.named("Sol-Ark")).isSameAs(CanProfile.SOL_ARK);
            assertThat(CanProfile.named("victron")).isSameAs(CanProfile.VICTRON);
            assertThatThrownBy(() -> CanProfile.named("growatt")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pylontech, victron, sma, sol-ark");
        }

        @Test
        void everyOptionMustBeSet() {
            assertThatThrownBy(() -> CanProfile.builder().inverterFrames(null))
                    .isInstanceOf(NullPointerException.class).hasMessage("inverterFrames");
            assertThatThrownBy(() -> new PylonCanCodec(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void encodingFollowsTheRecordTypeWhateverTheProfileDecodesTo() {
            assertThat(CODEC.encode(BmsNamePart1.of("CAN-SMAR"))).isEqualTo(CanFrame.ofHex(0x370, "43414E2D534D4152"));
            assertThat(CODEC.encode(new SmaMeasurements(530, -123, 250, 875)))
                    .isEqualTo(CanFrame.ofHex(0x305, "120285FFFA006B03"));
        }
    }
}
