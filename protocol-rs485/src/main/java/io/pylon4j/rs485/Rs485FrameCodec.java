package io.pylon4j.rs485;

/**
 * Reads one frame from its ASCII form and checks it completely ([R485-33] §2.2–2.3; docs/protocol.md §2.2). Writing is
 * {@link Rs485Frame#encode()}.
 *
 * <p>Two entry points, for the two places a frame comes from:
 * <ul>
 *   <li>{@link #decode(byte[], int, int)}: the bytes of one frame as it travels, SOI to EOI inclusive. The CR is
 *       required. A stream of bytes is cut into such frames by {@link Rs485FrameReader}.</li>
 *   <li>{@link #parse(CharSequence, int, int)}: one frame as text in a log, {@code ~…}, where the trailing CR is
 *       optional.</li>
 * </ul>
 * Hex digits are accepted in either case (CHKSUM is then the sum of the characters as they are, see
 * {@link FrameChecksum}); {@link Rs485Frame#encode()} always writes upper case.
 *
 * <p>The checks run in this order, and the first that fails throws: SOI ({@link MissingSoiException}), EOI
 * ({@link MissingEoiException}), every character between them a hex digit ({@link NonHexCharacterException}), at
 * least a whole header and CHKSUM ({@link FrameTooShortException}), LCHKSUM against LENID
 * ({@link LengthChecksumException}), LENID against the INFO present and even ({@link LengthMismatchException}),
 * CHKSUM ({@link ChecksumMismatchException}). Positions in the exceptions count from SOI at 0. Nothing else escapes:
 * any input either decodes or throws one of these.
 *
 * <p>Stateless and thread-safe.
 */
public final class Rs485FrameCodec {

    /** SOI, the start of every frame: {@code '~'}. */
    public static final byte SOI = '~';
    /** EOI, the end of every frame: CR. */
    public static final byte EOI = '\r';
    /**
     * The shortest frame, in ASCII bytes from SOI to EOI inclusive: a header of 12 hex characters, an empty INFO and
     * a 4-character CHKSUM, 18 in all.
     */
    public static final int MIN_FRAME_LENGTH = 18;
    /**
     * The longest frame the LENGTH field can announce, in ASCII bytes from SOI to EOI inclusive:
     * 1 + 12 + 4095 + 4 + 1 = 4113. (A valid frame has an even LENID, so it is at most 4112.)
     */
    public static final int MAX_FRAME_LENGTH = 1 + 12 + LengthField.MAX_LENID + 4 + 1;

    private Rs485FrameCodec() {
    }

    /**
     * Decodes one whole frame as it travels.
     *
     * @param bytes the frame, SOI first and EOI last
     * @return the frame, its LENGTH and CHKSUM checked
     * @throws Rs485Exception the first of the checks in the class documentation that fails
     */
    public static Rs485Frame decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes one whole frame as it travels, from {@code bytes[offset]} (SOI) to {@code bytes[offset + length - 1]}
     * (EOI).
     *
     * @param bytes  the array that holds the frame
     * @param offset the index of SOI
     * @param length the number of bytes from SOI to EOI inclusive
     * @return the frame, its LENGTH and CHKSUM checked
     * @throws Rs485Exception            the first of the checks in the class documentation that fails
     * @throws IndexOutOfBoundsException if the range is not within the array
     */
    public static Rs485Frame decode(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        return decode(bytes, offset, length, true);
    }

    /**
     * Parses one frame written as text, {@code ~20024642E00202FD33}, with or without a trailing CR.
     *
     * @param text the frame, SOI first
     * @return the frame, its LENGTH and CHKSUM checked
     * @throws Rs485Exception the first of the checks in the class documentation that fails
     */
    public static Rs485Frame parse(CharSequence text) {
        return parse(text, 0, text.length());
    }

    /**
     * Parses one frame written as text, the characters {@code text[start]} (SOI) up to but excluding
     * {@code text[end]}, with or without a trailing CR.
     *
     * @param text  the text that holds the frame, such as a log line
     * @param start the index of SOI
     * @param end   the index just past the frame (past EOI, if it is there)
     * @return the frame, its LENGTH and CHKSUM checked
     * @throws Rs485Exception            the first of the checks in the class documentation that fails
     * @throws IndexOutOfBoundsException if the range is not within the text
     */
    public static Rs485Frame parse(CharSequence text, int start, int end) {
        java.util.Objects.checkFromToIndex(start, end, text.length());
        int length = end - start;
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            char c = text.charAt(start + i);
            if (c > 0xFF) { // no such character can travel; report it as what it is, not as a truncated byte
                if (i == 0) {
                    throw new MissingSoiException(c);
                }
                throw new NonHexCharacterException(i, c);
            }
            bytes[i] = (byte) c;
        }
        return decode(bytes, 0, length, false);
    }

    /**
     * Parses one frame written as ASCII bytes, {@code bytes[offset]} (SOI) and the {@code length - 1} bytes after it,
     * with or without a trailing CR: {@link #parse(CharSequence, int, int)} for text that is already bytes (a log
     * line read as bytes), with no character copied and the same checks and exceptions.
     *
     * @param bytes  the ASCII bytes that hold the frame, such as a log line's
     * @param offset the index of SOI
     * @param length the number of bytes from SOI to the end of the frame (past EOI, if it is there)
     * @return the frame, its LENGTH and CHKSUM checked
     * @throws Rs485Exception            the first of the checks in the class documentation that fails
     * @throws IndexOutOfBoundsException if the range is not within the array
     */
    public static Rs485Frame parseAscii(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        return decode(bytes, offset, length, false);
    }

    private static Rs485Frame decode(byte[] b, int offset, int length, boolean eoiRequired) {
        if (length == 0) {
            throw new MissingSoiException(-1);
        }
        if (b[offset] != SOI) {
            throw new MissingSoiException(b[offset] & 0xFF);
        }
        int end = offset + length; // exclusive, then moved before the EOI
        if (b[end - 1] == EOI) {
            end--;
        } else if (eoiRequired) {
            throw new MissingEoiException(length - 1, b[end - 1] & 0xFF, "the frame ends without CR");
        }
        int chars = end - offset - 1; // between SOI and EOI
        if (chars < MIN_FRAME_LENGTH - 2 || (chars & 1) != 0) {
            return checkedInTurn(b, offset, end); // it cannot be valid: the checks in turn find its first fault
        }
        // One pass over the characters: every pair is checked, summed and decoded, the header into a long, INFO into
        // its array and CHKSUM into an int; a non-hex character anywhere sends the frame to the checks in turn.
        byte[] value = Hex.VALUE;
        int bad = 0; // negative once any character is not a hex digit
        int sum = 0;
        long header = 0;
        int p = offset + 1;
        for (int headerEnd = p + 12; p < headerEnd; p += 2) {
            int c1 = b[p] & 0xFF;
            int c2 = b[p + 1] & 0xFF;
            int v1 = value[c1];
            int v2 = value[c2];
            bad |= v1 | v2;
            sum += c1 + c2;
            header = header << 8 | (v1 << 4 | v2) & 0xFF;
        }
        byte[] info = new byte[(chars - 16) >>> 1];
        for (int i = 0; i < info.length; i++, p += 2) {
            int c1 = b[p] & 0xFF;
            int c2 = b[p + 1] & 0xFF;
            int v1 = value[c1];
            int v2 = value[c2];
            bad |= v1 | v2;
            sum += c1 + c2;
            info[i] = (byte) (v1 << 4 | v2);
        }
        int actual = 0;
        for (; p < end; p++) {
            int v = value[b[p] & 0xFF];
            bad |= v;
            actual = actual << 4 | v & 0xF;
        }
        if (bad < 0) {
            return checkedInTurn(b, offset, end);
        }
        int lengthField = (int) header & 0xFFFF;
        int lenid = LengthField.lenid(lengthField);
        int expectedLchksum = LengthField.checksumOf(lenid);
        if (LengthField.checksum(lengthField) != expectedLchksum) {
            throw new LengthChecksumException(lengthField, expectedLchksum, LengthField.checksum(lengthField));
        }
        if (lenid != chars - 16 || (lenid & 1) != 0) {
            throw new LengthMismatchException(lenid, chars - 16);
        }
        int expected = -sum & 0xFFFF;
        if (expected != actual) {
            throw new ChecksumMismatchException(expected, actual);
        }
        return new Rs485Frame((int) (header >>> 40) & 0xFF, (int) (header >>> 32) & 0xFF,
                (int) (header >>> 24) & 0xFF, (int) (header >>> 16) & 0xFF, info);
    }

    /**
     * The checks of the class documentation one after the other, over {@code b[offset]} (SOI) to {@code b[end - 1]}
     * (the last CHKSUM character): the reference the one-pass decode above is held to, and the path of a frame it
     * finds faulty, so that every fault is reported as it always was.
     */
    private static Rs485Frame checkedInTurn(byte[] b, int offset, int end) {
        byte[] value = Hex.VALUE;
        int sum = 0;
        for (int i = offset + 1; i < end; i++) {
            int c = b[i] & 0xFF;
            if (value[c] < 0) {
                throw new NonHexCharacterException(i - offset, (char) c);
            }
            sum += c;
        }
        int chars = end - offset - 1; // between SOI and EOI
        if (chars < MIN_FRAME_LENGTH - 2) {
            throw new FrameTooShortException(chars + 2);
        }
        int h = offset + 1; // first header character
        int lengthField = hex4(b, h + 8);
        int lenid = LengthField.lenid(lengthField);
        int expectedLchksum = LengthField.checksumOf(lenid);
        if (LengthField.checksum(lengthField) != expectedLchksum) {
            throw new LengthChecksumException(lengthField, expectedLchksum, LengthField.checksum(lengthField));
        }
        int infoChars = chars - 16;
        if (lenid != infoChars || (lenid & 1) != 0) {
            throw new LengthMismatchException(lenid, infoChars);
        }
        int checksumAt = end - 4;
        for (int i = checksumAt; i < end; i++) {
            sum -= b[i] & 0xFF;
        }
        int expected = -sum & 0xFFFF;
        int actual = hex4(b, checksumAt);
        if (expected != actual) {
            throw new ChecksumMismatchException(expected, actual);
        }
        byte[] info = new byte[lenid / 2];
        for (int i = 0, p = h + 12; i < info.length; i++, p += 2) {
            info[i] = (byte) hex2(b, p);
        }
        return new Rs485Frame(hex2(b, h), hex2(b, h + 2), hex2(b, h + 4), hex2(b, h + 6), info);
    }

    private static int hex2(byte[] b, int p) {
        return Hex.VALUE[b[p] & 0xFF] << 4 | Hex.VALUE[b[p + 1] & 0xFF];
    }

    private static int hex4(byte[] b, int p) {
        return hex2(b, p) << 8 | hex2(b, p + 2);
    }
}
