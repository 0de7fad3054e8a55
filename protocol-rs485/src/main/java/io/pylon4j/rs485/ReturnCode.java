package io.pylon4j.rs485;

/**
 * RTN, the return code a battery puts in the CID2 position of every response ([R485-33] §2.5.2; docs/protocol.md §2.4).
 *
 * <p>Anything but {@link #NORMAL} is the battery refusing the request; it decodes to a {@link Rejection}, a result
 * rather than an exception.
 */
public enum ReturnCode {

    /** 0x00: normal, the reply carries the data asked for. */
    NORMAL(0x00),
    /** 0x01: VER error. */
    VERSION_ERROR(0x01),
    /** 0x02: CHKSUM error: the battery received a frame with a bad checksum. */
    CHECKSUM_ERROR(0x02),
    /** 0x03: LCHKSUM error: the battery received a frame with a bad LENGTH checksum. */
    LENGTH_CHECKSUM_ERROR(0x03),
    /** 0x04: CID2 invalid: the command is not supported (observed {@code ~200246040000FDAE}, [ROB]). */
    INVALID_COMMAND(0x04),
    /** 0x05: command format error. */
    COMMAND_FORMAT_ERROR(0x05),
    /** 0x06: invalid data in INFO. */
    INVALID_DATA(0x06),
    /** 0x90: ADR error (observed on the RS232 console with ADR 0 or 2, python-pylontech issue #29). */
    ADDRESS_ERROR(0x90),
    /** 0x91: internal communication error between the stack's master and a slave. */
    INTERNAL_COMMUNICATION_ERROR(0x91);

    /** The codes 0x00 to 0x06 by value: {@code values()} copies its array on every call, once per decoded reply. */
    private static final ReturnCode[] BY_LOW_VALUE = {NORMAL, VERSION_ERROR, CHECKSUM_ERROR, LENGTH_CHECKSUM_ERROR,
            INVALID_COMMAND, COMMAND_FORMAT_ERROR, INVALID_DATA};

    private final int code;

    ReturnCode(int code) {
        this.code = code;
    }

    /** {@return the RTN byte} */
    public int code() {
        return code;
    }

    /**
     * {@return whether {@code rtn} is one of the return codes}
     *
     * @param rtn the RTN byte of a response, 0 to 255
     */
    public static boolean isKnown(int rtn) {
        return (rtn >= 0x00 && rtn <= 0x06) || rtn == 0x90 || rtn == 0x91;
    }

    /**
     * {@return the return code with byte value {@code rtn}}
     *
     * @param rtn the RTN byte of a response (the CID2 position), 0 to 255
     * @throws UnknownReturnCodeException if {@code rtn} is none of them
     */
    public static ReturnCode of(int rtn) {
        if (rtn >= 0x00 && rtn <= 0x06) {
            return BY_LOW_VALUE[rtn];
        }
        if (rtn == 0x90) {
            return ADDRESS_ERROR;
        }
        if (rtn == 0x91) {
            return INTERNAL_COMMUNICATION_ERROR;
        }
        throw new UnknownReturnCodeException(rtn);
    }
}
