package io.pylon4j.can;

/**
 * A message the inverter sends to the battery (docs/protocol.md §1.4): the keep-alive 0x305, Victron's 0x306 and 0x307, SMA
 * Sunny Island's process values on the same ids, and SMA's quick stop 0x00F.
 *
 * <p>Which records 0x305 to 0x307 decode to is chosen by {@link CanProfile#inverterFrames()}.
 */
public sealed interface InverterMessage extends CanMessage
        permits InverterKeepAlive, VictronKeepAlive, VictronIdentity, SmaMeasurements, SmaStatus, SmaRelayState,
        SmaQuickStop {
}
