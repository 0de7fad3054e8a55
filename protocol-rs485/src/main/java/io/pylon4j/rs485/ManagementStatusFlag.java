package io.pylon4j.rs485;

import java.util.EnumSet;
import java.util.Set;

/**
 * The status bits of the 0x92 charge/discharge management reply ([R485-33] §3.6; docs/protocol.md §2.5.6); bits 2 to 0 are
 * reserved. The 0x63 system reply uses bits 7 to 5 the same way (docs/protocol.md §2.5.12).
 *
 * <p>Naming: bit 5 is "charge immediately 1" (强充1) and bit 4 "charge immediately 2" (强充2) in the document, which
 * [TOM], [ROB] and [FHEM] follow; [PYPY] and [PSHIR] swap the two names. Here they are {@link #FORCE_CHARGE_I} (bit 5)
 * and {@link #FORCE_CHARGE_II} (bit 4), as in the document.
 */
public enum ManagementStatusFlag {

    /** Bit 7: charging allowed; 0 means the battery asks to stop charging. */
    CHARGE_ENABLE(7),
    /** Bit 6: discharging allowed. */
    DISCHARGE_ENABLE(6),
    /**
     * Bit 5, "charge immediately 1": SOC is low (US2000B 15–19 %, US2000B-Plus/US3000B 5–9 %); for inverters that can
     * wake a shut-down battery or have their own low-SOC cut-off.
     */
    FORCE_CHARGE_I(5),
    /**
     * Bit 4, "charge immediately 2": SOC is low (US2000B-Plus/US3000B 9–13 %); for inverters that must not let the
     * battery shut down. Pylontech suggests inverters honour both bits.
     */
    FORCE_CHARGE_II(4),
    /** Bit 3: full-charge request, no SOC of 97 % or more within 30 days. */
    FULL_CHARGE_REQUEST(3);

    /** {@code values()} once: it copies its array on every call, and {@link #setIn} runs once per reply. */
    private static final ManagementStatusFlag[] ALL = values();

    private final int bit;

    ManagementStatusFlag(int bit) {
        this.bit = bit;
    }

    /** {@return the bit number in the status byte, 7 = most significant} */
    public int bit() {
        return bit;
    }

    /**
     * {@return whether this flag is set in {@code status}}
     *
     * @param status the charge/discharge management status byte of a 0x92 or 0x96 reply
     */
    public boolean isSetIn(int status) {
        return (status >> bit & 1) != 0;
    }

    /**
     * {@return the flags set in {@code status}, in declaration order}
     *
     * @param status the charge/discharge management status byte of a 0x92 or 0x96 reply
     */
    public static Set<ManagementStatusFlag> setIn(int status) {
        EnumSet<ManagementStatusFlag> set = EnumSet.noneOf(ManagementStatusFlag.class);
        for (ManagementStatusFlag f : ALL) {
            if (f.isSetIn(status)) {
                set.add(f);
            }
        }
        return set;
    }
}
