package io.pylon4j.driver.json;

import java.nio.charset.StandardCharsets;

/** How {@link JsonWriter} quotes and escapes a string. */
final class JsonStrings {

    private static final String HEX_DIGITS = "0123456789abcdef";

    private JsonStrings() {
    }

    /**
     * {@code value} quoted and escaped, as UTF-8: a quote, a backslash and the C0 controls and DEL escaped (the
     * usual short forms where JSON has one), everything else as it is (a lone surrogate as {@code ?}, as
     * {@code String.getBytes} encodes it).
     */
    static byte[] quoted(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int plain = 0;
        while (plain < utf8.length && needsNoEscape(utf8[plain])) {
            plain++;
        }
        if (plain == utf8.length) { // nearly every value: one bulk copy
            byte[] quoted = new byte[utf8.length + 2];
            quoted[0] = '"';
            System.arraycopy(utf8, 0, quoted, 1, utf8.length);
            quoted[quoted.length - 1] = '"';
            return quoted;
        }
        StringBuilder escaped = new StringBuilder(utf8.length + 16).append('"');
        escaped.append(new String(utf8, 0, plain, StandardCharsets.ISO_8859_1));
        for (int i = plain; i < utf8.length; i++) {
            int c = utf8[i] & 0xFF; // a byte of a multi-byte character is >= 0x80: copied as it is
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) { // four lower-case hex digits
                        escaped.append("\\u00").append(HEX_DIGITS.charAt(c >> 4)).append(HEX_DIGITS.charAt(c & 0xF));
                    } else {
                        escaped.append((char) c);
                    }
                }
            }
        }
        return escaped.append('"').toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean needsNoEscape(byte b) {
        return (b >= 0x20 || b < 0) && b != '"' && b != '\\' && b != 0x7F;
    }
}
