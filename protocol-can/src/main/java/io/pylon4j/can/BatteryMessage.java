package io.pylon4j.can;

/**
 * A message the battery's BMS sends to the inverter (docs/protocol.md §1.2, §1.7, §1.8): the Pylontech V1.2 set 0x351, 0x355,
 * 0x356, 0x359, 0x35C, 0x35E, and the V1.3-firmware, Victron and SMA frames 0x35A, 0x35B, 0x35F, 0x370-0x382.
 */
public sealed interface BatteryMessage extends CanMessage
        permits ChargeDischargeLimits, StateOfChargeAndHealth, BatteryMeasurements, ProtectionAndAlarmFlags,
        AlarmsAndWarnings, BatteryEvents, ChargeRequestFlags, BatteryInfo, PylonPlusCellExtremes,
        PylonPlusCellExtremeIds, ModuleCounts, CellExtremes, EnergyCounters, InstalledCapacity, TextMessage {
}
