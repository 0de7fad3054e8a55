package io.pylon4j.rs485;

/**
 * The state bytes of a 0x44 alarm reply, one per cell voltage, temperature, charge current, module voltage and
 * discharge current ([R485-33] §3.5; docs/protocol.md §2.5.4). The records keep the byte; this enum names it.
 */
public enum AlarmState {

    /** 0x00: normal. */
    NORMAL(0x00),
    /** 0x01: below the lower limit. */
    BELOW_LOWER_LIMIT(0x01),
    /** 0x02: above the upper limit. */
    ABOVE_UPPER_LIMIT(0x02),
    /** 0xF0: other error. */
    OTHER_ERROR(0xF0),
    /** Any other byte: not defined by the document (the byte itself is kept in the record). */
    UNDEFINED(-1);

    private final int code;

    AlarmState(int code) {
        this.code = code;
    }

    /** {@return the state byte, or -1 for {@link #UNDEFINED}} */
    public int code() {
        return code;
    }

    /**
     * {@return the state a byte stands for; {@link #UNDEFINED} for a byte the document does not define}
     *
     * @param code a cell-voltage or temperature state byte of a 0x44 reply, 0 to 255
     */
    public static AlarmState of(int code) {
        return switch (code) {
            case 0x00 -> NORMAL;
            case 0x01 -> BELOW_LOWER_LIMIT;
            case 0x02 -> ABOVE_UPPER_LIMIT;
            case 0xF0 -> OTHER_ERROR;
            default -> UNDEFINED;
        };
    }
}
