package io.pylon4j.simulator;

/**
 * The alarm ("warning") conditions of CAN 0x359 bytes 2–3, named as in the table of docs/protocol.md §1.3.1 ([CAN12]).
 * Alarms are reported only; they do not change limits. The CAN front end sets the bit given with each constant.
 */
public enum Alarm {
    /** 0x359 byte 2 bit 1: cell or module high voltage. */
    CELL_OR_MODULE_HIGH_VOLTAGE(2, 1),
    /** 0x359 byte 2 bit 2: cell or module low voltage. */
    CELL_OR_MODULE_LOW_VOLTAGE(2, 2),
    /** 0x359 byte 2 bit 3: cell high temperature. */
    CELL_HIGH_TEMPERATURE(2, 3),
    /** 0x359 byte 2 bit 4: cell low temperature. */
    CELL_LOW_TEMPERATURE(2, 4),
    /** 0x359 byte 2 bit 7: discharge high current. */
    DISCHARGE_HIGH_CURRENT(2, 7),
    /** 0x359 byte 3 bit 0: charge high current. */
    CHARGE_HIGH_CURRENT(3, 0),
    /** 0x359 byte 3 bit 3: internal communication fail (raised only by fault injection in this simulator). */
    INTERNAL_COMMUNICATION_FAIL(3, 3);

    private final int canByte;
    private final int canBit;

    Alarm(int canByte, int canBit) {
        this.canByte = canByte;
        this.canBit = canBit;
    }

    /** {@return the byte of CAN 0x359 that carries this condition (2 or 3)} */
    public int canByte() {
        return canByte;
    }

    /** {@return the bit within {@link #canByte()} (0 = least significant)} */
    public int canBit() {
        return canBit;
    }
}
