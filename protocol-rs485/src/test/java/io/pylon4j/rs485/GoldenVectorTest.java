package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The one runner for the golden vectors in {@code src/test/resources/io/pylon4j/rs485/golden}: every frame of the
 * shared RS485 captures, with the values their sources state.
 *
 * <p>File format: {@code == name} starts a vector; {@code frame:} is the frame text, {@code request:} the request a
 * response answers; {@code expect:} the record's simple class name or {@code error <Exception>}. Then
 * {@code path = value} lines: record components (every component of the decoded record must be listed: a vector
 * asserts every field), {@code si.path} values read through any public method (the SI values the sources state),
 * {@code error.name} values of the exception, {@code frame.name} values of the frame, and {@code reencodes = false}
 * for a request whose frame carries INFO bytes the decoder ignores. Unless marked so, the decoded record must encode
 * back to the very frame.
 */
class GoldenVectorTest {

    static final String[] FILES = {"rs485-fhem-request-vectors.vectors", "rs485-pylontech-spec-examples.vectors",
            "rs485-python-pylontech-tests.vectors", "rs485-tomcat42-lowlevel-us2000b.vectors"};

    record Vector(String file, String name, String request, String frame, String expect, Map<String, String> values) {
    }

    @TestFactory
    Stream<DynamicNode> everyVectorOfEveryCapture() throws IOException {
        List<DynamicNode> files = new ArrayList<>();
        for (String file : FILES) {
            List<Vector> vectors = load(file);
            assertThat(vectors).as(file).isNotEmpty();
            files.add(DynamicContainer.dynamicContainer(file,
                    vectors.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> run(v)))));
        }
        return files.stream();
    }

    @org.junit.jupiter.api.Test
    void theCapturesAreCoveredInFull() throws IOException {
        // 112 FHEM requests (3 of them BADCHK), 4 document frames + the corrected A2, 5 python-pylontech replies,
        // 11 Tomcat42 request/reply pairs
        assertThat(load(FILES[0])).hasSize(112);
        assertThat(load(FILES[0])).filteredOn(v -> v.expect().startsWith("error")).hasSize(3);
        assertThat(load(FILES[1])).hasSize(5);
        assertThat(load(FILES[2])).hasSize(5);
        assertThat(load(FILES[3])).hasSize(22);
    }

    static void run(Vector v) throws Exception {
        if (v.expect().startsWith("error ")) {
            String type = v.expect().substring("error ".length());
            assertThatThrownBy(() -> decode(v)).isInstanceOf(Rs485Exception.class)
                    .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(type))
                    .satisfies(e -> checkPrefixed(v, "error.", e));
            return;
        }
        Object decoded = decode(v);
        assertThat(decoded.getClass().getSimpleName()).as("decoded type").isEqualTo(v.expect());

        Map<String, String> actual = new LinkedHashMap<>();
        flatten("", decoded, actual);
        Map<String, String> expected = new LinkedHashMap<>();
        v.values().forEach((k, val) -> {
            if (!k.contains(".") || !(k.startsWith("si.") || k.startsWith("error.") || k.startsWith("frame."))) {
                if (!k.equals("reencodes")) {
                    expected.put(k, val);
                }
            }
        });
        assertThat(expected.keySet()).as("every field of the record is asserted")
                .containsExactlyInAnyOrderElementsOf(actual.keySet());
        expected.forEach((k, val) -> assertThat(actual.get(k)).as(k).isEqualTo(val));

        checkPrefixed(v, "si.", decoded);
        Rs485Frame frame = Rs485FrameCodec.parse(v.frame());
        checkPrefixed(v, "frame.", frame);

        boolean reencodes = !"false".equals(v.values().get("reencodes"));
        Rs485Frame again = decoded instanceof Rs485Request r ? r.toFrame(frame.version())
                : ((Rs485Response) decoded).toFrame();
        if (reencodes) {
            assertThat(again).as("re-encoded").isEqualTo(frame);
            assertThat(new String(again.encode(), StandardCharsets.US_ASCII)).isEqualTo(v.frame().toUpperCase() + "\r");
        } else {
            assertThat(again).as("re-encoded in the documented, shorter form").isNotEqualTo(frame);
            assertThat(Rs485Codec.decodeRequest(again)).isEqualTo(decoded);
        }
    }

    private static Object decode(Vector v) {
        Rs485Frame frame = Rs485FrameCodec.parse(v.frame());
        if (v.request() == null) {
            return Rs485Codec.decodeRequest(frame);
        }
        Rs485Request request = Rs485Codec.decodeRequest(Rs485FrameCodec.parse(v.request()));
        return Rs485Codec.decodeResponse(request, frame);
    }

    // --- flattening records into path = value ---------------------------------------------------------------------

    static void flatten(String prefix, Object value, Map<String, String> out) throws Exception {
        if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                flatten(prefix + c.getName(), c.getAccessor().invoke(r), out, true);
            }
            return;
        }
        fail("not a record: " + value);
    }

    private static void flatten(String path, Object value, Map<String, String> out, boolean unused) throws Exception {
        if (value instanceof Record) {
            flatten(path + ".", value, out);
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Record) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "].", list.get(i), out);
            }
        } else {
            out.put(path, format(value));
        }
    }

    static String format(Object value) {
        if (value instanceof int[] a) {
            return java.util.Arrays.toString(a);
        }
        if (value instanceof byte[] b) {
            return Hex.toHex(b);
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> c) {
            List<String> items = new ArrayList<>();
            c.forEach(i -> items.add(format(i)));
            return items.toString();
        }
        return String.valueOf(value);
    }

    // --- evaluating si./error./frame. paths ---------------------------------------------------------------------

    private static void checkPrefixed(Vector v, String prefix, Object root) {
        v.values().forEach((k, expected) -> {
            if (k.startsWith(prefix)) {
                Object actual;
                try {
                    actual = evaluate(root, k.substring(prefix.length()));
                } catch (Exception e) {
                    throw new AssertionError(k + ": " + e, e);
                }
                compare(k, expected, actual);
            }
        });
    }

    static Object evaluate(Object root, String path) throws Exception {
        Object current = root;
        for (String segment : path.split("\\.")) {
            String name = segment;
            Integer argument = null;
            Integer index = null;
            int bracket = name.indexOf('[');
            if (bracket >= 0) {
                index = Integer.parseInt(name.substring(bracket + 1, name.indexOf(']')));
                name = name.substring(0, bracket);
            }
            int paren = name.indexOf('(');
            if (paren >= 0) {
                argument = Integer.parseInt(name.substring(paren + 1, name.indexOf(')')));
                name = name.substring(0, paren);
            }
            Method m = publicMethod(current.getClass(), name, argument == null ? 0 : 1);
            current = argument == null ? m.invoke(current) : m.invoke(current, argument);
            if (index != null) {
                current = current instanceof List<?> l ? l.get(index) : java.lang.reflect.Array.get(current, index);
            }
        }
        return current;
    }

    private static Method publicMethod(Class<?> type, String name, int parameters) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method m = find(c, name, parameters);
            if (m != null) {
                return m;
            }
            for (Class<?> i : c.getInterfaces()) {
                m = find(i, name, parameters);
                if (m != null) {
                    return m;
                }
            }
        }
        throw new AssertionError("no public method " + name + " with " + parameters + " parameters on " + type);
    }

    private static Method find(Class<?> c, String name, int parameters) {
        if (!Modifier.isPublic(c.getModifiers())) {
            return null;
        }
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == parameters
                    && Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                return m;
            }
        }
        return null;
    }

    private static void compare(String key, String expected, Object actual) {
        if (actual instanceof Double d) {
            assertThat(d).as(key).isCloseTo(Double.parseDouble(expected), org.assertj.core.data.Offset.offset(1e-9));
        } else if (actual instanceof double[] a) {
            String[] items = expected.substring(1, expected.length() - 1).split(",\\s*");
            assertThat(a).as(key).hasSize(items.length);
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).as(key + "[" + i + "]").isCloseTo(Double.parseDouble(items[i]),
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        } else if (actual instanceof Integer i && expected.startsWith("0x")) {
            assertThat(i).as(key).isEqualTo(Integer.parseInt(expected.substring(2), 16));
        } else {
            assertThat(format(actual)).as(key).isEqualTo(expected);
        }
    }

    // --- loading ------------------------------------------------------------------------------------------------

    static List<Vector> load(String file) throws IOException {
        List<Vector> vectors = new ArrayList<>();
        try (InputStream in = GoldenVectorTest.class.getResourceAsStream("golden/" + file)) {
            if (in == null) {
                throw new IOException("missing test resource golden/" + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String name = null;
            String request = null;
            String frame = null;
            String expect = null;
            Map<String, String> values = new LinkedHashMap<>();
            String line;
            while (true) {
                line = reader.readLine();
                if (line == null || line.startsWith("== ")) {
                    if (name != null) {
                        vectors.add(new Vector(file, name, request, frame, expect, values));
                    }
                    if (line == null) {
                        break;
                    }
                    name = line.substring(3).trim();
                    request = null;
                    frame = null;
                    expect = null;
                    values = new LinkedHashMap<>();
                } else if (line.isBlank() || line.startsWith("#")) {
                    continue;
                } else if (line.startsWith("request: ")) {
                    request = line.substring(9).trim();
                } else if (line.startsWith("frame: ")) {
                    frame = line.substring(7).trim();
                } else if (line.startsWith("expect: ")) {
                    expect = line.substring(8).trim();
                } else {
                    int eq = line.indexOf(" = ");
                    if (eq < 0) {
                        throw new IOException(file + ": not 'path = value': " + line);
                    }
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 3).trim());
                }
            }
        }
        return vectors;
    }
}
