package io.pylon4j.can;

/** The ISO-8859-1 text helpers of the {@link TextMessage} records. */
final class Text {

    private Text() {
    }

    static String decode(long data, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) Wire.u8(data, i);
        }
        return new String(chars);
    }

    /**
     * The bytes of {@code text}, one per character, for a frame of exactly {@code text.length()} data bytes.
     *
     * @throws IllegalArgumentException if the text is empty, longer than eight characters or has a character beyond
     *                                  ISO-8859-1 (U+00FF)
     */
    static long encode(String text, String type) {
        if (text.isEmpty() || text.length() > CanFrame.MAX_LENGTH) {
            throw new IllegalArgumentException(String.format(
                    "%s text must be 1 to 8 characters (one data byte each), was %d: '%s'", type, text.length(), text));
        }
        long data = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException(String.format(
                        "%s text '%s' has character U+%04X at %d, which is not one byte (ISO-8859-1)", type, text,
                        (int) c, i));
            }
            data |= Wire.put8(c, i);
        }
        return data;
    }

    /** Validates the components of a text record. */
    static void check(int length, long data, String type) {
        Wire.checkLength(length, TextMessage.MIN_LENGTH, type);
        Wire.checkBytesWithin(data, 0, length, type, "data");
    }
}
