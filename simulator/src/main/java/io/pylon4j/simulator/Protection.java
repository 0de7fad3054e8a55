package io.pylon4j.simulator;

/**
 * The protection conditions ("the battery has acted") of CAN 0x359 bytes 0–1, named as in the table of
 * docs/protocol.md §1.3.1 ([CAN12]). The CAN front end sets the bit given with each constant. RS485 0x44 Status1 (docs/protocol.md §2.5.4)
 * carries related bits; {@link ModuleSnapshot} gives what it needs.
 */
public enum Protection {
    /** 0x359 byte 0 bit 1: cell or module over-voltage. Blocks charging. */
    CELL_OR_MODULE_OVER_VOLTAGE(0, 1, true, false),
    /** 0x359 byte 0 bit 2: cell or module under-voltage. Blocks discharging. */
    CELL_OR_MODULE_UNDER_VOLTAGE(0, 2, false, true),
    /** 0x359 byte 0 bit 3: cell over-temperature. Blocks charging and discharging. */
    CELL_OVER_TEMPERATURE(0, 3, true, true),
    /** 0x359 byte 0 bit 4: cell under-temperature. Blocks charging and discharging. */
    CELL_UNDER_TEMPERATURE(0, 4, true, true),
    /** 0x359 byte 0 bit 7: discharge over-current. Blocks discharging. */
    DISCHARGE_OVER_CURRENT(0, 7, false, true),
    /** 0x359 byte 1 bit 0: charge over-current. Blocks charging. */
    CHARGE_OVER_CURRENT(1, 0, true, false),
    /** 0x359 byte 1 bit 3: system error ([CAN12]; some emulators use bit 7, docs/protocol.md §1.3.1). Blocks both. */
    SYSTEM_ERROR(1, 3, true, true);

    private final int canByte;
    private final int canBit;
    private final boolean blocksCharge;
    private final boolean blocksDischarge;

    Protection(int canByte, int canBit, boolean blocksCharge, boolean blocksDischarge) {
        this.canByte = canByte;
        this.canBit = canBit;
        this.blocksCharge = blocksCharge;
        this.blocksDischarge = blocksDischarge;
    }

    /** {@return the byte of CAN 0x359 that carries this condition (0 or 1)} */
    public int canByte() {
        return canByte;
    }

    /** {@return the bit within {@link #canByte()} (0 = least significant)} */
    public int canBit() {
        return canBit;
    }

    /**
     * Whether, in this simulator, the condition sets a module's charge current limit to zero.
     *
     * @return whether the module's CCL becomes 0 A while this is raised
     */
    public boolean blocksCharge() {
        return blocksCharge;
    }

    /**
     * Whether, in this simulator, the condition sets a module's discharge current limit to zero.
     *
     * @return whether the module's DCL becomes 0 A while this is raised
     */
    public boolean blocksDischarge() {
        return blocksDischarge;
    }
}
