package deepq4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The one JSON reader and writer: the exact layout of config.json and summary.json, plain Java values back, strictness on bad input. */
class JsonTest {

    @Test
    void writesTheLayoutOfConfigAndSummaryFiles() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env_id", "CartPole-v1");
        m.put("seed", 1L);
        m.put("threads", 2);
        m.put("wall_seconds", 12.5);
        m.put("eval_return_mean", 500.0);
        m.put("big", 1e7);
        m.put("huge", 1e20);
        m.put("nan", Double.NaN);
        m.put("hidden", new int[] {120, 84});
        m.put("returns", new double[] {1.5, 2.0});
        m.put("list", List.of("a", 3L));
        m.put("empty", Map.of());
        m.put("nested", Map.of("k", true));
        m.put("none", null);
        m.put("quote", "a \"b\"\n\\");
        String expected = "{\n"
                + "  \"env_id\": \"CartPole-v1\",\n"
                + "  \"seed\": 1,\n"
                + "  \"threads\": 2,\n"
                + "  \"wall_seconds\": 12.5,\n"
                + "  \"eval_return_mean\": 500.0,\n"
                + "  \"big\": 10000000.0,\n"
                + "  \"huge\": 1.0E20,\n"
                + "  \"nan\": null,\n"
                + "  \"hidden\": [120, 84],\n"
                + "  \"returns\": [1.5, 2.0],\n"
                + "  \"list\": [\"a\", 3],\n"
                + "  \"empty\": {},\n"
                + "  \"nested\": {\n"
                + "    \"k\": true\n"
                + "  },\n"
                + "  \"none\": null,\n"
                + "  \"quote\": \"a \\\"b\\\"\\n\\\\\"\n"
                + "}\n";
        assertEquals(expected, Json.write(m));
    }

    @Test
    void readsPlainJavaValuesKeepingKeyOrder() {
        Object v = Json.read(" {\"z\": 1, \"a\": [2.5, -3, \"x\", true, false, null], \"m\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(m.keySet()));
        assertEquals(1L, m.get("z"), "whole numbers are Longs");
        List<?> a = (List<?>) m.get("a");
        assertEquals(2.5, a.get(0), "other numbers Doubles");
        assertEquals(-3L, a.get(1));
        assertEquals("x", a.get(2));
        assertEquals(Boolean.TRUE, a.get(3));
        assertEquals(Boolean.FALSE, a.get(4));
        assertNull(a.get(5));
        assertEquals(Map.of(), m.get("m"));
    }

    @Test
    void refusesWhatIsNotOneWellFormedValue() {
        for (String bad : new String[] {"", "   ", "{\"a\": 1, \"a\": 2}", "{\"a\": 1} x", "[1, 2", "{\"a\" 1}", "\"raw \u0001 control\"",
            "123456789012345678901234567890", "NaN", "{a: 1}", "[1,]"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.read(bad), bad);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Json.read("{\"a\": 1, \"a\": 2}")).getMessage().contains("'a'"),
                "a duplicate key is named");
    }

    @Test
    void nestingIsBoundedWithoutOverflowingTheStack() {
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        Object v = Json.read(ok);
        for (int i = 1; i < Json.MAX_DEPTH; i++) {
            v = ((List<?>) v).get(0);
        }
        assertEquals(List.of(), v);
        String deeper = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Json.read(deeper)).getMessage().contains("depth"));
        // A doctored file of a million brackets is refused at level 65, long before a recursive parser would run out of stack.
        assertThrows(IllegalArgumentException.class, () -> Json.read("[".repeat(1_000_000)));
        assertThrows(IllegalArgumentException.class, () -> Json.read("{\"a\":".repeat(100_000)));
    }

    @Test
    void compactGeneratorWritesNoSpaces() throws Exception {
        StringWriter out = new StringWriter();
        try (var g = Json.compactGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("dtype", "F32");
            g.writeArrayFieldStart("shape");
            g.writeNumber(2);
            g.writeNumber(3);
            g.writeEndArray();
            g.writeEndObject();
        }
        assertEquals("{\"dtype\":\"F32\",\"shape\":[2,3]}", out.toString());
    }

    @Property(tries = 200)
    void whatIsWrittenReadsBackEqual(@ForAll("values") Object value) {
        assertEquals(value, Json.read(Json.write(value)));
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> leaves = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().between(-1e300, 1e300).filter(d -> !d.equals(-0.0)).map(d -> (Object) d),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE));
        return Arbitraries.recursive(() -> leaves, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), inner).ofMaxSize(4)
                        .map(m -> (Object) new LinkedHashMap<>(m))), 3);
    }
}
