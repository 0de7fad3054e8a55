package io.pylon4j.driver.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A member name encoded once ({@link JsonName}) writes exactly the bytes its {@code String} writes, in every member
 * method, first in its object or not, escaped or not: {@code pylon decode}'s RS485 output did not change when its
 * names became constants (benchmarks/README.md, "RS485 per line, fifth pass").
 */
class JsonNameTest {

    @Test
    void everyMemberMethodWritesTheSameBytesWithANameEncodedOnceAsWithItsString() {
        String[] names = {"voltage", "a\"b\\c", "x\u0001\n", "µ°", ""};
        for (String name : names) {
            JsonName encoded = JsonName.of(name);
            String withStrings = new JsonWriter().beginObject().field(name, "text").field(name, (String) null)
                    .field(name, -42L).field(name, true).field(name, false).fieldNull(name)
                    .fieldScaled(name, 3312, 3).fieldScaled(name, -2731, 1).beginObject(name).field(name, 1L)
                    .endObject().beginArray(name).value(1L).endArray().beginObject(name).beginArray(name).endArray()
                    .endObject().endObject().peek();
            String withNames = new JsonWriter().beginObject().field(encoded, "text").field(encoded, (String) null)
                    .field(encoded, -42L).field(encoded, true).field(encoded, false).fieldNull(encoded)
                    .fieldScaled(encoded, 3312, 3).fieldScaled(encoded, -2731, 1).beginObject(encoded)
                    .field(encoded, 1L).endObject().beginArray(encoded).value(1L).endArray().beginObject(encoded)
                    .beginArray(encoded).endArray().endObject().endObject().peek();

            assertThat(withNames).as("name %s", name).isEqualTo(withStrings);
        }
        assertThat(new JsonWriter().beginObject().field(JsonName.of("v"), 4800).fieldScaled(JsonName.of("w"), 4986, 2)
                .endObject().peek()).isEqualTo("{\"v\":4800,\"w\":49.86}\n");
    }

    @Test
    void aNameKeepsItsTextAndIsNeverNull() {
        assertThat(JsonName.of("cellVoltages")).hasToString("cellVoltages");
        assertThatThrownBy(() -> JsonName.of(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
    }

    @Test
    void aWrongDecimalsCountIsRejectedAsWithAStringName() {
        JsonWriter json = new JsonWriter().beginObject();
        assertThatThrownBy(() -> json.fieldScaled(JsonName.of("v"), 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
