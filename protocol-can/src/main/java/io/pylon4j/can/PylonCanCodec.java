package io.pylon4j.can;

import java.util.Objects;

/**
 * Decodes Pylontech low-voltage CAN frames into {@link CanMessage} records and encodes records back into frames, bit
 * for bit.
 *
 * <p>{@link #standard()} decodes as real Pylontech hardware does; {@link #PylonCanCodec(CanProfile)} chooses
 * otherwise where the sources disagree (see {@link CanProfile}). The ids it knows, the record each decodes to, its
 * minimum DLC and which profile picks which record where an id has two are one table, {@link CanMessageType}: the
 * codec decodes, encodes and answers {@link #isKnownId(int)} from it alone (docs/protocol.md §1.2 to §1.8). Any other
 * id decodes to an {@link UnknownCanMessage}.
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
    /** The profile's units and polarity, read by the table's decoders and encoders. */
    final boolean reversedPairs;
    final boolean deciVolts;
    final boolean tenWattHours;
    /** The entry each id's slot ({@code CanIdSlots.slotOf}) decodes to under this profile. */
    private final CanMessageType[] decoderBySlot;

    /**
     * A codec that decodes and encodes under {@code profile}.
     *
     * @param profile the unit, polarity and meaning choices of the bank and inverter on the bus
     * @throws NullPointerException if {@code profile} is null
     */
    public PylonCanCodec(CanProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        reversedPairs = profile.alarmPairPolarity() == CanProfile.AlarmPairPolarity.REVERSED;
        deciVolts = profile.batteryVoltageResolution() == CanProfile.VoltageResolution.DECIVOLT;
        tenWattHours = profile.energyResolution() == CanProfile.EnergyResolution.TEN_WATT_HOURS;
        decoderBySlot = decoders(profile);
    }

    /** One entry per slot: {@link CanMessageType#UNKNOWN} for slot 0, the profile's choice for each known id. */
    private static CanMessageType[] decoders(CanProfile profile) {
        CanMessageType[] bySlot = new CanMessageType[CanIdSlots.count()];
        bySlot[0] = CanMessageType.UNKNOWN;
        for (int slot = 1; slot < bySlot.length; slot++) {
            int id = CanIdSlots.idOf(slot);
            for (CanMessageType type : CanMessageType.forId(id)) {
                if (type.decodedUnder(profile)) {
                    if (bySlot[slot] != null) {
                        throw new AssertionError(String.format("0x%03X decodes to both %s and %s under %s", id,
                                bySlot[slot], type, profile));
                    }
                    bySlot[slot] = type;
                }
            }
            if (bySlot[slot] == null) {
                throw new AssertionError(String.format("0x%03X has no entry under %s", id, profile));
            }
        }
        return bySlot;
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
        return decoderBySlot[CanIdSlots.slotOf(frame.id())].decode(frame, this);
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
        return CanMessageType.of(Objects.requireNonNull(message, "message")).encode(message, this);
    }

    /**
     * Whether the codec decodes {@code canId} to a message of its own (not to {@link UnknownCanMessage}).
     *
     * @param canId an 11-bit CAN id
     * @return true for the ids of {@link CanMessageType}, the ids of docs/protocol.md §1 that have a record
     */
    public static boolean isKnownId(int canId) {
        return CanMessageType.isKnownId(canId);
    }

    @Override
    public String toString() {
        return "PylonCanCodec[" + profile + "]";
    }
}
