package io.pylon4j.driver;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** A minimal streaming JSON writer for the driver's plain values (package-private; JDK only). */
final class JsonWriter {
    private final StringBuilder sb = new StringBuilder(256);
    private boolean first = true;

    void begin() {
        sb.append('{');
        first = true;
    }

    void close() {
        sb.append('}');
        first = false;
    }

    void beginArray() {
        sb.append('[');
        first = true;
    }

    void closeArray() {
        sb.append(']');
        first = false;
    }

    /** Starts the next element of an array. */
    JsonWriter element() {
        if (!first) {
            sb.append(',');
        }
        first = false;
        return this;
    }

    void nullValue() {
        sb.append("null");
    }

    String end() {
        sb.append('}');
        return sb.toString();
    }

    JsonWriter field(String name) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        quote(name);
        sb.append(':');
        return this;
    }

    void string(String s) {
        quote(s);
    }

    void string(Optional<String> s) {
        if (s.isPresent()) {
            quote(s.get());
        } else {
            sb.append("null");
        }
    }

    void bool(boolean b) {
        sb.append(b);
    }

    void number(double d) {
        sb.append(Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "null");
    }

    void number(long n) {
        sb.append(n);
    }

    void number(OptionalDouble d) {
        if (d.isPresent()) {
            number(d.getAsDouble());
        } else {
            sb.append("null");
        }
    }

    void number(OptionalInt n) {
        if (n.isPresent()) {
            number(n.getAsInt());
        } else {
            sb.append("null");
        }
    }

    void numbers(List<Double> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            number(values.get(i));
        }
        sb.append(']');
    }

    private void quote(String s) {
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
}
