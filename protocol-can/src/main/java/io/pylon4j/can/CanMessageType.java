package io.pylon4j.can;

import static io.pylon4j.can.ProfileChoice.ALWAYS;
import static io.pylon4j.can.ProfileChoice.ASCII_NAME;
import static io.pylon4j.can.ProfileChoice.GENERIC_INVERTER;
import static io.pylon4j.can.ProfileChoice.PYLON_PLUS_NUMERIC;
import static io.pylon4j.can.ProfileChoice.SMA_INVERTER;

import java.util.List;
import java.util.Objects;

/**
 * The one table of the CAN ids the codec knows: one entry per message record, with its id, its minimum DLC, who sends
 * it, which {@link CanProfile} decodes its id to it, and how to decode and encode it. {@link PylonCanCodec} decodes,
 * encodes and answers {@link PylonCanCodec#isKnownId(int)} from this table alone, so a new id is one new entry (and
 * its record in the sealed hierarchy; {@code CanMessageTypeTest} fails until both agree).
 *
 * <p>Entries are per record, not per id: where the sources give one id two meanings (0x370/0x371 Pylon+ numbers or a
 * BMS name, 0x305 to 0x307 a generic keep-alive or SMA's process values, docs/protocol.md §1.11), each meaning has
 * its own entry and the profile picks one ({@link #decodedUnder(CanProfile)}); every profile decodes every known id
 * to exactly one entry. {@link #UNKNOWN} stands for every id no other entry has.
 *
 * <p>Each entry's id and minimum DLC are its record's own {@code ID} and {@code MIN_LENGTH} constants: the record's
 * Javadoc gives the layout and its sources, this table only lists them. The codec checks the minimum DLC here, before
 * the record's decoder runs, and throws {@link FrameTooShortException} naming {@link #messageName()}.
 */
public enum CanMessageType {

    /** 0x351 charge and discharge limits, {@link ChargeDischargeLimits} (docs/protocol.md §1.2). */
    CHARGE_DISCHARGE_LIMITS(ChargeDischargeLimits.class, ChargeDischargeLimits.ID, ChargeDischargeLimits.MIN_LENGTH,
            ALWAYS, (f, c) -> ChargeDischargeLimits.decode(f), (m, c) -> ((ChargeDischargeLimits) m).encode()),
    /** 0x355 state of charge and health, {@link StateOfChargeAndHealth} (docs/protocol.md §1.2). */
    STATE_OF_CHARGE_AND_HEALTH(StateOfChargeAndHealth.class, StateOfChargeAndHealth.ID,
            StateOfChargeAndHealth.MIN_LENGTH, ALWAYS, (f, c) -> StateOfChargeAndHealth.decode(f),
            (m, c) -> ((StateOfChargeAndHealth) m).encode()),
    /** 0x356 voltage, current, temperature, {@link BatteryMeasurements}; unit by profile (docs/protocol.md §1.2). */
    BATTERY_MEASUREMENTS(BatteryMeasurements.class, BatteryMeasurements.ID, BatteryMeasurements.MIN_LENGTH,
            ALWAYS, (f, c) -> BatteryMeasurements.decode(f, c.deciVolts),
            (m, c) -> ((BatteryMeasurements) m).encode(c.deciVolts)),
    /** 0x359 protection and alarm flags, {@link ProtectionAndAlarmFlags} (docs/protocol.md §1.2). */
    PROTECTION_AND_ALARM_FLAGS(ProtectionAndAlarmFlags.class, ProtectionAndAlarmFlags.ID,
            ProtectionAndAlarmFlags.MIN_LENGTH, ALWAYS, (f, c) -> ProtectionAndAlarmFlags.decode(f),
            (m, c) -> ((ProtectionAndAlarmFlags) m).encode()),
    /** 0x35A alarm and warning pairs, {@link AlarmsAndWarnings}; polarity by profile (docs/protocol.md §1.7). */
    ALARMS_AND_WARNINGS(AlarmsAndWarnings.class, AlarmsAndWarnings.ID, AlarmsAndWarnings.MIN_LENGTH, ALWAYS,
            (f, c) -> AlarmsAndWarnings.decode(f, c.reversedPairs),
            (m, c) -> ((AlarmsAndWarnings) m).encode(c.reversedPairs)),
    /** 0x35B battery events, {@link BatteryEvents} (docs/protocol.md §1.7). */
    BATTERY_EVENTS(BatteryEvents.class, BatteryEvents.ID, BatteryEvents.MIN_LENGTH, ALWAYS,
            (f, c) -> BatteryEvents.decode(f), (m, c) -> ((BatteryEvents) m).encode()),
    /** 0x35C charge and discharge requests, {@link ChargeRequestFlags} (docs/protocol.md §1.2). */
    CHARGE_REQUEST_FLAGS(ChargeRequestFlags.class, ChargeRequestFlags.ID, ChargeRequestFlags.MIN_LENGTH,
            ALWAYS, (f, c) -> ChargeRequestFlags.decode(f), (m, c) -> ((ChargeRequestFlags) m).encode()),
    /** 0x35E manufacturer name, {@link ManufacturerName} (docs/protocol.md §1.2). */
    MANUFACTURER_NAME(ManufacturerName.class, ManufacturerName.ID, ManufacturerName.MIN_LENGTH, ALWAYS,
            (f, c) -> ManufacturerName.decode(f), (m, c) -> ((ManufacturerName) m).encode()),
    /** 0x35F battery type, firmware and capacity, {@link BatteryInfo} (docs/protocol.md §1.7). */
    BATTERY_INFO(BatteryInfo.class, BatteryInfo.ID, BatteryInfo.MIN_LENGTH, ALWAYS,
            (f, c) -> BatteryInfo.decode(f), (m, c) -> ((BatteryInfo) m).encode()),
    /** 0x370 Pylon+ cell extremes, {@link PylonPlusCellExtremes}, under the numeric profiles. */
    PYLON_PLUS_CELL_EXTREMES(PylonPlusCellExtremes.class, PylonPlusCellExtremes.ID, PylonPlusCellExtremes.MIN_LENGTH,
            PYLON_PLUS_NUMERIC, (f, c) -> PylonPlusCellExtremes.decode(f),
            (m, c) -> ((PylonPlusCellExtremes) m).encode()),
    /** 0x370 first half of the BMS name, {@link BmsNamePart1}, under the ASCII-name profiles. */
    BMS_NAME_PART1(BmsNamePart1.class, BmsNamePart1.ID, BmsNamePart1.MIN_LENGTH, ASCII_NAME,
            (f, c) -> BmsNamePart1.decode(f), (m, c) -> ((BmsNamePart1) m).encode()),
    /** 0x371 Pylon+ ids of the extreme cells, {@link PylonPlusCellExtremeIds}, under the numeric profiles. */
    PYLON_PLUS_CELL_EXTREME_IDS(PylonPlusCellExtremeIds.class, PylonPlusCellExtremeIds.ID,
            PylonPlusCellExtremeIds.MIN_LENGTH, PYLON_PLUS_NUMERIC, (f, c) -> PylonPlusCellExtremeIds.decode(f),
            (m, c) -> ((PylonPlusCellExtremeIds) m).encode()),
    /** 0x371 second half of the BMS name, {@link BmsNamePart2}, under the ASCII-name profiles. */
    BMS_NAME_PART2(BmsNamePart2.class, BmsNamePart2.ID, BmsNamePart2.MIN_LENGTH, ASCII_NAME,
            (f, c) -> BmsNamePart2.decode(f), (m, c) -> ((BmsNamePart2) m).encode()),
    /** 0x372 modules online, offline and blocking, {@link ModuleCounts} (docs/protocol.md §1.8). */
    MODULE_COUNTS(ModuleCounts.class, ModuleCounts.ID, ModuleCounts.MIN_LENGTH, ALWAYS,
            (f, c) -> ModuleCounts.decode(f), (m, c) -> ((ModuleCounts) m).encode()),
    /** 0x373 cell voltage and temperature extremes, {@link CellExtremes} (docs/protocol.md §1.8). */
    CELL_EXTREMES(CellExtremes.class, CellExtremes.ID, CellExtremes.MIN_LENGTH, ALWAYS,
            (f, c) -> CellExtremes.decode(f), (m, c) -> ((CellExtremes) m).encode()),
    /** 0x374 id of the lowest cell voltage, {@link MinCellVoltageId} (docs/protocol.md §1.8). */
    MIN_CELL_VOLTAGE_ID(MinCellVoltageId.class, MinCellVoltageId.ID, MinCellVoltageId.MIN_LENGTH, ALWAYS,
            (f, c) -> MinCellVoltageId.decode(f), (m, c) -> ((MinCellVoltageId) m).encode()),
    /** 0x375 id of the highest cell voltage, {@link MaxCellVoltageId} (docs/protocol.md §1.8). */
    MAX_CELL_VOLTAGE_ID(MaxCellVoltageId.class, MaxCellVoltageId.ID, MaxCellVoltageId.MIN_LENGTH, ALWAYS,
            (f, c) -> MaxCellVoltageId.decode(f), (m, c) -> ((MaxCellVoltageId) m).encode()),
    /** 0x376 id of the lowest cell temperature, {@link MinCellTemperatureId} (docs/protocol.md §1.8). */
    MIN_CELL_TEMPERATURE_ID(MinCellTemperatureId.class, MinCellTemperatureId.ID, MinCellTemperatureId.MIN_LENGTH,
            ALWAYS, (f, c) -> MinCellTemperatureId.decode(f), (m, c) -> ((MinCellTemperatureId) m).encode()),
    /** 0x377 id of the highest cell temperature, {@link MaxCellTemperatureId} (docs/protocol.md §1.8). */
    MAX_CELL_TEMPERATURE_ID(MaxCellTemperatureId.class, MaxCellTemperatureId.ID, MaxCellTemperatureId.MIN_LENGTH,
            ALWAYS, (f, c) -> MaxCellTemperatureId.decode(f), (m, c) -> ((MaxCellTemperatureId) m).encode()),
    /** 0x378 energy charged and discharged, {@link EnergyCounters}; unit by profile (docs/protocol.md §1.8). */
    ENERGY_COUNTERS(EnergyCounters.class, EnergyCounters.ID, EnergyCounters.MIN_LENGTH, ALWAYS,
            (f, c) -> EnergyCounters.decode(f, c.tenWattHours),
            (m, c) -> ((EnergyCounters) m).encode(c.tenWattHours)),
    /** 0x379 installed capacity, {@link InstalledCapacity} (docs/protocol.md §1.8). */
    INSTALLED_CAPACITY(InstalledCapacity.class, InstalledCapacity.ID, InstalledCapacity.MIN_LENGTH, ALWAYS,
            (f, c) -> InstalledCapacity.decode(f), (m, c) -> ((InstalledCapacity) m).encode()),
    /** 0x380 first half of the serial number, {@link SerialNumberPart1} (docs/protocol.md §1.8). */
    SERIAL_NUMBER_PART1(SerialNumberPart1.class, SerialNumberPart1.ID, SerialNumberPart1.MIN_LENGTH, ALWAYS,
            (f, c) -> SerialNumberPart1.decode(f), (m, c) -> ((SerialNumberPart1) m).encode()),
    /** 0x381 second half of the serial number, {@link SerialNumberPart2} (docs/protocol.md §1.8). */
    SERIAL_NUMBER_PART2(SerialNumberPart2.class, SerialNumberPart2.ID, SerialNumberPart2.MIN_LENGTH, ALWAYS,
            (f, c) -> SerialNumberPart2.decode(f), (m, c) -> ((SerialNumberPart2) m).encode()),
    /** 0x382 product identification, {@link ProductIdentification} (docs/protocol.md §1.8). */
    PRODUCT_IDENTIFICATION(ProductIdentification.class, ProductIdentification.ID, ProductIdentification.MIN_LENGTH,
            ALWAYS, (f, c) -> ProductIdentification.decode(f),
            (m, c) -> ((ProductIdentification) m).encode()),
    /** 0x305 the inverter's keep-alive, {@link InverterKeepAlive}, unless the profile reads SMA frames (§1.4). */
    INVERTER_KEEP_ALIVE(InverterKeepAlive.class, InverterKeepAlive.ID, InverterKeepAlive.MIN_LENGTH,
            GENERIC_INVERTER, (f, c) -> InverterKeepAlive.decode(f),
            (m, c) -> ((InverterKeepAlive) m).encode()),
    /** 0x305 SMA Sunny Island's measurements, {@link SmaMeasurements}, under the SMA profile (§1.4). */
    SMA_MEASUREMENTS(SmaMeasurements.class, SmaMeasurements.ID, SmaMeasurements.MIN_LENGTH, SMA_INVERTER,
            (f, c) -> SmaMeasurements.decode(f), (m, c) -> ((SmaMeasurements) m).encode()),
    /** 0x306 Victron's keep-alive, {@link VictronKeepAlive}, unless the profile reads SMA frames (§1.4). */
    VICTRON_KEEP_ALIVE(VictronKeepAlive.class, VictronKeepAlive.ID, VictronKeepAlive.MIN_LENGTH,
            GENERIC_INVERTER, (f, c) -> VictronKeepAlive.decode(f), (m, c) -> ((VictronKeepAlive) m).encode()),
    /** 0x306 SMA Sunny Island's status, {@link SmaStatus}, under the SMA profile (§1.4). */
    SMA_STATUS(SmaStatus.class, SmaStatus.ID, SmaStatus.MIN_LENGTH, SMA_INVERTER,
            (f, c) -> SmaStatus.decode(f), (m, c) -> ((SmaStatus) m).encode()),
    /** 0x307 Victron's identity, {@link VictronIdentity}, unless the profile reads SMA frames (§1.4). */
    VICTRON_IDENTITY(VictronIdentity.class, VictronIdentity.ID, VictronIdentity.MIN_LENGTH, GENERIC_INVERTER,
            (f, c) -> VictronIdentity.decode(f), (m, c) -> ((VictronIdentity) m).encode()),
    /** 0x307 SMA Sunny Island's relay state, {@link SmaRelayState}, under the SMA profile (§1.4). */
    SMA_RELAY_STATE(SmaRelayState.class, SmaRelayState.ID, SmaRelayState.MIN_LENGTH, SMA_INVERTER,
            (f, c) -> SmaRelayState.decode(f), (m, c) -> ((SmaRelayState) m).encode()),
    /** 0x00F SMA's quick stop, {@link SmaQuickStop} (docs/protocol.md §1.4). */
    SMA_QUICK_STOP(SmaQuickStop.class, SmaQuickStop.ID, SmaQuickStop.MIN_LENGTH, ALWAYS,
            (f, c) -> SmaQuickStop.decode(f), (m, c) -> ((SmaQuickStop) m).encode()),
    /** Every id no other entry has, carried whole in an {@link UnknownCanMessage}; its {@link #canId()} is -1. */
    UNKNOWN(UnknownCanMessage.class, -1, 0, ALWAYS, (f, c) -> new UnknownCanMessage(f),
            (m, c) -> ((UnknownCanMessage) m).frame());

    /** Who sends a message: the battery's BMS, the inverter, or, for an unknown id, either. */
    public enum Direction {
        /** A {@link BatteryMessage}, sent by the battery's BMS to the inverter. */
        BATTERY_TO_INVERTER,
        /** An {@link InverterMessage}, sent by the inverter to the battery. */
        INVERTER_TO_BATTERY,
        /** An {@link UnknownCanMessage}: the codec cannot tell who sent it. */
        UNKNOWN
    }

    /** Reads a frame of the entry's id, at least its minimum DLC long, under the codec's units. */
    @FunctionalInterface
    interface Decoder {
        CanMessage decode(CanFrame frame, PylonCanCodec codec);
    }

    /** Writes a message of the entry's record type under the codec's units. */
    @FunctionalInterface
    interface Encoder {
        CanFrame encode(CanMessage message, PylonCanCodec codec);
    }

    private final Class<? extends CanMessage> recordType;
    private final int canId;
    private final int minimumLength;
    private final ProfileChoice choice;
    private final Decoder decoder;
    private final Encoder encoder;
    private final String messageName;
    private final Direction direction;

    CanMessageType(Class<? extends CanMessage> recordType, int canId, int minimumLength, ProfileChoice choice,
            Decoder decoder, Encoder encoder) {
        this.recordType = recordType;
        this.canId = canId;
        this.minimumLength = minimumLength;
        this.choice = choice;
        this.decoder = decoder;
        this.encoder = encoder;
        this.messageName = recordType.getSimpleName();
        this.direction = BatteryMessage.class.isAssignableFrom(recordType) ? Direction.BATTERY_TO_INVERTER
                : InverterMessage.class.isAssignableFrom(recordType) ? Direction.INVERTER_TO_BATTERY
                : Direction.UNKNOWN;
    }

    /**
     * The CAN id this entry's messages travel on.
     *
     * @return the 11-bit id (0x351 for {@link #CHARGE_DISCHARGE_LIMITS}), or -1 for {@link #UNKNOWN}
     */
    public int canId() {
        return canId;
    }

    /**
     * Whether this entry is a known id's, that is, anything but {@link #UNKNOWN}.
     *
     * @return false only for {@link #UNKNOWN}
     */
    public boolean isKnown() {
        return canId >= 0;
    }

    /**
     * The record a frame of this entry decodes to.
     *
     * @return the record class, {@code ChargeDischargeLimits.class} for {@link #CHARGE_DISCHARGE_LIMITS}
     */
    public Class<? extends CanMessage> recordType() {
        return recordType;
    }

    /**
     * The name output and error messages give this entry's messages: the record's simple name.
     *
     * @return {@code "ChargeDischargeLimits"} for {@link #CHARGE_DISCHARGE_LIMITS}
     */
    public String messageName() {
        return messageName;
    }

    /**
     * The fewest data bytes a frame of this entry decodes from: the bytes of the fields that define it
     * (docs/protocol.md §4). A shorter frame throws {@link FrameTooShortException}.
     *
     * @return 0 to 8: 6 for 0x351 (CVL, CCL, DCL), 0 for a keep-alive and for {@link #UNKNOWN}
     */
    public int minimumLength() {
        return minimumLength;
    }

    /**
     * Who sends this entry's messages.
     *
     * @return {@link Direction#BATTERY_TO_INVERTER} for a {@link BatteryMessage}, and so on
     */
    public Direction direction() {
        return direction;
    }

    /**
     * Whether a codec of {@code profile} decodes this entry's id to this entry: true except where the profile
     * chooses the id's other meaning (0x370/0x371 by {@link CanProfile#frames370And371()}, 0x305 to 0x307 by
     * {@link CanProfile#inverterFrames()}). Encoding ignores the profile's choice: every record encodes to its own id.
     *
     * @param profile the codec's profile
     * @return true if {@link PylonCanCodec#decode(CanFrame)} under {@code profile} gives this entry's record for its id
     * @throws NullPointerException if {@code profile} is null
     */
    public boolean decodedUnder(CanProfile profile) {
        return choice.selects(Objects.requireNonNull(profile, "profile"));
    }

    /**
     * The entry of a message.
     *
     * @param message any message
     * @return the entry of the message's record type ({@link #UNKNOWN} for an {@link UnknownCanMessage})
     * @throws NullPointerException if {@code message} is null
     */
    public static CanMessageType of(CanMessage message) {
        return CanIdSlots.entryOf(message);
    }

    /**
     * The entries of an id: one for most ids, two for the ids whose meaning the profile picks, none for an unknown
     * id.
     *
     * @param canId an 11-bit CAN id
     * @return the entries with that id, in table order; empty if the id is unknown (then it decodes to
     *         {@link #UNKNOWN})
     */
    public static List<CanMessageType> forId(int canId) {
        return isKnownId(canId) ? List.of(CanIdSlots.entries(CanIdSlots.slotOf(canId))) : List.of();
    }

    /**
     * Whether some entry has {@code canId}: whether the codec decodes it to a message of its own.
     *
     * @param canId any int
     * @return true for the ids of the table, false for every other value
     */
    public static boolean isKnownId(int canId) {
        return canId >= 0 && canId <= CanFrame.MAX_STANDARD_ID && CanIdSlots.slotOf(canId) != 0;
    }

    /** Checks the minimum DLC, then decodes under the codec's units. */
    CanMessage decode(CanFrame frame, PylonCanCodec codec) {
        if (frame.length() < minimumLength) {
            throw new FrameTooShortException(frame.id(), frame.length(), minimumLength, messageName);
        }
        return decoder.decode(frame, codec);
    }

    /** Encodes a message of this entry's record type under the codec's units. */
    CanFrame encode(CanMessage message, PylonCanCodec codec) {
        return encoder.encode(message, codec);
    }
}
