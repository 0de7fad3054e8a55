package io.pylon4j.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the golden vectors kept as data in {@code src/test/resources/io/pylon4j/can/golden/*.vectors}: real frames from
 * the shared captures (copied, so that this module's tests need nothing outside it) and frames built from the
 * documents' layouts, each with the values its source states.
 *
 * <p>For each vector the frame is decoded under the vector's profile, the record's type is checked, <em>every</em>
 * record component must be listed and equal (a vector that forgets one fails), the listed accessors in SI units
 * must equal the values the source states, and encoding the record must give back the frame.
 *
 * <p>Vector syntax (one vector per block, blocks separated by blank lines, {@code #} comments):
 * <pre>
 * vector   a name
 * source   where the frame and the stated values come from
 * profile  pylontech | victron | sma | sol-ark | reversed-pairs | ten-watt-hours   (optional, default pylontech)
 * frame    351#1402C012C012C201
 * type     ChargeDischargeLimits
 * component = value           every record component
 * accessor() = value          any no-argument method
 * accessor(CONSTANT) = value  a method taking one enum constant
 * </pre>
 * Values: decimal or {@code 0x} integers, {@code NOT_SENT}, decimals (compared exactly with a {@code double}, an
 * {@code OptionalDouble} or an {@code OptionalInt}), {@code empty}, {@code true}/{@code false}, {@code "text"},
 * {@code bytes(50 59 4C)} (a little-endian {@code long}), {@code [A, B]} (a set of enum constants), or any other text,
 * compared with the value's {@code toString()}.
 */
class GoldenVectorsTest {

    static final List<String> FILES = List.of("setfirelabs-us5000.vectors", "dfch-byd-victron.vectors",
            "emulator-outputs.vectors", "documents.vectors", "short-frames.vectors");

    @TestFactory
    Stream<DynamicTest> everyVectorDecodesToItsStatedValuesAndEncodesBack() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            for (Vector vector : read(file)) {
                tests.add(DynamicTest.dynamicTest(file + ": " + vector.name, () -> check(vector)));
            }
        }
        return tests.stream();
    }

    @Test
    void theCaptureVectorsCoverEveryFrameOfTheThreeSharedCanCaptures() throws IOException {
        // 12 + 21 + 14 frame lines in can-setfirelabs-…, can-dfch-…, can-emulator-outputs.txt (comment lines aside)
        assertThat(read("setfirelabs-us5000.vectors")).hasSize(12);
        assertThat(read("dfch-byd-victron.vectors")).hasSize(21);
        assertThat(read("emulator-outputs.vectors")).hasSize(14);
    }

    @Test
    void theRunnerRejectsAVectorThatLeavesOutAComponent() throws Exception {
        Vector vector = new Vector("incomplete", "test", "pylontech", "355#58005E00", "StateOfChargeAndHealth",
                new LinkedHashMap<>(Map.of("socPercent", "88")));
        try {
            check(vector);
        } catch (AssertionError expected) {
            assertThat(expected).hasMessageContaining("sohPercent");
            return;
        }
        fail("a vector without every component must fail");
    }

    private static void check(Vector vector) throws Exception {
        PylonCanCodec codec = new PylonCanCodec(profile(vector.profile));
        CanFrame frame = CandumpFormat.parseFrame(vector.frame);
        CanMessage message = codec.decode(frame);
        assertThat(message.getClass().getSimpleName()).as("type").isEqualTo(vector.type);

        Set<String> components = new TreeSet<>();
        for (RecordComponent component : message.getClass().getRecordComponents()) {
            components.add(component.getName());
        }
        Set<String> missing = new TreeSet<>(components);
        missing.removeAll(vector.expected.keySet());
        assertThat(missing).as("record components the vector does not state (every one must be)").isEmpty();

        for (Map.Entry<String, String> entry : vector.expected.entrySet()) {
            Object actual = invoke(message, entry.getKey());
            assertEqual(entry.getKey(), actual, entry.getValue());
        }
        assertThat(codec.encode(message)).as("encode(decode(frame))").isEqualTo(frame);
    }

    private static Object invoke(Object target, String expression) throws Exception {
        String name = expression.endsWith(")") ? expression.substring(0, expression.indexOf('(')) : expression;
        String argument = expression.endsWith(")")
                ? expression.substring(expression.indexOf('(') + 1, expression.length() - 1).strip() : "";
        for (Method method : target.getClass().getMethods()) {
            if (!method.getName().equals(name)) {
                continue;
            }
            if (argument.isEmpty() && method.getParameterCount() == 0) {
                return method.invoke(target);
            }
            if (!argument.isEmpty() && method.getParameterCount() == 1 && method.getParameterTypes()[0].isEnum()) {
                return method.invoke(target, enumConstant(method.getParameterTypes()[0], argument));
            }
        }
        throw new AssertionError("no method " + expression + " on " + target.getClass().getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    private static void assertEqual(String what, Object actual, String expected) {
        if (actual instanceof Integer i) { // 32-bit fields such as 0x359's flags compare as their bits
            assertThat(i).as(what).isEqualTo((int) parseLong(expected));
        } else if (actual instanceof Long l) {
            assertThat(l).as(what).isEqualTo(parseLong(expected));
        } else if (actual instanceof Double d) {
            assertThat(BigDecimal.valueOf(d)).as(what).isEqualByComparingTo(new BigDecimal(expected));
        } else if (actual instanceof OptionalDouble d) {
            assertThat(d.isPresent() ? BigDecimal.valueOf(d.getAsDouble()).stripTrailingZeros().toPlainString()
                    : "empty").as(what).isEqualTo(expected.equals("empty") ? "empty"
                    : new BigDecimal(expected).stripTrailingZeros().toPlainString());
        } else if (actual instanceof OptionalInt i) {
            assertThat(i.isPresent() ? Integer.toString(i.getAsInt()) : "empty").as(what).isEqualTo(expected);
        } else if (actual instanceof Boolean b) {
            assertThat(b.toString()).as(what).isEqualTo(expected);
        } else if (actual instanceof String s) {
            assertThat(expected).as(what + ": expected a quoted string").startsWith("\"").endsWith("\"");
            assertThat(s).as(what).isEqualTo(expected.substring(1, expected.length() - 1));
        } else if (actual instanceof Collection<?> c) {
            Set<String> names = c.stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
            String inner = expected.substring(1, expected.length() - 1).strip();
            Set<String> wanted = inner.isEmpty() ? new TreeSet<>()
                    : Stream.of(inner.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
            assertThat(names).as(what).isEqualTo(wanted);
        } else {
            assertThat(String.valueOf(actual)).as(what).isEqualTo(expected);
        }
    }

    private static long parseLong(String text) {
        if (text.equals("NOT_SENT")) {
            return CanMessage.NOT_SENT;
        }
        if (text.startsWith("bytes(")) {
            String[] bytes = text.substring(6, text.length() - 1).strip().split("\\s+");
            long value = 0;
            for (int i = 0; i < bytes.length; i++) {
                value |= Long.parseLong(bytes[i], 16) << (8 * i);
            }
            return value;
        }
        if (text.startsWith("0x")) {
            return Long.parseLong(text.substring(2), 16);
        }
        return Long.parseLong(text);
    }

    static CanProfile profile(String name) {
        switch (name) {
            case "reversed-pairs":
                return CanProfile.builder().alarmPairPolarity(CanProfile.AlarmPairPolarity.REVERSED).build();
            case "ten-watt-hours":
                return CanProfile.builder().energyResolution(CanProfile.EnergyResolution.TEN_WATT_HOURS).build();
            default:
                return CanProfile.named(name);
        }
    }

    record Vector(String name, String source, String profile, String frame, String type,
            Map<String, String> expected) {
    }

    private static final Set<String> KEYWORDS = Set.of("vector", "source", "profile", "frame", "type");

    static List<Vector> read(String file) throws IOException {
        String text;
        try (InputStream in = GoldenVectorsTest.class.getResourceAsStream("golden/" + file)) {
            if (in == null) {
                throw new IOException("test resource golden/" + file + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Vector> vectors = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (String raw : (text + "\n\n").split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (!fields.isEmpty() || !expected.isEmpty()) {
                    for (String key : List.of("vector", "source", "frame", "type")) {
                        if (!fields.containsKey(key)) {
                            throw new IOException(file + ": a vector has no '" + key + "' line: " + fields);
                        }
                    }
                    vectors.add(new Vector(fields.get("vector"), fields.get("source"),
                            fields.getOrDefault("profile", "pylontech"), fields.get("frame"), fields.get("type"),
                            expected));
                    fields = new LinkedHashMap<>();
                    expected = new LinkedHashMap<>();
                }
                continue;
            }
            String[] keyValue = line.split("\\s+", 2);
            if (KEYWORDS.contains(keyValue[0]) && !(keyValue.length > 1 && keyValue[1].startsWith("= "))) {
                fields.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            } else {
                int equals = line.indexOf(" = ");
                if (equals < 0) {
                    throw new IOException(file + ": neither a keyword nor 'name = value': " + line);
                }
                expected.put(line.substring(0, equals).strip(), line.substring(equals + 3).strip());
            }
        }
        return vectors;
    }
}
