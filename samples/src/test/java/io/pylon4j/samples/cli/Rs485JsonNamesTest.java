package io.pylon4j.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.json.JsonName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Rs485Json} writes every member name from a constant encoded once ({@link Rs485JsonNames}), never from a
 * {@code String}: a {@code String} name costs {@code JsonWriter}'s table look-up and a {@code String.hashCode} per
 * member, which were 13 % of a decoded RS485 line under {@code pylon decode}'s C1 (benchmarks/README.md, "RS485 per
 * line, fifth pass"). No output shows it (the bytes are the same), so the source is what is checked.
 */
class Rs485JsonNamesTest {

    private static final Path SOURCE = Path.of("src/main/java/io/pylon4j/samples/cli/Rs485Json.java");
    /** A member method, or one of Rs485Json's own helpers that takes a name, called with a string literal. */
    private static final Pattern STRING_NAME = Pattern.compile(
            "\\b(field|fieldScaled|fieldNull|beginObject|beginArray|volts|amps|celsius|values|names|extreme)"
                    + "\\((json, )?\"");

    @Test
    void rs485JsonWritesNoMemberNameFromAString() throws Exception {
        List<String> offenders = Files.readAllLines(SOURCE).stream().filter(l -> STRING_NAME.matcher(l).find())
                .map(String::strip).toList();

        assertThat(offenders).as("members of %s named by a String: use a Rs485JsonNames constant",
                SOURCE.toAbsolutePath()).isEmpty();
        assertThat(Files.readString(SOURCE)).as("the helpers take a JsonName").contains("JsonName name");
    }

    @Test
    void eachConstantIsItsOwnNameInUpperSnakeCase() throws Exception {
        List<Field> constants = Arrays.stream(Rs485JsonNames.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == JsonName.class).toList();

        assertThat(constants).as("Rs485JsonNames' constants").hasSizeGreaterThan(40);
        for (Field constant : constants) {
            String name = constant.get(null).toString();
            Matcher camel = Pattern.compile("([a-z0-9])([A-Z])").matcher(name);
            assertThat(constant.getName()).as("the constant for %s", name)
                    .isEqualTo(camel.replaceAll("$1_$2").toUpperCase(java.util.Locale.ROOT));
        }
    }
}
