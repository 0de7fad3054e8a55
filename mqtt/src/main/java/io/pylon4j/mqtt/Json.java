package io.pylon4j.mqtt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON this module writes itself (discovery configs, cap acknowledgements) and reads (a cap command: one
 * flat object of numbers). Status and event JSON come from the driver's {@code BankStatusJson}/{@code BankEventJson}.
 */
final class Json {

    private Json() {
    }

    /**
     * Writes {@code value} as JSON: a map (insertion order) as an object, a list as an array, a string, a number, a
     * boolean or null.
     */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(sb, e.getKey().toString());
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, list.get(i));
            }
            sb.append(']');
        } else if (value instanceof Double d) {
            sb.append(new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else {
            quote(sb, value.toString());
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Parses one flat JSON object whose values are all numbers: {@code {"a": 1, "b": 2.5}}. Anything else (nesting,
     * strings, duplicates, trailing text) is refused with a message that says where.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Map<String, Double> parseFlatNumbers(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        Cursor c = new Cursor(text);
        c.skipSpace();
        c.expect('{');
        c.skipSpace();
        if (c.peek() == '}') {
            c.next();
        } else {
            while (true) {
                c.skipSpace();
                String key = c.string();
                c.skipSpace();
                c.expect(':');
                c.skipSpace();
                double value = c.number();
                if (out.put(key, value) != null) {
                    throw new IllegalArgumentException("\"" + key + "\" is given twice");
                }
                c.skipSpace();
                char sep = c.next();
                if (sep == '}') {
                    break;
                }
                if (sep != ',') {
                    throw c.error("',' or '}'");
                }
            }
        }
        c.skipSpace();
        if (!c.atEnd()) {
            throw c.error("the end of the object");
        }
        return out;
    }

    /** A position in the text being parsed. */
    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(pos);
        }

        char next() {
            if (atEnd()) {
                throw new IllegalArgumentException("the JSON ends too early");
            }
            return text.charAt(pos++);
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        void expect(char c) {
            if (next() != c) {
                pos--;
                throw error("'" + c + "'");
            }
        }

        String string() {
            expect('"');
            int start = pos;
            while (!atEnd() && text.charAt(pos) != '"') {
                if (text.charAt(pos) == '\\' || text.charAt(pos) < 0x20) {
                    throw error("a plain field name");
                }
                pos++;
            }
            String s = text.substring(start, pos);
            expect('"');
            return s;
        }

        double number() {
            int start = pos;
            while (!atEnd() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return Double.parseDouble(text.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("a number");
            }
        }

        IllegalArgumentException error(String expected) {
            String found = atEnd() ? "the end" : "'" + text.charAt(pos) + "'";
            return new IllegalArgumentException("expected " + expected + " at character " + (pos + 1) + ", found "
                    + found);
        }
    }
}
