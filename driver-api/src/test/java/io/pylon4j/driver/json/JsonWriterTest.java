package io.pylon4j.driver.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The string escapes of {@link JsonWriter}, held to the bytes {@code pylon decode} has always printed (a text field of
 * a CAN frame may hold NULs and other control characters: docs/json-can.md), and its numbers and UTF-8 bytes, held
 * to what {@code Long.toString}, {@code BigDecimal} and {@code String.getBytes} write. The one number rule (the
 * shortest plain decimal that is exactly the value) is held in {@link JsonNumberRuleTest}.
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

    private static byte[] drained(JsonWriter json) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        json.drainTo(bytes);
        return bytes.toByteArray();
    }

    @Test
    void integersAreWrittenAsLongToStringWritesThem() {
        java.util.List<Long> values = new java.util.ArrayList<>(java.util.List.of(0L, 1L, -1L, 9L, 10L, 99L, 100L, 101L,
                -100L, 999L, 1000L, 65535L, -32768L, 999_999_999L, 1_000_000_000L, (long) Integer.MAX_VALUE,
                (long) Integer.MIN_VALUE, Integer.MIN_VALUE + 1L, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 2_000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        for (long v : values) {
            assertThat(new JsonWriter().beginObject().field("n", v).endObject().peek()).isEqualTo("{\"n\":" + v + "}\n");
            assertThat(new JsonWriter().beginObject().beginArray("a").value(v).value(v).endArray().endObject().peek())
                    .isEqualTo("{\"a\":[" + v + "," + v + "]}\n");
        }
    }

    @Test
    void scaledNumbersAreTheExactDecimalWithEveryTrailingZeroDropped() {
        assertThat(new JsonWriter().beginObject().fieldScaled("v", 532, 1).fieldScaled("t", -5, 1)
                .fieldScaled("c", 48000, 3).fieldScaled("z", 0, 2).fieldScaled("r", 1234, 0)
                .fieldScaled("m", 1005, 3).fieldScaled("w", -4800, 1).endObject().peek())
                .isEqualTo("{\"v\":53.2,\"t\":-0.5,\"c\":48,\"z\":0,\"r\":1234,\"m\":1.005,\"w\":-480}\n");
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 5_000; i++) {
            long unscaled = i < 8 ? new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1L,
                Integer.MAX_VALUE + 1L, Long.MAX_VALUE, Long.MIN_VALUE, -1, 1}[i]
                    : random.nextLong() >> random.nextInt(64);
            int decimals = random.nextInt(10);
            String expected = new java.math.BigDecimal(java.math.BigInteger.valueOf(unscaled), decimals)
                    .stripTrailingZeros().toPlainString();
            assertThat(new JsonWriter().beginObject().fieldScaled("x", unscaled, decimals).endObject().peek())
                    .as("%d scaled by %d", unscaled, decimals).isEqualTo("{\"x\":" + expected + "}\n");
        }
    }

    @Test
    void theOutputIsUtf8AsStringGetBytesEncodesIt() throws Exception {
        String text = "µ°é\u20ac\uD83D\uDD0B \uD800 lone \"q\" \u0001";
        JsonWriter json = new JsonWriter().beginObject().field("t", text).field("\u00e9t\u00e9", true).endObject();
        String expected = "{\"t\":\"µ°é\u20ac\uD83D\uDD0B \uD800 lone \\\"q\\\" \\u0001\",\"\u00e9t\u00e9\":true}\n";
        assertThat(json.buffered()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
        assertThat(drained(json)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(json.buffered()).isZero();
        StringBuilder appended = new StringBuilder();
        new JsonWriter().beginObject().field("t", "\u20ac").endObject().drainTo(appended);
        assertThat(appended).hasToString("{\"t\":\"\u20ac\"}\n");
    }

    @Test
    void stringsThatShareACacheSlotOrTheirTextAreEachWrittenAsThemselves() {
        // "Aa" and "BB" have the same hash: one cache slot, written in turn; a new String of equal text
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        JsonWriter json = new JsonWriter();
        for (int i = 0; i < 3; i++) {
            json.beginObject().field("Aa", "BB").field("BB", "Aa").field(new String("Aa".toCharArray()), "x\"")
                    .endObject();
        }
        assertThat(json.peek()).isEqualTo("{\"Aa\":\"BB\",\"BB\":\"Aa\",\"Aa\":\"x\\\"\"}\n".repeat(3));
    }

    @Test
    void moreDistinctStringsThanTheCacheKeepsAreStillEachWrittenAsThemselves() {
        JsonWriter json = new JsonWriter(64); // the smallest cache: 32 slots, kept up to half full
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            String name = "n" + (i % 1_000);
            String value = "v" + i;
            json.beginObject().field(name, value).field("k", i).endObject();
            expected.append("{\"").append(name).append("\":\"").append(value).append("\",\"k\":").append(i)
                    .append("}\n");
        }
        assertThat(json.peek()).isEqualTo(expected.toString());
    }

    @Test
    void aRollbackForgetsTheBytesOfTheObjectBegunEvenMultiByteOnes() {
        JsonWriter json = new JsonWriter().beginObject().field("ok", 1).endObject();
        int mark = json.buffered();
        json.beginObject().field("name", "é\u20ac").beginArray("a").value(12).value("\uD83D\uDD0B");
        json.rollbackTo(mark);
        json.beginObject().field("bus", "rs485").field("error", "bad").field("input", "~é").endObject();
        assertThat(json.peek()).isEqualTo("{\"ok\":1}\n{\"bus\":\"rs485\",\"error\":\"bad\",\"input\":\"~é\"}\n");
    }

    @Test
    void theBufferGrowsPastItsFirstSizeAndKeepsEveryByte() throws Exception {
        String big = "0123456789ABCDEF".repeat(10_000); // 160,000 characters: longer than the first 64 KiB buffer
        JsonWriter json = new JsonWriter();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            json.beginObject().field("input", big).field("i", i).endObject();
            expected.append("{\"input\":\"").append(big).append("\",\"i\":").append(i).append("}\n");
        }
        assertThat(drained(json)).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }
}
