package io.pylon4j.rs485;

import java.util.Set;

/**
 * The reply to 0x62 get system alarm info: warning and protection status of the whole system.
 *
 * <p><b>Emulator layout.</b> No public Pylontech document describes 0x62; this is the layout of the emulators in docs/protocol.md
 * §2.5.12: [AIR-INV-485] sets the bits of {@link SystemAlarmFlag}, [BE-485] always sends zeros.
 *
 * <p>INFO (4 bytes, no INFOFLAG): warning (alarm) status 1, warning status 2, protection status 1, protection
 * status 2.
 *
 * @param address           ADR, 0 to 255
 * @param warningStatus1    warning (alarm) status byte 1, {@link SystemAlarmFlag} bits
 * @param warningStatus2    warning (alarm) status byte 2, {@link SystemAlarmFlag} bits
 * @param protectionStatus1 protection status byte 1, {@link SystemAlarmFlag} bits
 * @param protectionStatus2 protection status byte 2, {@link SystemAlarmFlag} bits
 */
public record SystemAlarm(int address, int warningStatus1, int warningStatus2, int protectionStatus1,
        int protectionStatus2) implements Rs485Response {

    /**
     * Checks the fields.
     *
     * @param address           ADR, 0 to 255
     * @param warningStatus1    warning (alarm) status byte 1, {@link SystemAlarmFlag} bits
     * @param warningStatus2    warning (alarm) status byte 2, {@link SystemAlarmFlag} bits
     * @param protectionStatus1 protection status byte 1, {@link SystemAlarmFlag} bits
     * @param protectionStatus2 protection status byte 2, {@link SystemAlarmFlag} bits
     *
     * @throws IllegalArgumentException if a field is not a byte
     */
    public SystemAlarm {
        Check.u8("address", address);
        Check.u8("warningStatus1", warningStatus1);
        Check.u8("warningStatus2", warningStatus2);
        Check.u8("protectionStatus1", protectionStatus1);
        Check.u8("protectionStatus2", protectionStatus2);
    }

    /** {@return the warnings (alarms) raised} */
    public Set<SystemAlarmFlag> warnings() {
        return SystemAlarmFlag.setIn(warningStatus1, warningStatus2);
    }

    /** {@return the protections active} */
    public Set<SystemAlarmFlag> protections() {
        return SystemAlarmFlag.setIn(protectionStatus1, protectionStatus2);
    }

    @Override
    public Command command() {
        return Command.SYSTEM_ALARM;
    }

    @Override
    public byte[] encodeInfo() {
        return new byte[] {(byte) warningStatus1, (byte) warningStatus2, (byte) protectionStatus1,
                (byte) protectionStatus2};
    }

    static SystemAlarm decode(Rs485Frame frame) {
        InfoReader r = new InfoReader(frame, Command.SYSTEM_ALARM);
        return new SystemAlarm(frame.address(), r.u8(), r.u8(), r.u8(), r.u8());
    }
}
