package io.pylon4j.web;

/** The few JSON pieces the view writes itself (the status and events come from driver-api's writers). */
final class Json {

    private Json() {
    }

    /** A JSON number, or {@code null} for NaN and infinities (JSON has neither). */
    static void number(StringBuilder out, double value) {
        if (Double.isFinite(value)) {
            long whole = (long) value;
            if (whole == value && Math.abs(value) < 1e15) {
                out.append(whole);
            } else {
                out.append(value);
            }
        } else {
            out.append("null");
        }
    }

    /** A JSON string with the characters JSON and an HTML page need escaped. */
    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c"); // never "</script>" or a tag, wherever the text ends up
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
