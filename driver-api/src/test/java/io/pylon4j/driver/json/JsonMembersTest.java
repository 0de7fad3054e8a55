package io.pylon4j.driver.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Constant members encoded once ({@link JsonMembers}) write exactly the bytes the same members written one by one
 * write, first in their object or after another member, escaped or not: {@code pylon decode}'s RS485 objects did not
 * change when their bus, direction and command became one copy (benchmarks/README.md, "RS485 per line, sixth pass").
 */
class JsonMembersTest {

    @Test
    void membersEncodedOnceWriteTheSameBytesAsTheirMembersOneByOne() {
        String[][] cases = {{"bus", "rs485"}, {"direction", "response", "command", "0x42"},
                {"a\"b\\c", "x\u0001\n", "µ°", "€", "", ""}};
        for (String[] pairs : cases) {
            JsonMembers encoded = JsonMembers.of(pairs);
            JsonWriter oneByOne = new JsonWriter().beginObject();
            members(oneByOne, pairs).field("n", 1L).beginObject("o");
            members(oneByOne, pairs).endObject().beginArray("a").beginObject();
            members(oneByOne, pairs).endObject().endArray().endObject();
            String once = new JsonWriter().beginObject().members(encoded).field("n", 1L).beginObject("o")
                    .members(encoded).endObject().beginArray("a").beginObject().members(encoded).endObject()
                    .endArray().endObject().peek();

            assertThat(once).as("members %s", String.join(", ", pairs)).isEqualTo(oneByOne.peek());
        }
        assertThat(new JsonWriter().beginObject().members(JsonMembers.of("bus", "rs485")).field("address", 2L)
                .members(JsonMembers.of("direction", "request", "command", "0x4F")).endObject().peek())
                .isEqualTo("{\"bus\":\"rs485\",\"address\":2,\"direction\":\"request\",\"command\":\"0x4F\"}\n");
    }

    @Test
    void onlyWholePairsOfNonNullStringsAreMembers() {
        assertThat(JsonMembers.of("direction", "request", "command", "0x4F"))
                .hasToString("\"direction\":\"request\",\"command\":\"0x4F\"");
        assertThatThrownBy(JsonMembers::of).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 strings");
        assertThatThrownBy(() -> JsonMembers.of("bus", "rs485", "direction"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 strings");
        assertThatThrownBy(() -> JsonMembers.of("bus", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value 0 is null");
        assertThatThrownBy(() -> JsonMembers.of("bus", "rs485", null, "x")).isInstanceOf(NullPointerException.class)
                .hasMessage("name 1 is null");
    }

    private static JsonWriter members(JsonWriter json, String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            json.field(pairs[i], pairs[i + 1]);
        }
        return json;
    }
}
