package io.pylon4j.driver.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one number rule of {@link JsonWriter} (docs/driver-events.md, "Numbers"): the shortest plain decimal that is
 * exactly the value, the same text whether the value comes as a scaled wire integer ({@code pylon decode}) or as the
 * {@code double} the driver computed from it ({@code pylon monitor}, the events).
 */
class JsonNumberRuleTest {

    private static String scaled(long unscaled, int decimals) {
        return new JsonWriter(64).beginObject().fieldScaled("x", unscaled, decimals).endObject().drainLine();
    }

    private static String real(double value) {
        return new JsonWriter(64).beginObject().field("x", value).endObject().drainLine();
    }

    @Test
    void aWholeValueHasNoPointWhetherScaledOrDouble() {
        assertThat(scaled(480, 1)).isEqualTo("{\"x\":48}");
        assertThat(real(48.0)).isEqualTo("{\"x\":48}");
        assertThat(scaled(148, 0)).isEqualTo("{\"x\":148}");
        assertThat(real(-27.0)).isEqualTo("{\"x\":-27}");
        assertThat(scaled(0, 3)).isEqualTo("{\"x\":0}");
        assertThat(real(0.0)).isEqualTo("{\"x\":0}");
        assertThat(real(-0.0)).isEqualTo("{\"x\":0}");
    }

    @Test
    void aFractionHasTheDigitsItNeedsAndNoMore() {
        assertThat(scaled(3312, 3)).isEqualTo("{\"x\":3.312}").isEqualTo(real(3.312));
        assertThat(scaled(3310, 3)).isEqualTo("{\"x\":3.31}").isEqualTo(real(3.31));
        assertThat(scaled(-5, 1)).isEqualTo("{\"x\":-0.5}").isEqualTo(real(-0.5));
        assertThat(scaled(1005, 3)).isEqualTo("{\"x\":1.005}").isEqualTo(real(1.005));
        assertThat(real(0.1 + 0.2)).isEqualTo("{\"x\":0.30000000000000004}"); // exactly that double
    }

    @Test
    void notANumberAndTheInfinitiesAreNullNeverABareToken() {
        assertThat(real(Double.NaN)).isEqualTo("{\"x\":null}");
        assertThat(real(Double.POSITIVE_INFINITY)).isEqualTo("{\"x\":null}");
        assertThat(new JsonWriter().beginObject().beginArray("a").value(Double.NEGATIVE_INFINITY).value(1.5)
                .endArray().endObject().drainLine()).isEqualTo("{\"a\":[null,1.5]}");
    }

    @Test
    void hugeAndTinyDoublesArePlainAndExact() {
        assertThat(real(1e23)).isEqualTo("{\"x\":100000000000000000000000}");
        assertThat(real(Long.MAX_VALUE)).isEqualTo("{\"x\":9223372036854776000}"); // 2^63: shorter reads back
        assertThat(real(1e-5)).isEqualTo("{\"x\":0.00001}");
        assertThat(real(123456789012.5)).isEqualTo("{\"x\":123456789012.5}");
        assertThat(real(4.9e-324)).startsWith("{\"x\":0.000").endsWith("5}");
    }

    /** Every wire integer of every scale the protocols use reads the same as the driver's {@code n / 10^k}. */
    @Test
    void aScaledWireIntegerAndTheDoubleComputedFromItReadTheSame() {
        Random random = new Random(15);
        double[] pow = {1, 10.0, 100.0, 1000.0};
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            int decimals = i % 4;
            long unscaled = i < 70_000 ? i / 4 - 8_750 : random.nextInt() >> random.nextInt(32);
            String expected = "{\"x\":" + BigDecimal.valueOf(unscaled, decimals).stripTrailingZeros().toPlainString()
                    + "}";
            if (!scaled(unscaled, decimals).equals(expected) || !real(unscaled / pow[decimals]).equals(expected)) {
                wrong.add(unscaled + " / 10^" + decimals);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Any double: the text reads back as the same double, and one decimal fewer would not. */
    @Test
    void anyDoubleIsTheShortestPlainDecimalThatReadsBackAsItself() {
        Random random = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            double d = switch (i % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(20) - 6);
                default -> Math.round(random.nextGaussian() * 1e6) / 1e3 + random.nextInt(3) * 1e-9;
            };
            if (!Double.isFinite(d)) {
                continue;
            }
            String line = real(d);
            String text = line.substring(5, line.length() - 1);
            assertThat(text).doesNotContain("e", "E");
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(d == 0 ? 0.0 : d);
            BigDecimal written = new BigDecimal(text);
            if (written.scale() > 0) {
                BigDecimal shorter = new BigDecimal(d).setScale(written.scale() - 1, RoundingMode.HALF_EVEN);
                assertThat(shorter.doubleValue()).as("%s could be shorter", text).isNotEqualTo(d);
            }
        }
    }
}
