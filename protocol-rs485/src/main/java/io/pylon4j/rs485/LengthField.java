package io.pylon4j.rs485;

/**
 * The 16-bit LENGTH field of a frame: LCHKSUM in bits 15–12, LENID in bits 11–0 ([R485-33] §2.3.2; docs/protocol.md §2.2).
 *
 * <p>LENID is the number of ASCII characters in INFO (twice the INFO byte count), at most 4095. LCHKSUM is
 * {@code (-(n2 + n1 + n0)) & 0xF} over the three nibbles of LENID: sum the nibbles, take the sum modulo 16, invert
 * the four bits and add one, keeping four bits. The masking matters when the nibble sum is a multiple of 16: then
 * LCHKSUM is 0 (LENID 0x088 gives LENGTH {@code 0088}); several public implementations compute
 * {@code 16 - (sum % 16)} unmasked and emit a five-digit LENGTH there ([PYPY], [BE-485], [DSB]), and one sums the two
 * bytes of LENID instead of its nibbles ([AIR-INV-485]). Worked examples: LENID 0x012 → {@code D012}; LENID 0x002 →
 * {@code E002}; LENID 0x014 → {@code B014}; LENID 0 → {@code 0000}.
 *
 * <p>Stateless; all methods are pure.
 */
public final class LengthField {

    /** The largest LENID the 12-bit field can carry. */
    public static final int MAX_LENID = 0xFFF;

    private LengthField() {
    }

    /**
     * {@return the LCHKSUM nibble that goes with {@code lenid}}
     *
     * @param lenid the number of INFO characters, 0 to 4095
     * @throws IllegalArgumentException if {@code lenid} is not 0 to 4095
     */
    public static int checksumOf(int lenid) {
        checkLenid(lenid);
        return -((lenid >> 8) + ((lenid >> 4) & 0xF) + (lenid & 0xF)) & 0xF;
    }

    /**
     * {@return the 16-bit LENGTH field for {@code lenid}: {@code checksumOf(lenid) << 12 | lenid}}
     *
     * @param lenid the number of INFO characters, 0 to 4095
     * @throws IllegalArgumentException if {@code lenid} is not 0 to 4095
     */
    public static int of(int lenid) {
        return checksumOf(lenid) << 12 | lenid;
    }

    /**
     * {@return the LENID of a 16-bit LENGTH field (its low twelve bits)}
     *
     * @param lengthField a 16-bit LENGTH field as received
     */
    public static int lenid(int lengthField) {
        return lengthField & MAX_LENID;
    }

    /**
     * {@return the LCHKSUM nibble of a 16-bit LENGTH field (its high four bits)}
     *
     * @param lengthField a 16-bit LENGTH field as received
     */
    public static int checksum(int lengthField) {
        return (lengthField >> 12) & 0xF;
    }

    /**
     * {@return whether a 16-bit LENGTH field's LCHKSUM matches its LENID}
     *
     * @param lengthField a 16-bit LENGTH field as received
     */
    public static boolean isValid(int lengthField) {
        return (lengthField & ~0xFFFF) == 0 && checksum(lengthField) == checksumOf(lenid(lengthField));
    }

    /**
     * {@return the LENGTH field for {@code lenid} as the four upper-case hex characters sent on the wire:
     * {@code "D012"}}
     *
     * @param lenid the number of INFO characters, 0 to 4095
     * @throws IllegalArgumentException if {@code lenid} is not 0 to 4095
     */
    public static String toHex(int lenid) {
        return String.format("%04X", of(lenid));
    }

    private static void checkLenid(int lenid) {
        if (lenid < 0 || lenid > MAX_LENID) {
            throw new IllegalArgumentException("LENID must be 0 to 4095: " + lenid);
        }
    }
}
