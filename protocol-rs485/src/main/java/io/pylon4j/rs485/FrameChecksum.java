package io.pylon4j.rs485;

/**
 * CHKSUM, the 16-bit frame checksum: the two's complement (invert all sixteen bits, add one, modulo 65536) of the
 * arithmetic sum of the ASCII codes of every character from VER to the end of INFO — SOI, CHKSUM and EOI excluded
 * ([R485-33] §2.3.3; docs/protocol.md §2.2).
 *
 * <p>The sum is over the characters as transmitted, so a frame written in lower-case hex has a different CHKSUM than
 * the same frame in upper case. The document's own worked example is off by one: the ASCII sum of
 * {@code "1203400456ABCEFE"} is 0x038F, so its CHKSUM is {@code FC71}, not the printed {@code FC72} (python-pylontech
 * issue #15). Worked example 1 of docs/protocol.md §2.2: {@code "20024642E00202"} sums to 0x02CD, CHKSUM {@code FD33}.
 *
 * <p>Stateless; all methods are pure.
 */
public final class FrameChecksum {

    private FrameChecksum() {
    }

    /**
     * {@return the CHKSUM of the ASCII characters {@code ascii[from]} up to but excluding {@code ascii[to]}}
     *
     * @param ascii the frame's ASCII bytes
     * @param from  the index of the first character summed (VER's first digit, just after SOI)
     * @param to    the index just past the last character summed (where CHKSUM begins)
     * @throws IndexOutOfBoundsException if the range is not within the array
     */
    public static int of(byte[] ascii, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, ascii.length);
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += ascii[i] & 0xFF;
        }
        return -sum & 0xFFFF;
    }

    /**
     * {@return the CHKSUM of the characters of {@code text} (VER to the end of INFO, without SOI)}
     *
     * @param text the frame text from VER to the end of INFO
     * @throws IllegalArgumentException if a character is beyond 0xFF (no such character can travel in a frame)
     */
    public static int of(CharSequence text) {
        int sum = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("character " + (int) c + " at " + i + " is not a single byte");
            }
            sum += c;
        }
        return -sum & 0xFFFF;
    }
}
