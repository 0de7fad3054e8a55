package io.pylon4j.can;

/**
 * One classic CAN 2.0A data frame as the Pylontech protocols use it: an 11-bit identifier and 0 to 8 data bytes.
 *
 * <p>The data bytes are held in a {@code long}, little-endian: data byte {@code i} is bits {@code 8i..8i+7} of
 * {@link #payload()}. CAN payloads are at most eight bytes, so a frame is one small immutable object with no array
 * inside: nothing to copy defensively, nothing to share by mistake, and the little-endian fields of the protocol
 * fall out with a shift and a mask. Bits beyond {@link #length()} are always zero, so two frames with the same bytes
 * are {@linkplain #equals(Object) equal}.
 *
 * <p>Use {@link #of(int, byte...)} or {@link #ofHex(int, String)} to build one, and {@link #data()} to get the bytes
 * back. {@link #toString()} prints the candump compact form, {@code 351#1402C012C012C201}.
 *
 * @param id      the 11-bit identifier, 0x000 to 0x7FF
 * @param length  the data length code, 0 to 8 (classic CAN: the number of data bytes)
 * @param payload the data bytes, byte 0 in the least significant eight bits
 */
public record CanFrame(int id, int length, long payload) {

    /** The largest 11-bit (standard) identifier. */
    public static final int MAX_STANDARD_ID = 0x7FF;
    /** The largest number of data bytes a classic CAN frame carries. */
    public static final int MAX_LENGTH = 8;

    /**
     * Checks the frame.
     *
     * @param id      the 11-bit identifier, 0x000 to 0x7FF
     * @param length  the data length code, 0 to 8 (classic CAN: the number of data bytes)
     * @param payload the data bytes, byte 0 in the least significant eight bits
     * @throws InvalidCanFrameException if the id is not an 11-bit value, the length is not 0 to 8, or the payload
     *                                  has bits set beyond {@code length} bytes
     */
    public CanFrame {
        if (id < 0 || id > MAX_STANDARD_ID) {
            throw new InvalidCanFrameException(String.format(
                    "CAN id 0x%X is not an 11-bit standard id (0x000 to 0x7FF); Pylontech LV CAN uses standard ids only", id));
        }
        if (length < 0 || length > MAX_LENGTH) {
            throw new InvalidCanFrameException(String.format(
                    "CAN frame 0x%03X has %d data bytes; a classic CAN frame has 0 to 8", id, length));
        }
        if (length < MAX_LENGTH && (payload >>> (8 * length)) != 0) {
            throw new InvalidCanFrameException(String.format(
                    "CAN frame 0x%03X has payload bits set beyond its %d data bytes: 0x%016X", id, length, payload));
        }
    }

    /**
     * A frame with the given data bytes (copied).
     *
     * @param id   the 11-bit id, 0x000 to 0x7FF
     * @param data 0 to 8 data bytes, byte 0 first
     * @return a frame whose DLC is the number of bytes
     * @throws InvalidCanFrameException if the id or the number of bytes is out of range
     */
    public static CanFrame of(int id, byte... data) {
        if (data.length > MAX_LENGTH) {
            throw new InvalidCanFrameException(String.format(
                    "CAN frame 0x%03X has %d data bytes; a classic CAN frame has 0 to 8", id, data.length));
        }
        long payload = 0;
        for (int i = 0; i < data.length; i++) {
            payload |= (data[i] & 0xFFL) << (8 * i);
        }
        return new CanFrame(id, data.length, payload);
    }

    /**
     * A frame from hex text such as {@code "14 02 C0 12"} or {@code "1402C012"}: two hex digits a byte, spaces allowed
     * between bytes. Meant for tests and examples; the line parsers in {@link CandumpFormat} are the fast path.
     *
     * @param id  the 11-bit id, 0x000 to 0x7FF
     * @param hex the data bytes in hex, byte 0 first; empty for a frame of no data
     * @return a frame whose DLC is the number of bytes
     * @throws InvalidCanFrameException if the text is not whole hex bytes, or there are more than eight
     */
    public static CanFrame ofHex(int id, String hex) {
        String digits = hex.replace(" ", "");
        if (digits.length() % 2 != 0) {
            throw new InvalidCanFrameException("hex data '" + hex + "' has an odd number of digits");
        }
        byte[] data = new byte[digits.length() / 2];
        for (int i = 0; i < data.length; i++) {
            int hi = Character.digit(digits.charAt(2 * i), 16);
            int lo = Character.digit(digits.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new InvalidCanFrameException("hex data '" + hex + "' has a character that is not a hex digit");
            }
            data[i] = (byte) (hi << 4 | lo);
        }
        return of(id, data);
    }

    /**
     * A copy of the data bytes.
     *
     * @return a new array of {@link #length()} bytes, byte 0 first; changing it does not change the frame
     */
    public byte[] data() {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (payload >>> (8 * i));
        }
        return data;
    }

    /**
     * Data byte {@code index}, unsigned (0 to 255).
     *
     * @param index the data byte, 0 to {@code length() - 1}
     * @return the byte, 0 to 255
     * @throws IndexOutOfBoundsException if {@code index} is not below {@link #length()}
     */
    public int u8(int index) {
        checkRange(index, 1);
        return (int) (payload >>> (8 * index)) & 0xFF;
    }

    /**
     * The unsigned little-endian 16-bit value at data bytes {@code offset} and {@code offset + 1}.
     *
     * @param offset the first (least significant) data byte
     * @return the value, 0 to 65535
     * @throws IndexOutOfBoundsException if the two bytes are not both within {@link #length()}
     */
    public int u16(int offset) {
        checkRange(offset, 2);
        return (int) (payload >>> (8 * offset)) & 0xFFFF;
    }

    /**
     * The signed (two's complement) little-endian 16-bit value at data bytes {@code offset} and {@code offset + 1}.
     *
     * @param offset the first (least significant) data byte
     * @return the value, -32768 to 32767
     * @throws IndexOutOfBoundsException if the two bytes are not both within {@link #length()}
     */
    public int s16(int offset) {
        checkRange(offset, 2);
        return (short) (payload >>> (8 * offset));
    }

    /**
     * The unsigned little-endian 32-bit value at data bytes {@code offset} to {@code offset + 3}.
     *
     * @param offset the first (least significant) data byte
     * @return the value, 0 to 4294967295
     * @throws IndexOutOfBoundsException if the four bytes are not all within {@link #length()}
     */
    public long u32(int offset) {
        checkRange(offset, 4);
        return (payload >>> (8 * offset)) & 0xFFFF_FFFFL;
    }

    /**
     * The data bytes as upper-case hex without separators, {@code "1402C012"}.
     *
     * @return two hex digits a byte, byte 0 first; {@code ""} for a frame of no data
     */
    public String dataHex() {
        char[] out = new char[2 * length];
        for (int i = 0; i < length; i++) {
            int b = (int) (payload >>> (8 * i)) & 0xFF;
            out[2 * i] = HEX[b >>> 4];
            out[2 * i + 1] = HEX[b & 0xF];
        }
        return new String(out);
    }

    /** The candump compact form, {@code 351#1402C012C012C201}. */
    @Override
    public String toString() {
        return String.format("%03X#%s", id, dataHex());
    }

    private void checkRange(int offset, int size) {
        if (offset < 0 || offset + size > length) {
            throw new IndexOutOfBoundsException(String.format(
                    "bytes %d..%d of CAN frame 0x%03X with %d data bytes", offset, offset + size - 1, id, length));
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
