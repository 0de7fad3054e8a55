package io.pylon4j.simulator;

/**
 * One state byte of RS485 0x44 (docs/protocol.md §2.5.4): how a measured value compares with its limit.
 */
public enum LimitState {
    /** 0x00: normal. */
    NORMAL(0x00),
    /** 0x01: below the lower limit. */
    BELOW_LOWER_LIMIT(0x01),
    /** 0x02: above the upper limit. */
    ABOVE_UPPER_LIMIT(0x02),
    /** 0xF0: other error. */
    OTHER_ERROR(0xF0);

    private final int code;

    LimitState(int code) {
        this.code = code;
    }

    /** {@return the state byte as RS485 0x44 sends it} */
    public int code() {
        return code;
    }

    /** The state of {@code value} against {@code lower} and {@code upper}: at or beyond a limit counts. */
    static LimitState of(int value, int lower, int upper) {
        if (value <= lower) {
            return BELOW_LOWER_LIMIT;
        }
        return value >= upper ? ABOVE_UPPER_LIMIT : NORMAL;
    }
}
