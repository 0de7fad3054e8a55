package io.pylon4j.rs485;

import java.util.Arrays;
import java.util.Objects;

/**
 * One frame of the Pylontech LV RS485 protocol, request or response, with its fields as binary values ([R485-33]
 * §2.2–2.3; docs/protocol.md §2.2).
 *
 * <p>On the wire a frame is ASCII text: SOI {@code '~'}, then VER, ADR, CID1, CID2 (request) or RTN (response), the
 * 16-bit LENGTH field, INFO and the 16-bit CHKSUM, each byte as two hex digits, high nibble first, and EOI (CR):
 * <pre>
 *   ~  20  02  46  42  E002  02  FD33  CR
 *   SOI VER ADR CID1 CID2 LENGTH INFO CHKSUM EOI
 * </pre>
 * LENGTH and CHKSUM are not components: they follow from the others (see {@link LengthField} and
 * {@link FrameChecksum}) and are computed by {@link #encode()} and checked by {@link Rs485FrameCodec}.
 *
 * <p>A frame holds INFO as a private copy: the constructor copies the array it is given and {@link #info()} returns a
 * copy, so no caller can change a frame. Read single INFO fields without copying with {@link #u8}, {@link #u16},
 * {@link #s16} and {@link #u24} (big-endian, as on the wire). Two frames with the same fields and INFO bytes are
 * {@linkplain #equals(Object) equal}; {@link #toString()} prints the wire text without the CR.
 *
 * <p>Frames are framing only; what INFO means depends on the command, which {@link Rs485Codec} decodes into typed
 * records.
 *
 * @param version   VER, 0 to 255 (0x20 for every Pylontech battery seen; docs/protocol.md §2.2)
 * @param address   ADR, 0 to 255 (see {@link Rs485Address})
 * @param cid1      CID1, 0 to 255 (0x46, "battery data", for every Pylontech command)
 * @param cid2OrRtn CID2 in a request (the {@link Command}), RTN in a response (the {@link ReturnCode}), 0 to 255
 * @param info      the INFO bytes, at most {@value #MAX_INFO_BYTES} (copied)
 */
public record Rs485Frame(int version, int address, int cid1, int cid2OrRtn, byte[] info) {

    /** The most INFO bytes a frame can carry: LENID is at most 4095 characters, and INFO is whole bytes. */
    public static final int MAX_INFO_BYTES = LengthField.MAX_LENID / 2;

    /** The VER every Pylontech battery uses (docs/protocol.md §2.2). */
    public static final int PYLONTECH_VERSION = 0x20;

    /**
     * Checks and copies the fields.
     *
     * @param version   VER, 0 to 255 (0x20 for every Pylontech battery seen; docs/protocol.md §2.2)
     * @param address   ADR, 0 to 255 (see {@link Rs485Address})
     * @param cid1      CID1, 0 to 255 (0x46, "battery data", for every Pylontech command)
     * @param cid2OrRtn CID2 in a request (the {@link Command}), RTN in a response (the {@link ReturnCode}), 0 to 255
     * @param info      the INFO bytes, at most {@value #MAX_INFO_BYTES} (copied)
     *
     * @throws IllegalArgumentException if a field is not a byte or INFO is longer than {@value #MAX_INFO_BYTES} bytes
     * @throws NullPointerException     if {@code info} is null
     */
    public Rs485Frame {
        Check.u8("version", version);
        Check.u8("address", address);
        Check.u8("cid1", cid1);
        Check.u8("cid2OrRtn", cid2OrRtn);
        Objects.requireNonNull(info, "info");
        if (info.length > MAX_INFO_BYTES) {
            throw new IllegalArgumentException(
                    "INFO has " + info.length + " bytes; a frame carries at most " + MAX_INFO_BYTES);
        }
        // Arrays.copyOf rather than clone(), here and in every record of this package: JDK 17's C1 (pylon decode's
        // compiler) calls into the VM for an array's clone(), about a tenth of a decoded line's time, where copyOf is
        // an inlined copy (benchmarks/README.md, "RS485 per line, fifth pass"; Rs485CodecSourceTest).
        info = Arrays.copyOf(info, info.length);
    }

    /**
     * {@return a frame with the given INFO bytes (copied); the same as the constructor, with INFO last for readability}
     *
     * @param version   VER, 0 to 255 (0x20 for every Pylontech battery seen)
     * @param address   ADR, 0 to 255 (see {@link Rs485Address})
     * @param cid1      CID1, 0 to 255 (0x46 for every Pylontech command)
     * @param cid2OrRtn CID2 in a request (the {@link Command}), RTN in a response (the {@link ReturnCode}), 0 to 255
     * @param info      the INFO bytes, at most {@value #MAX_INFO_BYTES}; copied
     * @throws IllegalArgumentException if a field is not a byte or INFO is too long
     */
    public static Rs485Frame of(int version, int address, int cid1, int cid2OrRtn, byte... info) {
        return new Rs485Frame(version, address, cid1, cid2OrRtn, info);
    }

    /** {@return a copy of the INFO bytes} */
    @Override
    public byte[] info() {
        return Arrays.copyOf(info, info.length);
    }

    /** The INFO array itself, for this package's decoders, which only read it. */
    byte[] infoArray() {
        return info;
    }

    /** {@return the number of INFO bytes} */
    public int infoLength() {
        return info.length;
    }

    /**
     * INFO byte {@code offset}, unsigned (0 to 255).
     *
     * @param offset the index of the byte in INFO, from 0
     * @return the byte, unsigned (0 to 255)
     * @throws IndexOutOfBoundsException if the byte is not within INFO
     */
    public int u8(int offset) {
        Objects.checkFromIndexSize(offset, 1, info.length);
        return info[offset] & 0xFF;
    }

    /**
     * {@return the unsigned big-endian 16-bit value at INFO bytes {@code offset} and {@code offset + 1}}
     *
     * @param offset the index in INFO of the value's first (most significant) byte, from 0
     * @throws IndexOutOfBoundsException if the bytes are not within INFO
     */
    public int u16(int offset) {
        Objects.checkFromIndexSize(offset, 2, info.length);
        return (info[offset] & 0xFF) << 8 | info[offset + 1] & 0xFF;
    }

    /**
     * {@return the signed (two's complement) big-endian 16-bit value at INFO bytes {@code offset} and
     * {@code offset + 1}}
     *
     * @param offset the index in INFO of the value's first (most significant) byte, from 0
     * @throws IndexOutOfBoundsException if the bytes are not within INFO
     */
    public int s16(int offset) {
        return (short) u16(offset);
    }

    /**
     * {@return the unsigned big-endian 24-bit value at INFO bytes {@code offset} to {@code offset + 2}}
     *
     * @param offset the index in INFO of the value's first (most significant) byte, from 0
     * @throws IndexOutOfBoundsException if the bytes are not within INFO
     */
    public int u24(int offset) {
        Objects.checkFromIndexSize(offset, 3, info.length);
        return (info[offset] & 0xFF) << 16 | (info[offset + 1] & 0xFF) << 8 | info[offset + 2] & 0xFF;
    }

    /** {@return the INFO bytes as upper-case hex, {@code "02D002"}} */
    public String infoHex() {
        return Hex.toHex(info);
    }

    /** {@return LENID: the number of INFO characters on the wire, twice the INFO byte count} */
    public int lenid() {
        return 2 * info.length;
    }

    /** {@return the 16-bit LENGTH field: LCHKSUM and LENID (see {@link LengthField})} */
    public int lengthField() {
        return LengthField.of(lenid());
    }

    /**
     * {@return the number of ASCII bytes {@link #encode()} produces, SOI and EOI included:
     * {@code 18 + 2 * infoLength()}}
     */
    public int encodedLength() {
        return Rs485FrameCodec.MIN_FRAME_LENGTH + 2 * info.length;
    }

    /**
     * {@return the 16-bit CHKSUM of this frame as {@link #encode()} writes it (upper-case hex; see
     * {@link FrameChecksum})}
     */
    public int checksum() {
        byte[] ascii = encode();
        return FrameChecksum.of(ascii, 1, ascii.length - 5);
    }

    /** {@return the frame as it travels: ASCII bytes from SOI to EOI, hex in upper case} */
    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        encodeTo(out, 0);
        return out;
    }

    /**
     * Writes the frame as it travels (see {@link #encode()}) into {@code target} from {@code offset}, without
     * allocating.
     *
     * @param target the array to write into
     * @param offset the index in {@code target} where SOI goes
     * @return the number of bytes written, {@link #encodedLength()}
     * @throws IndexOutOfBoundsException if the frame does not fit
     */
    public int encodeTo(byte[] target, int offset) {
        int length = encodedLength();
        Objects.checkFromIndexSize(offset, length, target.length);
        int p = offset;
        target[p++] = Rs485FrameCodec.SOI;
        p = hex2(target, p, version);
        p = hex2(target, p, address);
        p = hex2(target, p, cid1);
        p = hex2(target, p, cid2OrRtn);
        int lengthField = lengthField();
        p = hex2(target, p, lengthField >> 8);
        p = hex2(target, p, lengthField & 0xFF);
        for (byte b : info) {
            p = hex2(target, p, b & 0xFF);
        }
        int checksum = FrameChecksum.of(target, offset + 1, p);
        p = hex2(target, p, checksum >> 8);
        p = hex2(target, p, checksum & 0xFF);
        target[p] = Rs485FrameCodec.EOI;
        return length;
    }

    private static int hex2(byte[] target, int p, int value) {
        target[p] = Hex.DIGITS[value >> 4];
        target[p + 1] = Hex.DIGITS[value & 0xF];
        return p + 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rs485Frame f && version == f.version && address == f.address && cid1 == f.cid1
                && cid2OrRtn == f.cid2OrRtn && Arrays.equals(info, f.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, address, cid1, cid2OrRtn) * 31 + Arrays.hashCode(info);
    }

    /** The wire text without the trailing CR: {@code ~20024642E00202FD33}. */
    @Override
    public String toString() {
        byte[] ascii = encode();
        return new String(ascii, 0, ascii.length - 1, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
