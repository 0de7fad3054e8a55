package io.pylon4j.can;

/**
 * A decoded Pylontech low-voltage CAN frame: one record per frame kind, in either direction.
 *
 * <p>{@link PylonCanCodec#decode(CanFrame)} turns a {@link CanFrame} into one of these and
 * {@link PylonCanCodec#encode(CanMessage)} gives back the exact bytes. The hierarchy is closed:
 * <ul>
 *   <li>{@link BatteryMessage}: what the battery (BMS) sends to the inverter, 0x351 to 0x382; the ASCII ones among
 *       them are also {@link TextMessage}s;</li>
 *   <li>{@link InverterMessage}: what the inverter sends to the battery, 0x305 to 0x307 and SMA's 0x00F;</li>
 *   <li>{@link UnknownCanMessage}: any other id, with its frame. An unknown id is never an error.</li>
 * </ul>
 *
 * <p>Records hold the <em>wire integers</em>, with the unit in the component's name
 * ({@code chargeVoltageLimitDeciVolts}), plus convenience accessors in SI units ({@code chargeVoltageLimitVolts()}).
 * Fields that a shorter DLC leaves out hold {@link #NOT_SENT}. Bytes that a layout does not define are kept, so that
 * decoding and encoding again never changes a bit. Records validate their components' wire ranges and throw
 * {@link IllegalArgumentException} for a value the wire cannot carry (a programmer error, not a wire fault).
 *
 * <p>Match on the type with {@code instanceof}:
 * <pre>{@code
 * CanMessage m = PylonCanCodec.standard().decode(CanFrame.ofHex(0x351, "14 02 C0 12 C0 12 C2 01"));
 * if (m instanceof ChargeDischargeLimits limits) {
 *     limits.chargeVoltageLimitVolts();   // 53.2
 * }
 * }</pre>
 */
public sealed interface CanMessage permits BatteryMessage, InverterMessage, UnknownCanMessage {

    /**
     * The value of an optional field that the frame did not carry because its DLC was too short (0x351 without bytes
     * 6-7, say). {@link Integer#MIN_VALUE}: outside the range of every wire field, signed or unsigned, so that it is
     * never a value the battery could have sent, and so far from any plausible reading (a voltage of -214748364.8 V
     * if someone scales it by mistake) that it cannot pass for a zero or a small number. Each record with optional
     * fields also has {@code has…()} tests and {@code Optional…} accessors in SI units; read those.
     */
    int NOT_SENT = Integer.MIN_VALUE;

    /**
     * The CAN id this message travels on.
     *
     * @return the 11-bit id of the frame this message is decoded from and encodes to
     */
    int canId();
}
