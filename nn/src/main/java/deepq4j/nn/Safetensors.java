package deepq4j.nn;

import com.fasterxml.jackson.core.JsonGenerator;
import deepq4j.io.AtomicFile;
import deepq4j.io.Json;
import deepq4j.tensor.Shape;
import deepq4j.tensor.Tensor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format, so weights move between deepq4j and PyTorch
 * ({@code safetensors.torch.load_file} / {@code save_file}).
 *
 * <p>The layout: 8 bytes holding the header's length N (unsigned, little-endian), N bytes of
 * JSON header ({@code {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...}},
 * an optional {@code "__metadata__"} map of strings, padded with spaces), then the raw little-endian
 * data, offsets counted from its start. Files are written through {@link AtomicFile}, so a crash
 * never leaves half a checkpoint.
 */
public final class Safetensors {
    /** The format caps the header at 100 MB; anything larger is a corrupt length. */
    private static final long MAX_HEADER = 100_000_000L;

    private Safetensors() {
    }

    /** Writes float32 tensors under their names. */
    public static void save(Map<String, Tensor> tensors, Path path) throws IOException {
        save(tensors, Map.of(), path);
    }

    /** Writes float32 tensors and a string-to-string metadata map. */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path path) throws IOException {
        save(tensors, Map.of(), metadata, path);
    }

    /**
     * Writes float32 tensors, float64 vectors (state that must survive exactly, such as replay
     * priorities; read back exactly with {@link #read}) and a metadata map. The float64 data comes
     * first, so that it is 8-byte aligned as the reference writer aligns it.
     */
    public static void save(Map<String, Tensor> tensors, Map<String, double[]> float64, Map<String, String> metadata, Path path)
            throws IOException {
        // The header, compact JSON as the reference writer lays it out: metadata, then one entry per
        // tensor in the order of the data, each with its dtype, shape and byte range.
        StringWriter text = new StringWriter();
        List<float[]> values = new ArrayList<>();
        long offset = 0;
        try (JsonGenerator header = Json.compactGenerator(text)) {
            header.writeStartObject();
            if (!metadata.isEmpty()) {
                header.writeObjectFieldStart("__metadata__");
                for (Map.Entry<String, String> m : metadata.entrySet()) {
                    header.writeStringField(m.getKey(), m.getValue());
                }
                header.writeEndObject();
            }
            for (Map.Entry<String, double[]> d : float64.entrySet()) {
                if (d.getKey().equals("__metadata__") || tensors.containsKey(d.getKey())) {
                    throw new IllegalArgumentException("safetensors: the name '" + d.getKey() + "' is reserved or taken");
                }
                long end = offset + 8L * d.getValue().length;
                writeEntry(header, d.getKey(), "F64", new int[] {d.getValue().length}, offset, end);
                offset = end;
            }
            for (Map.Entry<String, Tensor> t : tensors.entrySet()) {
                if (t.getKey().equals("__metadata__")) {
                    throw new IllegalArgumentException("safetensors: '__metadata__' is reserved and cannot name a tensor");
                }
                float[] v = t.getValue().toArray();
                values.add(v);
                long end = offset + 4L * v.length;
                writeEntry(header, t.getKey(), "F32", t.getValue().shape(), offset, end);
                offset = end;
            }
            header.writeEndObject();
        }
        StringBuilder header = new StringBuilder(text.toString());
        while ((8 + utf8Length(header)) % 8 != 0) {
            header.append(' '); // as the reference writer does: data starts 8-byte aligned
        }
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(8 + headerBytes.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(headerBytes.length).put(headerBytes);
        for (double[] v : float64.values()) {
            for (double x : v) {
                buffer.putDouble(x);
            }
        }
        for (float[] v : values) {
            for (float x : v) {
                buffer.putFloat(x);
            }
        }
        AtomicFile.write(path, buffer.array());
    }

    private static int utf8Length(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static void writeEntry(JsonGenerator header, String name, String dtype, int[] shape, long begin, long end)
            throws IOException {
        header.writeObjectFieldStart(name);
        header.writeStringField("dtype", dtype);
        header.writeArrayFieldStart("shape");
        for (int d : shape) {
            header.writeNumber(d);
        }
        header.writeEndArray();
        header.writeArrayFieldStart("data_offsets");
        header.writeNumber(begin);
        header.writeNumber(end);
        header.writeEndArray();
        header.writeEndObject();
    }

    /** Reads every tensor, by name, in the order of their data; F32, F64, F16 and BF16 are read as float32. */
    public static LinkedHashMap<String, Tensor> load(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return parse(bytes, path.toString());
    }

    /** Everything a file holds, read in one pass: its tensors (as {@link #load}), its float64 entries exactly, its metadata. */
    public record Contents(LinkedHashMap<String, Tensor> tensors, LinkedHashMap<String, double[]> float64, Map<String, String> metadata) {
    }

    /** Reads the whole file once (a checkpoint can be hundreds of megabytes: one read, not one per part). */
    public static Contents read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        String where = path.toString();
        return new Contents(parse(bytes, where), float64(bytes, where), metadata(bytes, where));
    }

    /** The float64 entries exactly, flattened, by name (the others are left out). */
    private static LinkedHashMap<String, double[]> float64(byte[] bytes, String where) throws IOException {
        LinkedHashMap<String, double[]> out = new LinkedHashMap<>();
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Object[]> entries = entries(bytes, where); // checks the header length first
        int dataStart = (int) (8 + ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
        for (Object[] e : entries) {
            if (e[1].equals("F64")) {
                double[] v = new double[Shape.size((int[]) e[2])];
                int at = dataStart + (int) e[3];
                for (int i = 0; i < v.length; i++) {
                    v[i] = data.getDouble(at + 8 * i);
                }
                out.put((String) e[0], v);
            }
        }
        return out;
    }

    /** Reads the {@code __metadata__} map (empty if the file has none). */
    public static Map<String, String> metadata(Path path) throws IOException {
        return metadata(Files.readAllBytes(path), path.toString());
    }

    private static Map<String, String> metadata(byte[] bytes, String where) throws IOException {
        Map<String, Object> header = header(bytes, where);
        Map<String, String> out = new LinkedHashMap<>();
        Object meta = header.get("__metadata__");
        if (meta == null) {
            return out;
        }
        if (!(meta instanceof Map)) {
            throw corrupt(where, "__metadata__ is not an object of strings");
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) meta).entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw corrupt(where, "__metadata__ entry '" + e.getKey() + "' is not a string (the format allows only strings)");
            }
            out.put(String.valueOf(e.getKey()), (String) e.getValue());
        }
        return out;
    }

    private static IOException corrupt(String where, String what) {
        return new IOException("safetensors: " + where + ": " + what);
    }

    private static Map<String, Object> header(byte[] bytes, String where) throws IOException {
        if (bytes.length < 8) {
            throw corrupt(where, "file of " + bytes.length + " bytes is too short to hold the 8-byte header length");
        }
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 2 || n > MAX_HEADER || n > bytes.length - 8) {
            throw corrupt(where, "header length " + Long.toUnsignedString(n) + " does not fit the file of " + bytes.length + " bytes");
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 8, (int) n)).toString();
        } catch (CharacterCodingException e) {
            throw corrupt(where, "header is not valid UTF-8");
        }
        Object parsed;
        try {
            parsed = Json.read(json);
        } catch (IllegalArgumentException e) {
            throw corrupt(where, "header is not valid JSON (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map)) {
            throw corrupt(where, "header is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) parsed;
        return header;
    }

    private static LinkedHashMap<String, Tensor> parse(byte[] bytes, String where) throws IOException {
        List<Object[]> entries = entries(bytes, where); // checks the header length first
        int dataStart = (int) (8 + ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (Object[] e : entries) {
            int[] shape = (int[]) e[2];
            float[] v = new float[Shape.size(shape)];
            int at = dataStart + (int) e[3];
            for (int i = 0; i < v.length; i++) {
                switch ((String) e[1]) {
                    case "F32": v[i] = data.getFloat(at + 4 * i); break;
                    case "F64": v[i] = (float) data.getDouble(at + 8 * i); break;
                    case "F16": v[i] = halfToFloat(data.getShort(at + 2 * i)); break;
                    default: v[i] = Float.intBitsToFloat((data.getShort(at + 2 * i) & 0xffff) << 16); break; // BF16
                }
            }
            out.put((String) e[0], Tensor.of(v, shape));
        }
        return out;
    }

    /**
     * The tensors the header lists, checked against the file: {name, dtype, shape, begin, end} in
     * the order of their data, which must cover the data exactly, without holes or overlaps.
     */
    private static List<Object[]> entries(byte[] bytes, String where) throws IOException {
        Map<String, Object> header = header(bytes, where);
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        int dataStart = (int) (8 + n);
        long dataLength = bytes.length - dataStart;
        List<Object[]> entries = new ArrayList<>(); // name, dtype, shape, begin, end
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            String name = e.getKey();
            if (!(e.getValue() instanceof Map)) {
                throw corrupt(where, "entry '" + name + "' is not an object");
            }
            Map<?, ?> info = (Map<?, ?>) e.getValue();
            Object dtype = info.get("dtype");
            int size = dtype == null ? 0 : elementSize(String.valueOf(dtype));
            if (size == 0) {
                throw corrupt(where, "tensor '" + name + "' has unsupported dtype " + dtype + " (F32, F64, F16 and BF16 can be read)");
            }
            int[] shape = ints(info.get("shape"), where, name, "shape");
            int[] offsets = ints(info.get("data_offsets"), where, name, "data_offsets");
            if (offsets.length != 2 || offsets[0] > offsets[1] || offsets[1] > dataLength) {
                throw corrupt(where, "tensor '" + name + "' has data_offsets outside the " + dataLength + " data bytes");
            }
            long expected;
            try {
                expected = (long) Shape.size(shape) * size;
            } catch (IllegalArgumentException tooLarge) {
                throw corrupt(where, "tensor '" + name + "' has shape " + Shape.str(shape) + ", more than 2^31-1 elements");
            }
            if (offsets[1] - offsets[0] != expected) {
                throw corrupt(where, "tensor '" + name + "' of shape " + Shape.str(shape) + " and dtype " + dtype + " needs " + expected
                        + " bytes but its data_offsets span " + (offsets[1] - offsets[0]));
            }
            entries.add(new Object[] {name, String.valueOf(dtype), shape, offsets[0], offsets[1]});
        }
        entries.sort((x, y) -> Integer.compare((int) x[3], (int) y[3]));
        long covered = 0;
        for (Object[] e : entries) {
            if ((int) e[3] != covered) {
                throw corrupt(where, "tensor '" + e[0] + "' starts at byte " + e[3] + " of the data, not " + covered
                        + ": the data has a hole or an overlap");
            }
            covered = (int) e[4];
        }
        if (covered != dataLength) {
            throw corrupt(where, "the data is " + dataLength + " bytes but the tensors cover " + covered);
        }
        return entries;
    }

    private static int elementSize(String dtype) {
        switch (dtype) {
            case "F32": return 4;
            case "F64": return 8;
            case "F16":
            case "BF16": return 2;
            default: return 0;
        }
    }

    private static int[] ints(Object list, String where, String name, String field) throws IOException {
        if (!(list instanceof List)) {
            throw corrupt(where, "tensor '" + name + "' has no " + field + " list");
        }
        List<?> l = (List<?>) list;
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            Object x = l.get(i);
            if (!(x instanceof Long) || (Long) x < 0 || (Long) x > Integer.MAX_VALUE) {
                throw corrupt(where, "tensor '" + name + "' has an invalid " + field + " entry " + x);
            }
            out[i] = (int) (long) (Long) x;
        }
        return out;
    }

    /** IEEE 754 half precision to float (Float.float16ToFloat arrived only in JDK 20). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13)); // infinity or NaN
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f; // subnormal (or zero)
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
