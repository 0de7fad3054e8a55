package io.pylon4j.can;

import java.util.Objects;

/**
 * Decodes Pylontech low-voltage CAN frames into {@link CanMessage} records and encodes records back into frames, bit
 * for bit.
 *
 * <p>{@link #standard()} decodes as real Pylontech hardware does; {@link #PylonCanCodec(CanProfile)} chooses
 * otherwise where the sources disagree (see {@link CanProfile}). The ids it knows, and the record each decodes to:
 *
 * <table>
 *   <caption>ids and records (docs/protocol.md §1.2 to §1.8)</caption>
 *   <tr><th>id</th><th>record</th><th>minimum DLC</th></tr>
 *   <tr><td>0x351</td><td>{@link ChargeDischargeLimits}</td><td>6</td></tr>
 *   <tr><td>0x355</td><td>{@link StateOfChargeAndHealth}</td><td>2</td></tr>
 *   <tr><td>0x356</td><td>{@link BatteryMeasurements}</td><td>4</td></tr>
 *   <tr><td>0x359</td><td>{@link ProtectionAndAlarmFlags}</td><td>4</td></tr>
 *   <tr><td>0x35A</td><td>{@link AlarmsAndWarnings}</td><td>1</td></tr>
 *   <tr><td>0x35B</td><td>{@link BatteryEvents}</td><td>0</td></tr>
 *   <tr><td>0x35C</td><td>{@link ChargeRequestFlags}</td><td>1</td></tr>
 *   <tr><td>0x35E</td><td>{@link ManufacturerName}</td><td>1</td></tr>
 *   <tr><td>0x35F</td><td>{@link BatteryInfo}</td><td>2</td></tr>
 *   <tr><td>0x370</td><td>{@link PylonPlusCellExtremes}, or {@link BmsNamePart1} by profile</td><td>2, or 1</td></tr>
 *   <tr><td>0x371</td><td>{@link PylonPlusCellExtremeIds}, or {@link BmsNamePart2} by profile</td><td>2, or 1</td></tr>
 *   <tr><td>0x372</td><td>{@link ModuleCounts}</td><td>2</td></tr>
 *   <tr><td>0x373</td><td>{@link CellExtremes}</td><td>2</td></tr>
 *   <tr><td>0x374 to 0x377</td><td>{@link MinCellVoltageId}, {@link MaxCellVoltageId},
 *       {@link MinCellTemperatureId}, {@link MaxCellTemperatureId}</td><td>1</td></tr>
 *   <tr><td>0x378</td><td>{@link EnergyCounters}</td><td>4</td></tr>
 *   <tr><td>0x379</td><td>{@link InstalledCapacity}</td><td>2</td></tr>
 *   <tr><td>0x380, 0x381</td><td>{@link SerialNumberPart1}, {@link SerialNumberPart2}</td><td>1</td></tr>
 *   <tr><td>0x382</td><td>{@link ProductIdentification}</td><td>1</td></tr>
 *   <tr><td>0x305</td><td>{@link InverterKeepAlive}, or {@link SmaMeasurements} by profile</td><td>0, or 8</td></tr>
 *   <tr><td>0x306</td><td>{@link VictronKeepAlive}, or {@link SmaStatus} by profile</td><td>0, or 8</td></tr>
 *   <tr><td>0x307</td><td>{@link VictronIdentity}, or {@link SmaRelayState} by profile</td><td>0, or 2</td></tr>
 *   <tr><td>0x00F</td><td>{@link SmaQuickStop}</td><td>0</td></tr>
 *   <tr><td>any other</td><td>{@link UnknownCanMessage}</td><td>0</td></tr>
 * </table>
 *
 * <p>Real hardware is not the document: batteries and emulators send frames shorter than the layout (docs/protocol.md
 * §1.2, §1.9, §4). The minimum DLC of an id is the bytes of the fields that define its frame; a frame that long or
 * longer decodes, with the fields the DLC holds present and the optional fields it leaves out <em>absent</em>
 * ({@link CanMessage#NOT_SENT} in the wire component, empty in the {@code Optional} accessor, never a made-up zero);
 * a record with absent fields encodes to the same shorter DLC. Only a frame shorter than the minimum throws
 * {@link FrameTooShortException}. A longer DLC than an id needs is accepted, and bytes its layout does not define are
 * kept in the record. Decoding allocates the message record and nothing else.
 *
 * <p>Immutable and thread-safe.
 */
public final class PylonCanCodec {

    private static final PylonCanCodec STANDARD = new PylonCanCodec(CanProfile.PYLONTECH);

    private final CanProfile profile;
    private final boolean asciiNames;
    private final boolean reversedPairs;
    private final boolean deciVolts;
    private final boolean tenWattHours;
    private final boolean smaInverter;

    /**
     * A codec that decodes and encodes under {@code profile}.
     *
     * @param profile the unit, polarity and meaning choices of the bank and inverter on the bus
     * @throws NullPointerException if {@code profile} is null
     */
    public PylonCanCodec(CanProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        asciiNames = profile.frames370And371() == CanProfile.Frames370And371.ASCII_NAME;
        reversedPairs = profile.alarmPairPolarity() == CanProfile.AlarmPairPolarity.REVERSED;
        deciVolts = profile.batteryVoltageResolution() == CanProfile.VoltageResolution.DECIVOLT;
        tenWattHours = profile.energyResolution() == CanProfile.EnergyResolution.TEN_WATT_HOURS;
        smaInverter = profile.inverterFrames() == CanProfile.InverterFrames.SMA;
    }

    /**
     * The codec for real Pylontech hardware, {@link CanProfile#PYLONTECH}.
     *
     * @return the one shared codec of the Pylontech profile; immutable, so it may serve every thread
     */
    public static PylonCanCodec standard() {
        return STANDARD;
    }

    /**
     * The profile this codec decodes and encodes under.
     *
     * @return the profile given to the constructor
     */
    public CanProfile profile() {
        return profile;
    }

    /**
     * Decodes a frame.
     *
     * @param frame the frame as read from the bus, any id and DLC
     * @return the message record for the frame's id, or an {@link UnknownCanMessage} for an id the codec does not
     *         know
     * @throws FrameTooShortException if the frame has fewer data bytes than its id's layout needs
     */
    public CanMessage decode(CanFrame frame) {
        switch (frame.id()) {
            case ChargeDischargeLimits.ID:
                return ChargeDischargeLimits.decode(frame);
            case StateOfChargeAndHealth.ID:
                return StateOfChargeAndHealth.decode(frame);
            case BatteryMeasurements.ID:
                return BatteryMeasurements.decode(frame, deciVolts);
            case ProtectionAndAlarmFlags.ID:
                return ProtectionAndAlarmFlags.decode(frame);
            case AlarmsAndWarnings.ID:
                return AlarmsAndWarnings.decode(frame, reversedPairs);
            case BatteryEvents.ID:
                return BatteryEvents.decode(frame);
            case ChargeRequestFlags.ID:
                return ChargeRequestFlags.decode(frame);
            case ManufacturerName.ID:
                return ManufacturerName.decode(frame);
            case BatteryInfo.ID:
                return BatteryInfo.decode(frame);
            case 0x370:
                return asciiNames ? BmsNamePart1.decode(frame) : PylonPlusCellExtremes.decode(frame);
            case 0x371:
                return asciiNames ? BmsNamePart2.decode(frame) : PylonPlusCellExtremeIds.decode(frame);
            case ModuleCounts.ID:
                return ModuleCounts.decode(frame);
            case CellExtremes.ID:
                return CellExtremes.decode(frame);
            case MinCellVoltageId.ID:
                return MinCellVoltageId.decode(frame);
            case MaxCellVoltageId.ID:
                return MaxCellVoltageId.decode(frame);
            case MinCellTemperatureId.ID:
                return MinCellTemperatureId.decode(frame);
            case MaxCellTemperatureId.ID:
                return MaxCellTemperatureId.decode(frame);
            case EnergyCounters.ID:
                return EnergyCounters.decode(frame, tenWattHours);
            case InstalledCapacity.ID:
                return InstalledCapacity.decode(frame);
            case SerialNumberPart1.ID:
                return SerialNumberPart1.decode(frame);
            case SerialNumberPart2.ID:
                return SerialNumberPart2.decode(frame);
            case ProductIdentification.ID:
                return ProductIdentification.decode(frame);
            case 0x305:
                return smaInverter ? SmaMeasurements.decode(frame) : InverterKeepAlive.decode(frame);
            case 0x306:
                return smaInverter ? SmaStatus.decode(frame) : VictronKeepAlive.decode(frame);
            case 0x307:
                return smaInverter ? SmaRelayState.decode(frame) : VictronIdentity.decode(frame);
            case SmaQuickStop.ID:
                return SmaQuickStop.decode(frame);
            default:
                return new UnknownCanMessage(frame);
        }
    }

    /**
     * Encodes a message into its frame. Every record encodes to its own id and layout, whatever the profile's choice
     * for that id; the profile decides the units of 0x356 and 0x378 and the polarity of 0x35A.
     *
     * @param message the record to encode, of any id
     * @return the frame, of the message's own id and DLC
     * @throws IllegalArgumentException if a value does not fit the profile's wire unit (a 0x356 voltage beyond
     *                                  ±327.67 V at 0.01 V, a 0x378 counter beyond a u32 at 0.01 kWh)
     * @throws NullPointerException     if {@code message} is null
     */
    public CanFrame encode(CanMessage message) {
        if (message instanceof UnknownCanMessage unknown) {
            return unknown.frame();
        }
        switch (message.canId()) {
            case ChargeDischargeLimits.ID:
                return ((ChargeDischargeLimits) message).encode();
            case StateOfChargeAndHealth.ID:
                return ((StateOfChargeAndHealth) message).encode();
            case BatteryMeasurements.ID:
                return ((BatteryMeasurements) message).encode(deciVolts);
            case ProtectionAndAlarmFlags.ID:
                return ((ProtectionAndAlarmFlags) message).encode();
            case AlarmsAndWarnings.ID:
                return ((AlarmsAndWarnings) message).encode(reversedPairs);
            case BatteryEvents.ID:
                return ((BatteryEvents) message).encode();
            case ChargeRequestFlags.ID:
                return ((ChargeRequestFlags) message).encode();
            case ManufacturerName.ID:
                return ((ManufacturerName) message).encode();
            case BatteryInfo.ID:
                return ((BatteryInfo) message).encode();
            case 0x370:
                return message instanceof BmsNamePart1 name ? name.encode()
                        : ((PylonPlusCellExtremes) message).encode();
            case 0x371:
                return message instanceof BmsNamePart2 name ? name.encode()
                        : ((PylonPlusCellExtremeIds) message).encode();
            case ModuleCounts.ID:
                return ((ModuleCounts) message).encode();
            case CellExtremes.ID:
                return ((CellExtremes) message).encode();
            case MinCellVoltageId.ID:
                return ((MinCellVoltageId) message).encode();
            case MaxCellVoltageId.ID:
                return ((MaxCellVoltageId) message).encode();
            case MinCellTemperatureId.ID:
                return ((MinCellTemperatureId) message).encode();
            case MaxCellTemperatureId.ID:
                return ((MaxCellTemperatureId) message).encode();
            case EnergyCounters.ID:
                return ((EnergyCounters) message).encode(tenWattHours);
            case InstalledCapacity.ID:
                return ((InstalledCapacity) message).encode();
            case SerialNumberPart1.ID:
                return ((SerialNumberPart1) message).encode();
            case SerialNumberPart2.ID:
                return ((SerialNumberPart2) message).encode();
            case ProductIdentification.ID:
                return ((ProductIdentification) message).encode();
            case 0x305:
                return message instanceof SmaMeasurements sma ? sma.encode()
                        : ((InverterKeepAlive) message).encode();
            case 0x306:
                return message instanceof SmaStatus sma ? sma.encode() : ((VictronKeepAlive) message).encode();
            case 0x307:
                return message instanceof SmaRelayState sma ? sma.encode() : ((VictronIdentity) message).encode();
            case SmaQuickStop.ID:
                return ((SmaQuickStop) message).encode();
            default:
                throw new AssertionError("no encoder for " + message.getClass().getName());
        }
    }

    /**
     * Whether the codec decodes {@code canId} to a message of its own (not to {@link UnknownCanMessage}).
     *
     * @param canId an 11-bit CAN id
     * @return true for the ids of docs/protocol.md §1 that have a record
     */
    public static boolean isKnownId(int canId) {
        switch (canId) {
            case 0x00F: case 0x305: case 0x306: case 0x307:
            case 0x351: case 0x355: case 0x356: case 0x359: case 0x35A: case 0x35B: case 0x35C: case 0x35E: case 0x35F:
            case 0x370: case 0x371: case 0x372: case 0x373: case 0x374: case 0x375: case 0x376: case 0x377:
            case 0x378: case 0x379: case 0x380: case 0x381: case 0x382:
                return true;
            default:
                return false;
        }
    }

    @Override
    public String toString() {
        return "PylonCanCodec[" + profile + "]";
    }
}
