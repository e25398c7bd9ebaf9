package deepq4j.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every JSON the project reads or writes (config.json, summary.json, safetensors headers, sweep
 * definitions) goes through here, on Jackson's streaming parser and generator.
 *
 * <p>Values are plain Java: objects are {@link LinkedHashMap}s (key order kept), arrays
 * {@link List}s, whole numbers {@link Long}s, other numbers {@link Double}s. Reading is strict,
 * because the files may be damaged or doctored: duplicate keys, text after the value, whole
 * numbers beyond a long and nesting deeper than {@value #MAX_DEPTH} levels are errors, and Jackson's
 * stream-read constraints bound the length of every string and number before it is held in memory.
 */
public final class Json {
    /** Objects and arrays nested deeper than this are refused; our files nest three levels. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /**
     * Parses one JSON value filling the whole text (whitespace around it allowed).
     *
     * @throws IllegalArgumentException saying what is wrong and where, for text that is not such a value
     */
    public static Object read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("no JSON value (the text is empty)");
            }
            Object value = value(p, first);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("unexpected text after the JSON value at character " + p.currentLocation().getCharOffset());
            }
            return value;
        } catch (JsonProcessingException e) {
            // Some errors (a constraint exceeded) carry no location.
            String where = e.getLocation() == null ? "" : " at character " + e.getLocation().getCharOffset();
            throw new IllegalArgumentException(e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source does no I/O
        }
    }

    /** The value starting at {@code token}; nesting is bounded by the factory's {@link #MAX_DEPTH}. */
    private static Object value(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    object.put(key, value(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(value(p, t));
                }
                return array;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new IllegalArgumentException("the whole number " + p.getText() + " is out of range at character "
                            + p.currentLocation().getCharOffset());
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected " + token + " at character " + p.currentLocation().getCharOffset());
        }
    }

    /**
     * The JSON text of {@code value} as config.json and summary.json hold it: an object's entries
     * one per line, indented by two spaces a level, arrays on one line, a newline at the end.
     * Maps, collections, int[] and double[] become objects and arrays, non-finite numbers null,
     * whole doubles keep their ".0" (500.0, never 5.0E2), anything else its toString as a string.
     */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new FilePrinter());
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does no I/O
        }
        return out.append('\n').toString();
    }

    /** Writes {@link #write}'s text to {@code path} through {@link AtomicFile}: a crash never leaves half a file. */
    public static void writeFile(Path path, Object value) throws IOException {
        AtomicFile.write(path, write(value));
    }

    /** A generator writing compact JSON (no spaces) to {@code out}, for formats with a fixed layout such as safetensors headers. */
    public static JsonGenerator compactGenerator(Writer out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof Integer || v instanceof Long) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number) {
            writeDouble(g, ((Number) v).doubleValue());
        } else if (v instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection) {
            g.writeStartArray();
            for (Object o : (Collection<?>) v) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof int[]) {
            g.writeStartArray();
            for (int x : (int[]) v) {
                g.writeNumber(x);
            }
            g.writeEndArray();
        } else if (v instanceof double[]) {
            g.writeStartArray();
            for (double x : (double[]) v) {
                writeDouble(g, x);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    /** A double as Java prints it, but whole values below 1e15 in full (10000000.0, not 1.0E7); NaN and infinities as null. */
    private static void writeDouble(JsonGenerator g, double d) throws IOException {
        if (!Double.isFinite(d)) {
            g.writeNull();
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            g.writeNumber((long) d + ".0");
        } else {
            g.writeNumber(String.valueOf(d));
        }
    }

    /** The layout of {@link #write}: {@code "key": value} one per line, arrays as {@code [1, 2]}. */
    private static final class FilePrinter implements PrettyPrinter {
        private int depth;

        private void newLine(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newLine(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newLine(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newLine(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(']');
        }
    }
}
