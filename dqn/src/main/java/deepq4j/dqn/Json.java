package deepq4j.dqn;

import deepq4j.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** Writes maps, lists, numbers and strings as JSON, for config.json and summary.json. */
public final class Json {
    private Json() {
    }

    /** The JSON text of {@code value}, indented by two spaces per level. Non-finite numbers become null. */
    public static String write(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, "");
        return s.append('\n').toString();
    }

    /** Writes {@code value} to {@code path} through a temporary file and a rename, so a crash never leaves half a file. */
    public static void writeFile(Path path, Object value) throws IOException {
        AtomicFile.write(path, write(value));
    }

    private static void write(StringBuilder s, Object v, String indent) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof String) {
            quote(s, (String) v);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            s.append(v);
        } else if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            s.append(Double.isFinite(d) ? (d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) + ".0" : String.valueOf(d)) : "null");
        } else if (v instanceof Map) {
            String inner = indent + "  ";
            s.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                s.append(first ? "\n" : ",\n").append(inner);
                quote(s, String.valueOf(e.getKey()));
                s.append(": ");
                write(s, e.getValue(), inner);
                first = false;
            }
            s.append(first ? "}" : "\n" + indent + "}");
        } else if (v instanceof Collection) {
            s.append('[');
            boolean first = true;
            for (Object o : (Collection<?>) v) {
                s.append(first ? "" : ", ");
                write(s, o, indent);
                first = false;
            }
            s.append(']');
        } else if (v instanceof int[]) {
            s.append('[');
            int[] a = (int[]) v;
            for (int i = 0; i < a.length; i++) {
                s.append(i == 0 ? "" : ", ").append(a[i]);
            }
            s.append(']');
        } else if (v instanceof double[]) {
            s.append('[');
            double[] a = (double[]) v;
            for (int i = 0; i < a.length; i++) {
                s.append(i == 0 ? "" : ", ");
                write(s, a[i], indent);
            }
            s.append(']');
        } else {
            quote(s, v.toString());
        }
    }

    private static void quote(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': s.append("\\\""); break;
                case '\\': s.append("\\\\"); break;
                case '\n': s.append("\\n"); break;
                case '\r': s.append("\\r"); break;
                case '\t': s.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
            }
        }
        s.append('"');
    }
}
