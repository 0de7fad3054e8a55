package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The string escapes of {@link JsonWriter}, held to the bytes {@code pylon decode} has always printed (a text field of
 * a CAN frame may hold NULs and other control characters: docs/json-can.md).
 */
class JsonWriterTest {

    private static String line(String value) {
        return new JsonWriter().beginObject().field("text", value).endObject().peek();
    }

    @Test
    void aPlainStringIsCopiedAsItIs() {
        assertThat(line("PYLON   ")).isEqualTo("{\"text\":\"PYLON   \"}\n");
        assertThat(line("")).isEqualTo("{\"text\":\"\"}\n");
        assertThat(line("µ°é\uFFFD")).isEqualTo("{\"text\":\"µ°é\uFFFD\"}\n");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscapedWhereverTheyAre() {
        assertThat(line("\"")).isEqualTo("{\"text\":\"\\\"\"}\n");
        assertThat(line("a\\b")).isEqualTo("{\"text\":\"a\\\\b\"}\n");
        assertThat(line("PY\u0000\u0000")).isEqualTo("{\"text\":\"PY\\u0000\\u0000\"}\n");
        assertThat(line("x\n\r\ty")).isEqualTo("{\"text\":\"x\\n\\r\\ty\"}\n");
        assertThat(line("\u001f\u007f\u001b[0m")).isEqualTo("{\"text\":\"\\u001f\\u007f\\u001b[0m\"}\n");
        assertThat(line("ok\u0001")).isEqualTo("{\"text\":\"ok\\u0001\"}\n");
    }
}
