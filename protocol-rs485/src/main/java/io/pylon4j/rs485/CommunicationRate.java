package io.pylon4j.rs485;

/**
 * The rates the RS232 console port can be switched to with 0x91 ([R232-28] §3.4; docs/protocol.md §2.5.11). The port starts at
 * 1200 bit/s; the new rate applies after the battery's positive reply.
 */
public enum CommunicationRate {

    /** INFO 0x01: 1200 bit/s. */
    BAUD_1200(0x01, 1200),
    /** INFO 0x02: 2400 bit/s. */
    BAUD_2400(0x02, 2400),
    /** INFO 0x03: 4800 bit/s. */
    BAUD_4800(0x03, 4800);

    private final int code;
    private final int bitsPerSecond;

    CommunicationRate(int code, int bitsPerSecond) {
        this.code = code;
        this.bitsPerSecond = bitsPerSecond;
    }

    /** {@return the INFO byte that selects this rate} */
    public int code() {
        return code;
    }

    /** {@return the rate in bit/s} */
    public int bitsPerSecond() {
        return bitsPerSecond;
    }

    /** The rate with INFO byte {@code code}, or null. */
    static CommunicationRate ofCode(int code) {
        for (CommunicationRate r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return null;
    }
}
