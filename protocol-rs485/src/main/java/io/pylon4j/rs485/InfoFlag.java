package io.pylon4j.rs485;

/**
 * INFOFLAG, the byte at the start of 0x42, 0x44 and 0x47 replies that tells the master there is news to fetch
 * ([R485-33] §2.2.2; docs/protocol.md §2.5): bit 4 set means an unread change of a switch value, bit 0 an unread change of an
 * alarm. Observed values: 0x00, 0x10, 0x11. The other bits are kept as received.
 *
 * @param value the byte, 0 to 255
 */
public record InfoFlag(int value) {

    private static final InfoFlag[] CACHE = new InfoFlag[256];

    static {
        for (int i = 0; i < 256; i++) {
            CACHE[i] = new InfoFlag(i);
        }
    }

    /**
     * Checks the fields.
     *
     * @param value the byte, 0 to 255
     *
     * @throws IllegalArgumentException if {@code value} is not a byte
     */
    public InfoFlag {
        Check.u8("infoFlag", value);
    }

    /**
     * {@return the flag with byte {@code value} (a shared instance)}
     *
     * @param value the INFOFLAG byte at the start of a 0x42 or 0x44 reply's INFO
     * @throws IllegalArgumentException if {@code value} is not a byte
     */
    public static InfoFlag of(int value) {
        return CACHE[Check.u8("infoFlag", value)];
    }

    /** {@return bit 4: a switch value has changed and not been read yet} */
    public boolean switchChangeUnread() {
        return (value & 0x10) != 0;
    }

    /** {@return bit 0: an alarm has changed and not been read yet} */
    public boolean alarmChangeUnread() {
        return (value & 0x01) != 0;
    }
}
